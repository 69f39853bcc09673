#pragma once

#include "calibration.h"
#include "logisticmodel.h"

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

#include <cmath>
#include <span>
#include <vector>

namespace cp::engine {

/**
 * Examples for walk-forward training of a probability model. Each row has features known at
 * `decisionTime` and a 0/1 label that became known at `knownAt` (NaN label: still open, never
 * trained on or scored, but still predicted). Rows may come in any order.
 */
struct WalkForwardData
{
    int featureCount = 0;
    std::vector<double> features; //!< row-major, featureCount columns
    std::vector<qint64> decisionTime;
    std::vector<qint64> knownAt;
    std::vector<double> label;

    int size() const { return int(label.size()); }
    bool isLabelled(int row) const { return !std::isnan(label[std::size_t(row)]); }
    std::span<const double> row(int i) const
    {
        return std::span<const double>(features).subspan(std::size_t(i) * featureCount,
                                                         std::size_t(featureCount));
    }
    void reserve(int rows);
    void add(std::span<const double> rowFeatures, qint64 decision, qint64 known, double y);
};

struct WalkForwardOptions
{
    //! Folds of equal row counts in decision-time order; the first only trains, never predicts.
    int folds = 10;
    //! A fold is predicted only if at least this many labels were known before it began.
    int minTrainRows = 500;
    //! Beyond this, training rows are thinned by a fixed stride (every k-th in knownAt order).
    int maxTrainRows = 40000;
    /**
     * The L2 penalty is chosen per fit from this grid by a time split of the known labels: fit
     * on labels known before the newest quarter of decisions began, score the Brier on that
     * quarter and keep the strongest penalty within one standard error of the best score (the
     * one-standard-error rule: prefer the simpler model unless the data clearly say otherwise).
     * With too few labels for that split
     * the largest value is used (too little evidence: stay near the base rate). Empty: always
     * use fit.l2.
     */
    std::vector<double> l2Grid{1.0, 10.0, 100.0, 1000.0, 10000.0};
    //! Rows of each side of that split are thinned to at most this many.
    int selectionRows = 10000;
    //! For that standard error, rows decided in the same period of this length (e.g. one day,
    //! across assets) count as one observation; 0: every row counts singly.
    qint64 clusterSeconds = 86400;
    //! Platt scaling needs at least this many earlier out-of-sample predictions; it is used
    //! only if, fitted on the older two thirds of them, it improves the newest third's Brier by
    //! more than one standard error (clustered as above).
    int minCalibrationRows = 500;
    bool calibrate = true;
    LogisticModel::FitOptions fit;
};

/** One fold: what was trained on and what was predicted. */
struct WalkForwardFold
{
    qint64 start = 0; //!< decision time of the fold's first row
    qint64 end = 0;   //!< decision time of the next fold's first row (or last row + 1)
    int testRows = 0;
    int knownRows = 0; //!< labels known at `start`
    int trainRows = 0; //!< after thinning
    int stride = 1;
    qint64 latestKnownAt = 0; //!< latest knownAt among the training rows; always <= start
    bool predicted = false;
    double trainingBaseRate = 0.0;
    double l2 = 0.0; //!< the penalty chosen for this fold
    PlattScaling calibration;
};

/** A classifier fitted on the labels known at one moment, with its calibration step. */
struct FittedClassifier
{
    LogisticModel model;
    PlattScaling calibration;
    qint64 asOf = 0;
    int knownRows = 0;
    int trainRows = 0;
    int stride = 1;
    qint64 latestKnownAt = 0;
    double trainingBaseRate = 0.0;
    double l2 = 0.0;
    //! Held-out Brier per grid value (same order as WalkForwardOptions::l2Grid); may be empty.
    std::vector<double> l2ValidationBrier;
    //! Why the calibration step is or is not applied.
    QString calibrationNote;

    bool isFitted() const { return model.isFitted(); }
    double predictRaw(std::span<const double> row) const { return model.predict(row); }
    double predict(std::span<const double> row) const
    {
        return calibration.apply(model.predict(row));
    }
};

/** Out-of-sample predictions for every row that a fold could predict, and their scores. */
struct WalkForwardResult
{
    std::vector<double> raw;        //!< per row; NaN when not predicted
    std::vector<double> calibrated; //!< per row; NaN when not predicted
    std::vector<int> fold;          //!< per row
    std::vector<WalkForwardFold> folds;
    CalibrationReport rawReport;        //!< labelled, predicted rows
    CalibrationReport calibratedReport; //!< the same rows
    //! Brier of predicting each fold's training base rate: the honest "no model" baseline.
    double trainingBaseRateBrier = 0.0;

    QJsonObject toJson() const;
};

/**
 * Fits on the rows whose label was known at `asOf` (knownAt <= asOf), thinned to
 * options.maxTrainRows. If `outOfSample` is given (raw predictions per row, NaN where none), a
 * Platt step is fitted on those of them whose label was known at asOf.
 */
FittedClassifier fitAsOf(const WalkForwardData &data, const WalkForwardOptions &options,
                         qint64 asOf, std::span<const double> outOfSample = {},
                         const LogisticModel *warmStart = nullptr);

/**
 * Walk-forward evaluation: rows are split into folds by decision time; each fold is predicted
 * by a model trained only on labels known when the fold began (labels of earlier rows whose
 * outcome was still open are purged), and calibrated on earlier folds' predictions only.
 */
WalkForwardResult walkForward(const WalkForwardData &data, const WalkForwardOptions &options);

} // namespace cp::engine
