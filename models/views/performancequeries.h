#pragma once

#include <engine/result.h>

#include <QJsonObject>
#include <QSqlDatabase>

#include <optional>

namespace cp::models::views {

/** The live record of the signals the evaluator closed (trading_signals with an outcome). */
struct LiveSignalRecord
{
    int targetHits = 0;
    int stopHits = 0;
    int expired = 0;
    double averageReturnPct = 0.0; //!< over the closed signals that carry a return
    int withReturn = 0;
    int closed() const { return targetHits + stopHits + expired; }
};

/** What the Signals page's performance panel shows. */
struct SignalPerformance
{
    //! The stored out-of-sample report (engine::BacktestReport::toJson()); empty before any
    //! backtest ran.
    std::optional<QJsonObject> backtest;
    LiveSignalRecord live;
};

/**
 * Reads app_metadata "last_backtest" and the outcomes `cryptopredict-cli evaluate` wrote into the
 * ai_analysis of expired signals. The JSON is parsed here rather than in SQL so both dialects
 * read it the same way.
 */
Result<SignalPerformance> loadSignalPerformance(QSqlDatabase db);

} // namespace cp::models::views
