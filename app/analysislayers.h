#pragma once

#include "analysisreport.h"

#include <engine/assethistory.h>
#include <engine/suggestionengine.h>
#include <models/analysisrepository.h>
#include <models/appconfig.h>

#include <QThreadPool>

#include <atomic>
#include <functional>

namespace cp::app {

/**
 * The engine half of an analysis run: layer 1 -> 2 -> 3 -> 4 and the forecasts on in-memory
 * histories, per-asset work on `pool`. Pure computation: no database, no clock.
 */
class AnalysisLayers
{
public:
    using Stage = std::function<void(int percent, const QString &stage)>;

    AnalysisLayers(QThreadPool &pool, const std::atomic<bool> *cancelled, Stage stage);

    //! Fills `run` and the compute part of `report`; false when cancelled.
    bool compute(const std::vector<engine::AssetHistory> &assets,
                 const std::vector<engine::PendingSuggestion> &pending,
                 const models::AppConfig &config, bool withPredictions, models::AnalysisRun &run,
                 AnalysisReport &report);

private:
    bool cancelled() const { return m_cancelled && m_cancelled->load(); }

    QThreadPool &m_pool;
    const std::atomic<bool> *m_cancelled = nullptr;
    Stage m_stage;
};

} // namespace cp::app
