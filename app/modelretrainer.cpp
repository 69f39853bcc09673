#include "modelretrainer.h"

#include <engine/dailymarket.h>
#include <engine/forecaster.h>
#include <engine/macroanalyzer.h>
#include <engine/timinganalyzer.h>
#include <models/analysisrepository.h>
#include <models/changebus.h>
#include <models/marketdataloader.h>

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrentMap>
#include <QThreadPool>

#include <numeric>

namespace cp::app {

namespace {

const QString kMacro = QStringLiteral("macro_regime_hmm");
const QString kTiming = QString::fromLatin1(engine::SignalModel::name);
const QString kForecast = QString::fromLatin1(engine::Forecaster::name);

void setStatus(QSqlDatabase db, const QString &name, const QString &status)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE ai_models SET status = ? WHERE name = ?"));
    query.addBindValue(status);
    query.addBindValue(name);
    query.exec();
}

Result<engine::ModelRecord> fit(const std::vector<engine::AssetHistory> &assets,
                                const QString &name)
{
    using R = Result<engine::ModelRecord>;
    const engine::DailyMarket market(assets);
    if (name == kMacro) {
        const engine::MacroReport report = engine::analyzeMacro(market, assets);
        if (!report.modelTrained)
            return R::failure(
                QStringLiteral("The regime model could not be trained: %1").arg(report.status));
        return report.model;
    }
    std::vector<int> indices(assets.size());
    std::iota(indices.begin(), indices.end(), 0);
    QThreadPool pool;
    if (name == kTiming) {
        const engine::TimingAnalyzer timing(engine::TimingConfig{});
        std::vector<engine::AssetCandidates> candidates(assets.size());
        QtConcurrent::blockingMap(&pool, indices, [&](int i) {
            candidates[std::size_t(i)] = timing.scan(assets[std::size_t(i)]);
        });
        const engine::SignalModel model = timing.train(candidates);
        if (!model.isFitted())
            return R::failure(
                QStringLiteral("Too few past signal candidates to fit the timing model."));
        return model.record();
    }
    const engine::Forecaster forecaster;
    std::vector<engine::AssetForecast> forecasts(assets.size());
    QtConcurrent::blockingMap(&pool, indices, [&](int i) {
        forecasts[std::size_t(i)] = forecaster.forecast(assets[std::size_t(i)]);
    });
    qint64 latest = 0;
    for (const engine::AssetHistory &asset : assets) {
        if (!asset.candles.empty())
            latest = std::max(latest, asset.candles.back().time);
    }
    return forecaster.record(forecasts, latest);
}

} // namespace

QStringList retrainableModels()
{
    return {kMacro, kTiming, kForecast};
}

Result<engine::ModelRecord> retrainModel(QSqlDatabase db, const QString &modelName)
{
    using R = Result<engine::ModelRecord>;
    if (!retrainableModels().contains(modelName))
        return R::failure(QStringLiteral("There is no model named '%1'; models: %2.")
                              .arg(modelName, retrainableModels().join(QStringLiteral(", "))));
    setStatus(db, modelName, QStringLiteral("training"));
    const Result<std::vector<engine::AssetHistory>> assets = models::MarketDataLoader(db).load();
    if (!assets) {
        setStatus(db, modelName, QStringLiteral("error"));
        return R::failure(assets.error());
    }
    const R record = fit(*assets, modelName);
    if (!record) {
        setStatus(db, modelName, QStringLiteral("error"));
        return record;
    }
    models::AnalysisRun run;
    run.models.push_back(*record);
    run.pipelineStatus = QJsonObject{{QStringLiteral("retrained"), modelName}};
    const auto written =
        models::AnalysisRepository(db).write(run, QDateTime::currentSecsSinceEpoch());
    if (!written) {
        setStatus(db, modelName, QStringLiteral("error"));
        return R::failure(written.error());
    }
    models::ChangeBus::instance().publish(db, written->changes);
    return record;
}

} // namespace cp::app
