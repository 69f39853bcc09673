#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace cp::app {

/**
 * Turns API answers whose shape differs from the tables into mirror rows: nested lists become
 * rows, and rows the API lists without an id get a stable synthetic one.
 */
namespace PeerReshape {

//! A synthetic id from a parent id and a child key, unique per table in the copy.
qint64 childId(qint64 parentId, qint64 key);
//! GET layer2/sectors/{id}/history: its points as sector_performance rows.
QJsonArray sectorHistory(qint64 sectorId, const QJsonObject &history);
//! GET assets/{id}/prices: its candles as price_data rows (id from the candle's minute).
QJsonArray priceHistory(qint64 cryptoId, const QJsonObject &history);
//! GET layer2/sectors/{id}: the sector itself (a crypto_sectors row).
QJsonObject sector(const QJsonObject &detail);
//! GET layer2/sectors/{id}: the member assets (cryptocurrencies rows, id = crypto_id).
QJsonArray sectorAssets(const QJsonObject &detail);
//! GET layer2/sectors/{id}: the memberships (crypto_sector_mapping rows).
QJsonArray sectorMappings(qint64 sectorId, const QJsonObject &detail);
//! GET layer4/signals/{id}: the analysis columns of the signal's row.
QJsonObject signalAnalysis(const QJsonObject &detail);
//! Rows naming other users (whom the copy does not know) lose that reference.
QJsonArray withoutOtherUsers(const QJsonArray &rows, int userId);
//! Rows whose `key` names one of `known` (foreign keys the copy can satisfy).
QJsonArray referencing(const QJsonArray &rows, const QString &key, const QSet<qint64> &known);

} // namespace PeerReshape

} // namespace cp::app
