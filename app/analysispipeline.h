#pragma once

#include "analysisreport.h"

#include <engine/result.h>

#include <QSqlDatabase>

#include <atomic>
#include <functional>
#include <set>

namespace cp::app {

/** Which layers a run writes; earlier layers are always computed as context for later ones. */
struct AnalysisOptions
{
    std::set<int> layers{1, 2, 3, 4};
    bool predictions = true;
    //! Worker threads for per-asset work; 0 = one per core.
    int threads = 0;
};

/**
 * Runs the engine on a database: loads every asset's history on the calling thread's connection,
 * runs layer 1, 2, 3 and 4 (each one's output is context for the next) with per-asset work
 * spread over a thread pool, and writes the results of the run in ONE transaction, then
 * announces the changes. A cancelled or failed run leaves the database as it was. Call it on a
 * worker thread: loading millions of bars takes seconds.
 */
class AnalysisPipeline
{
public:
    //! percent in [0, 100] and a short stage name ("Loading prices", "Layer 1: macro", ...).
    using Progress = std::function<void(int percent, const QString &stage)>;

    explicit AnalysisPipeline(QSqlDatabase db);

    Result<AnalysisReport> run(const AnalysisOptions &options, const Progress &progress = {},
                               const std::atomic<bool> *cancelled = nullptr);

private:
    QSqlDatabase m_db;
};

} // namespace cp::app
