// Desktop views on a large database: each view's reads, each page's first paint after
// navigation, the GUI thread's longest stall while an analysis runs, and memory after visiting
// every page. Database: $CRYPTOPREDICT_BENCH_DB (a URL that already holds demo data and one
// analysis), else a temporary SQLite file filled with demo --assets 200 --days 730 --interval 1h
// and one analysis (about 20 s to prepare).
#include <app/analysiscontroller.h>
#include <app/analysispipeline.h>
#include <app/demoloader.h>
#include <models/connection.h>
#include <models/connectionpool.h>
#include <models/migrator.h>
#include <models/views/adminqueries.h>
#include <models/views/markethistory.h>
#include <models/views/overviewsnapshot.h>
#include <models/views/reviewqueries.h>
#include <models/views/sectorqueries.h>
#include <models/views/signalqueries.h>
#include <ui/mainwindow.h>
#include <ui/views/page.h>

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <chrono>

using namespace cp;

namespace {

models::DatabaseUrl g_url;
std::unique_ptr<models::ConnectionPool> g_pool;

QSqlDatabase db()
{
    return *g_pool->connectionForThisThread();
}

template<typename Load>
void runLoad(benchmark::State &state, Load load)
{
    for (auto _ : state) {
        auto result = load(db());
        if (!result.ok()) {
            state.SkipWithError(qPrintable(result.error()));
            return;
        }
        benchmark::DoNotOptimize(result);
    }
}

void BM_LoadOverview(benchmark::State &s)
{
    runLoad(s, models::views::loadOverviewSnapshot);
}
void BM_LoadMarketHistory(benchmark::State &s)
{
    runLoad(s, models::views::loadMarketHistory);
}
void BM_LoadSectors(benchmark::State &s)
{
    runLoad(s, models::views::loadLatestSectorPerformance);
}
void BM_LoadSignals(benchmark::State &s)
{
    runLoad(s, models::views::loadActiveSignals);
}
void BM_LoadSuggestions(benchmark::State &s)
{
    runLoad(s, models::views::loadPendingSuggestions);
}
void BM_LoadAccuracy(benchmark::State &s)
{
    runLoad(s, models::views::loadPredictionAccuracy);
}
void BM_LoadCandles(benchmark::State &s)
{
    runLoad(s, [](QSqlDatabase d) { return models::views::loadCandles(d, 1, 2000); });
}
void BM_LoadSectorMembers(benchmark::State &s)
{
    runLoad(s, [](QSqlDatabase d) { return models::views::loadSectorMembers(d, 2); });
}
BENCHMARK(BM_LoadOverview)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadMarketHistory)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadSectors)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadSignals)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadSuggestions)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadAccuracy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadCandles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadSectorMembers)->Unit(benchmark::kMillisecond);

ui::UserSession admin()
{
    ui::UserSession session;
    session.userId = 1;
    session.email = QStringLiteral("bench@example.com");
    session.role = models::Role::Admin;
    return session;
}

ui::MainWindow &window()
{
    static std::unique_ptr<ui::MainWindow> w;
    if (!w) {
        w = std::make_unique<ui::MainWindow>(g_url, admin());
        QSignalSpy ready(w.get(), &ui::MainWindow::databaseReady);
        w->resize(1440, 900);
        w->show();
        ready.wait(60000);
    }
    return *w;
}

/** From a click in the navigation to the page painted with fresh data (its reads re-run). */
void BM_PageFirstPaint(benchmark::State &state, const char *pageName)
{
    ui::MainWindow &w = window();
    ui::Page *page = w.page(QString::fromLatin1(pageName));
    for (auto _ : state) {
        w.showPage(QStringLiteral("homePage"));
        QTest::qWaitFor([&] { return !w.page(QStringLiteral("homePage"))->isLoading(); }, 60000);
        page->refresh(); // hidden: only marks it stale, so showing it reloads
        const int before = page->refreshCount();
        QElapsedTimer timer;
        timer.start();
        w.showPage(page->objectName());
        QTest::qWaitFor([&] { return page->refreshCount() > before && !page->isLoading(); }, 60000);
        w.grab();
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
    }
}
BENCHMARK_CAPTURE(BM_PageFirstPaint, home, "homePage")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_PageFirstPaint, sectors, "sectorsPage")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_PageFirstPaint, watchlists, "watchlistsPage")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_PageFirstPaint, suggestions, "suggestionsPage")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_PageFirstPaint, signals, "signalsPage")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_PageFirstPaint, predictions, "predictionsPage")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK_CAPTURE(BM_PageFirstPaint, admin, "adminPage")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

/** Resident memory after every page was shown with its data. */
void BM_MemoryAfterEveryPage(benchmark::State &state)
{
    ui::MainWindow &w = window();
    for (auto _ : state) {
        for (ui::Page *page : w.pages()) {
            w.showPage(page->objectName());
            QTest::qWaitFor([&] { return page->refreshCount() > 0 && !page->isLoading(); }, 60000);
        }
    }
    state.counters["rss_MiB"] = residentMiB();
}
BENCHMARK(BM_MemoryAfterEveryPage)->Iterations(1)->Unit(benchmark::kMillisecond);

/**
 * An analysis runs while the home page is shown; a 2 ms timer measures how late the GUI
 * thread's event loop serves it. max_stall_ms is the longest gap beyond the interval.
 */
void BM_GuiStallDuringAnalysis(benchmark::State &state)
{
    ui::MainWindow &w = window();
    w.showPage(QStringLiteral("homePage"));
    for (auto _ : state) {
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worst = 0;
        QTimer probe;
        probe.setInterval(2);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last - 2);
            last = now;
        });
        clock.start();
        probe.start();
        w.analysisController()->start();
        QTest::qWaitFor([&] { return !w.analysisController()->isRunning(); }, 600000);
        // Let the pages refresh from the run's change events, still under the probe.
        QTest::qWait(1500);
        probe.stop();
        state.counters["max_stall_ms"] = double(worst);
        state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
    }
}
BENCHMARK(BM_GuiStallDuringAnalysis)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

bool prepareDatabase(QTemporaryDir &dir)
{
    const QString given = qEnvironmentVariable("CRYPTOPREDICT_BENCH_DB");
    if (!given.isEmpty()) {
        const Result<models::DatabaseUrl> url = models::DatabaseUrl::parse(given);
        if (!url)
            return false;
        g_url = *url;
        return true;
    }
    g_url.dialect = models::Dialect::SQLite;
    g_url.filePath = dir.filePath(QStringLiteral("views.db"));
    Result<QSqlDatabase> conn = models::openConnection(g_url, QStringLiteral("bench-prepare"));
    bool ok = conn.ok() && models::Migrator(*conn).migrate().ok();
    if (ok) {
        engine::SimulationConfig config;
        config.assetCount = 200;
        config.days = 730;
        config.interval = engine::Interval::Hour;
        ok = app::DemoLoader(*conn).load(config).ok() && app::AnalysisPipeline(*conn).run({}).ok();
    }
    models::closeConnection(QStringLiteral("bench-prepare"));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CryptoPredict"));
    QApplication::setApplicationName(QStringLiteral("cryptopredict-bench"));
    QTemporaryDir dir;
    if (!prepareDatabase(dir)) {
        fprintf(stderr, "bench_views: could not prepare the database\n");
        return 1;
    }
    g_pool = std::make_unique<models::ConnectionPool>(g_url);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
