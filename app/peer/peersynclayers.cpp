// PeerSync, second half: the resources whose answers need reshaping before they fit the tables
// (layer 2, predictions, executions, signal analyses, review trail, admin page, health), and
// the chart assets' prices: their candles after a full sync, their newest price live.
#include "peersync.h"

#include "peerchannels.h"
#include "peermirror.h"
#include "peerreshape.h"

#include <models/changebus.h>

#include <QJsonObject>

namespace cp::app {

namespace {

//! Signal details asked for per round: a first sync of a large peer fetches the rest later.
constexpr int kDetailsPerRound = 50;
//! Assets whose candles are copied, and how far back: the charts draw at most 180 candles.
constexpr int kPriceAssets = 50;
constexpr int kPriceDays = 14;

} // namespace

void PeerSync::applied(const Result<bool> &changed, const QString &table)
{
    if (!changed) {
        m_roundFailed = true;
        m_lastError = changed.error();
        return;
    }
    if (*changed)
        models::ChangeBus::instance().announce({table, 0, QStringLiteral("update")});
}

Result<QSet<qint64>> PeerSync::knowUsers(const QJsonArray &rows, const QString &idKey,
                                         const QString &emailKey)
{
    using R = Result<QSet<qint64>>;
    QJsonArray users;
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        if (row.value(emailKey).isString())
            users.append(QJsonObject{{QStringLiteral("id"), row.value(idKey)},
                                     {QStringLiteral("email"), row.value(emailKey)}});
    }
    // A failure is noted for the round by applied(); the caller only skips its rows.
    const Result<bool> stored = m_mirror->replace(MirrorTable::activityUsers(), users);
    applied(stored, QStringLiteral("users"));
    if (!stored)
        return R::failure(stored.error());
    const Result<QList<qint64>> known =
        m_mirror->ids(QStringLiteral("users"), QStringLiteral("1 = 1"));
    if (!known) {
        applied(Result<bool>::failure(known.error()), QString());
        return R::failure(known.error());
    }
    return QSet<qint64>(known->begin(), known->end());
}

void PeerSync::requestSignalExtras()
{
    request(Executions, QStringLiteral("layer4/executions?limit=200"));
    // The list leaves the analysis out; a signal's detail has it. Fetched once per session:
    // the analysis of a signal does not change after it was generated.
    const Result<QList<qint64>> active = m_mirror->ids(
        QStringLiteral("trading_signals"),
        QStringLiteral("status = 'active' AND (ai_analysis IS NULL OR ai_analysis IN ('', '{}'))"));
    if (!active)
        return;
    int asked = 0;
    for (qint64 id : *active) {
        if (m_detailed.contains(id) || asked == kDetailsPerRound)
            continue;
        m_detailed.insert(id);
        ++asked;
        request(SignalDetail, QStringLiteral("layer4/signals/%1").arg(id), id);
    }
}

QList<qint64> PeerSync::chartAssets() const
{
    const Result<QList<qint64>> assets = m_mirror->ids(
        QStringLiteral("cryptocurrencies"),
        QStringLiteral("id IN (SELECT crypto_id FROM trading_signals WHERE status = 'active')"
                       " OR id IN (SELECT crypto_id FROM watchlist_items)"));
    if (!assets)
        return {};
    return assets->mid(0, kPriceAssets);
}

void PeerSync::requestPrices()
{
    for (qint64 id : chartAssets())
        request(Prices,
                QStringLiteral("assets/%1/prices?interval=1h&days=%2").arg(id).arg(kPriceDays), id);
}

void PeerSync::followPrices()
{
    QStringList ids;
    for (qint64 id : chartAssets())
        ids.append(QString::number(id));
    const QString channel =
        ids.isEmpty() ? QString() : QStringLiteral("prices/") + ids.join(QLatin1Char(','));
    // After every full sync: only a changed set of assets costs a new connection.
    if (channel == m_priceChannel)
        return;
    closePrices();
    m_priceChannel = channel;
    if (!channel.isEmpty())
        m_prices->open({channel});
}

void PeerSync::closePrices()
{
    m_prices->close();
    m_priceChannel.clear();
}

