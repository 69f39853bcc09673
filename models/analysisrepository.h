#pragma once

#include "changeevent.h"

#include <engine/analysistypes.h>
#include <engine/result.h>

#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace cp::models {

/** Everything one analysis run produces; layers that did not run stay empty. */
struct AnalysisRun
{
    std::optional<engine::MacroAnalysis> macro;
    std::optional<engine::SectorAnalysis> sectors;
    std::optional<engine::AssetAnalysis> assets;
    std::vector<engine::SignalResult> signals;
    std::vector<engine::PredictionResult> predictions;
    std::vector<engine::ModelRecord> models;
    //! Written as system_health.data_pipeline_status (timings, skipped assets, counts).
    QJsonObject pipelineStatus;
};

/** What a run wrote: the rows, as change events to announce after commit. */
struct WrittenRun
{
    std::vector<ChangeEvent> changes;
    int suggestions = 0;
    int suggestionsSkippedAsDuplicates = 0;
    int signals = 0;
    int signalsSkippedAsDuplicates = 0;
    int predictions = 0;
};

/**
 * Persists an analysis run into the layer tables in ONE transaction: a failure anywhere leaves
 * the database as it was. Pending suggestions and active signals are never duplicated: a new one
 * for the same asset and action is skipped while the old one is still open.
 */
class AnalysisRepository
{
public:
    explicit AnalysisRepository(QSqlDatabase db);

    Result<WrittenRun> write(const AnalysisRun &run, qint64 nowUnixSeconds);

private:
    QSqlDatabase m_db;
};

} // namespace cp::models
