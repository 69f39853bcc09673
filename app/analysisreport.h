#pragma once

#include <engine/analysistypes.h>

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace cp::app {

/** What one analysis run did, for the CLI summary, the GUI status bar and system_health. */
struct AnalysisReport
{
    qint64 analysisTime = 0; //!< the newest bar's time: what the analysis is "as of"
    int assets = 0;
    qint64 candles = 0;
    double loadSeconds = 0.0;
    double computeSeconds = 0.0;
    double persistSeconds = 0.0;
    //! Seconds per layer ("layer1" ... "layer4", "predictions").
    QJsonObject layerSeconds;
    QString regime;
    double regimeConfidence = 0.0;
    int sectors = 0;
    int suggestions = 0;
    int duplicateSuggestionsSkipped = 0;
    int signalCount = 0;
    int duplicateSignalsSkipped = 0;
    int predictions = 0;
    std::vector<engine::SkippedAsset> skipped;
    //! Sentences about the run a user should read (e.g. why signals were withheld).
    QStringList notes;

    QJsonObject toJson() const;
};

} // namespace cp::app