void PeerSync::onPriceMessage(const QString &type, const QJsonValue &data)
{
    if (m_state != State::Connected && m_state != State::Syncing)
        return;
    if (type != QLatin1String("snapshot") && type != QLatin1String("prices"))
        return;
    bool changed = false;
    for (const QJsonValue &value : data.toArray()) {
        const QJsonObject price = value.toObject();
        const qint64 cryptoId = price.value(QStringLiteral("crypto_id")).toInteger();
        const QJsonValue close = price.value(QStringLiteral("price"));
        const QDateTime time =
            QDateTime::fromString(price.value(QStringLiteral("timestamp")).toString(), Qt::ISODate);
        if (cryptoId <= 0 || !close.isDouble() || !time.isValid())
            continue;
        // The candle of that minute, as the history copy keys it (PeerReshape::priceHistory).
        const qint64 id = PeerReshape::childId(cryptoId, time.toSecsSinceEpoch() / 60);
        QJsonObject row{{QStringLiteral("id"), id},
                        {QStringLiteral("crypto_id"), cryptoId},
                        {QStringLiteral("symbol"), price.value(QStringLiteral("symbol"))},
                        {QStringLiteral("current_price"), close},
                        {QStringLiteral("timestamp"), price.value(QStringLiteral("timestamp"))},
                        {QStringLiteral("close"), close}};
        // A candle the history brought keeps its open, high and low; a new one starts flat.
        const Result<QList<qint64>> known =
            m_mirror->ids(QStringLiteral("price_data"), QStringLiteral("id = %1").arg(id));
        if (known && known->isEmpty()) {
            row.insert(QStringLiteral("open"), close);
            row.insert(QStringLiteral("high"), close);
            row.insert(QStringLiteral("low"), close);
        }
        const Result<bool> stored = m_mirror->upsert(MirrorTable::priceData(cryptoId), row);
        if (!stored) {
            m_lastError = stored.error();
            continue;
        }
        changed = changed || *stored;
    }
    if (changed) {
        models::ChangeBus::instance().announce(
            {QStringLiteral("price_data"), 0, QStringLiteral("update")});
        models::ChangeBus::instance().announce(
            {QStringLiteral("cryptocurrencies"), 0, QStringLiteral("update")});
    }
}

