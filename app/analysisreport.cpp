#include "analysisreport.h"

#include <models/sqltimestamp.h>

#include <QJsonArray>

namespace cp::app {

QJsonObject AnalysisReport::toJson() const
{
    QJsonArray skippedJson;
    for (const engine::SkippedAsset &s : skipped) {
        skippedJson.append(QJsonObject{{QStringLiteral("crypto_id"), s.cryptoId},
                                       {QStringLiteral("symbol"), s.symbol},
                                       {QStringLiteral("reason"), s.reason}});
    }
    return {
        {QStringLiteral("analysis_time"), models::SqlTimestamp::fromUnixSeconds(analysisTime)},
        {QStringLiteral("assets"), assets},
        {QStringLiteral("candles"), candles},
        {QStringLiteral("timings"), QJsonObject{{QStringLiteral("load_seconds"), loadSeconds},
                                                {QStringLiteral("compute_seconds"), computeSeconds},
                                                {QStringLiteral("persist_seconds"), persistSeconds},
                                                {QStringLiteral("layers"), layerSeconds}}},
        {QStringLiteral("regime"), regime},
        {QStringLiteral("regime_confidence"), regimeConfidence},
        {QStringLiteral("sectors"), sectors},
        {QStringLiteral("suggestions"), suggestions},
        {QStringLiteral("duplicate_suggestions_skipped"), duplicateSuggestionsSkipped},
        {QStringLiteral("signals"), signalCount},
        {QStringLiteral("duplicate_signals_skipped"), duplicateSignalsSkipped},
        {QStringLiteral("predictions"), predictions},
        {QStringLiteral("skipped"), skippedJson},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

} // namespace cp::app
