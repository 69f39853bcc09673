#pragma once

#include <engine/result.h>
#include <engine/simulator.h>

#include <QSqlDatabase>

#include <functional>

namespace cp::app {

/** What a demo load wrote. */
struct DemoReport
{
    int assets = 0;
    qint64 candles = 0;
    double seconds = 0.0;
};

/**
 * Writes simulated market history (assets, their sectors, candles) into a database in one
 * transaction. The assets are marked is_simulated and the run is recorded in app_metadata, so
 * every view can say the data is simulated. A database that holds real data for one of the
 * simulated symbols is refused rather than mixed.
 */
class DemoLoader
{
public:
    //! Called after each asset; return false to cancel (the database is left as it was).
    using Progress = std::function<bool(int assetsDone, int assetsTotal)>;

    explicit DemoLoader(QSqlDatabase db);
    Result<DemoReport> load(const engine::SimulationConfig &config, const Progress &progress = {});

private:
    QSqlDatabase m_db;
};

} // namespace cp::app