bool PeerSync::storeMore(int resource, const PeerReply &reply, qint64 scopeId)
{
    const QString assets = QStringLiteral("cryptocurrencies");
    switch (resource) {
    case Rotation: {
        // 404 "no_data" before the first sector analysis: no rotation row.
        if (!reply.ok() && reply.status != 404)
            break;
        QJsonArray rows;
        if (reply.ok()) {
            QJsonObject row = reply.object();
            row.insert(QStringLiteral("id"), 1);
            rows.append(row);
        }
        applied(m_mirror->replace(MirrorTable::sectorRotation(), rows),
                QStringLiteral("sector_rotation_analysis"));
        return true;
    }
    case SectorDetail:
    case SectorHistory:
        // A sector removed meanwhile: the next list drops it.
        if (reply.status == 404)
            return true;
        break;
    case SignalDetail:
        if (reply.status == 404)
            return true;
        break;
    case Prices:
        // A peer of an older version has no price endpoint (404 without an asset's message
        // too): the charts stay empty, as before.
        if (reply.ok())
            applied(m_mirror->replace(MirrorTable::priceData(scopeId),
                                      PeerReshape::priceHistory(scopeId, reply.object())),
                    QStringLiteral("price_data"));
        return true;
    case Reviews:
        // A peer of an older version has no review trail to offer.
        if (reply.status == 404)
            return true;
        break;
    case Health:
        // An older peer without the field: its data counts as real.
        if (reply.ok() || reply.status == 503) {
            const bool simulated = reply.object().value(QStringLiteral("simulated")).toBool();
            applied(m_mirror->markSimulated(simulated), QStringLiteral("cryptocurrencies"));
            if (std::exchange(m_simulated, simulated) != simulated)
                Q_EMIT simulatedChanged(simulated);
        }
        return true;
    case Sectors:
    case Predictions:
    case Executions:
    case Admin:
    case AdminHealth:
    case AdminActivities:
        break;
    default:
        return false;
    }
    if (!reply.ok())
        return false; // store() records the failure
    switch (resource) {
    case Sectors: {
        const QJsonArray list = reply.array();
        applied(m_mirror->replace(MirrorTable::sectors(), list), QStringLiteral("crypto_sectors"));
        for (const QJsonValue &value : list) {
            const qint64 id = value.toObject().value(QStringLiteral("id")).toInteger();
            request(SectorDetail, QStringLiteral("layer2/sectors/%1").arg(id), id);
            request(SectorHistory, QStringLiteral("layer2/sectors/%1/history?days=365").arg(id),
                    id);
        }
        break;
    }
    case SectorDetail: {
        const QJsonObject detail = reply.object();
        applied(m_mirror->upsert(MirrorTable::sectors(), PeerReshape::sector(detail)),
                QStringLiteral("crypto_sectors"));
        applied(m_mirror->replace(MirrorTable::sectorAssets(), PeerReshape::sectorAssets(detail)),
                assets);
        applied(m_mirror->replace(MirrorTable::sectorMapping(scopeId),
                                  PeerReshape::sectorMappings(scopeId, detail)),
                QStringLiteral("crypto_sector_mapping"));
        break;
    }
    case SectorHistory:
        applied(m_mirror->replace(MirrorTable::sectorPerformance(scopeId),
                                  PeerReshape::sectorHistory(scopeId, reply.object())),
                QStringLiteral("sector_performance"));
        break;
    case Predictions:
        applied(m_mirror->replace(MirrorTable::predictions(),
                                  PeerReshape::withoutOtherUsers(reply.array(), m_login.userId)),
                QStringLiteral("predictions_enhanced"));
        break;
    case Executions: {
        // An execution of a signal beyond the copied 200 cannot reference it: left out.
        const Result<QList<qint64>> known =
            m_mirror->ids(QStringLiteral("trading_signals"), QStringLiteral("1 = 1"));
        if (!known) {
            applied(Result<bool>::failure(known.error()), QString());
            break;
        }
        const QSet<qint64> ids(known->begin(), known->end());
        applied(m_mirror->replace(
                    MirrorTable::executions(m_login.userId),
                    PeerReshape::referencing(reply.array(), QStringLiteral("signal_id"), ids)),
                QStringLiteral("signal_executions"));
        break;
    }
    case Admin:
        applied(m_mirror->replace(MirrorTable::aiModels(), reply.array()),
                QStringLiteral("ai_models"));
        break;
    case AdminHealth: {
        QJsonObject row = reply.object();
        row.insert(QStringLiteral("id"), 1);
        applied(m_mirror->replace(MirrorTable::systemHealth(), QJsonArray{row}),
                QStringLiteral("system_health"));
        break;
    }
    case AdminActivities: {
        const QJsonArray activities = reply.array();
        const Result<QSet<qint64>> users =
            knowUsers(activities, QStringLiteral("user_id"), QStringLiteral("email"));
        if (users)
            applied(m_mirror->replace(
                        MirrorTable::userActivities(),
                        PeerReshape::referencing(activities, QStringLiteral("user_id"), *users)),
                    QStringLiteral("user_activities"));
        break;
    }
    case Reviews: {
        // Reviews of suggestions beyond the copied 200 cannot reference them: left out.
        const QJsonArray reviews = reply.array();
        const Result<QSet<qint64>> users =
            knowUsers(reviews, QStringLiteral("reviewer_id"), QStringLiteral("reviewer_email"));
        const Result<QList<qint64>> suggestions =
            m_mirror->ids(QStringLiteral("ai_suggestions"), QStringLiteral("1 = 1"));
        if (!users || !suggestions) {
            applied(Result<bool>::failure(users ? suggestions.error() : users.error()), QString());
            break;
        }
        const QJsonArray known = PeerReshape::referencing(
            PeerReshape::referencing(reviews, QStringLiteral("reviewer_id"), *users),
            QStringLiteral("suggestion_id"),
            QSet<qint64>(suggestions->begin(), suggestions->end()));
        applied(m_mirror->replace(MirrorTable::suggestionReviews(), known),
                QStringLiteral("suggestion_reviews"));
        break;
    }
    case SignalDetail:
        applied(m_mirror->upsert(MirrorTable::tradingSignals(),
                                 PeerReshape::signalAnalysis(reply.object())),
                QStringLiteral("trading_signals"));
        break;
    default:
        break;
    }
    return true;
}

} // namespace cp::app
