#pragma once

#include "analysistypes.h"
#include "assethistory.h"
#include "signalgenerator.h"
#include "signalmodel.h"
#include "timingtypes.h"

#include <optional>
#include <span>
#include <vector>

namespace cp::engine {

/** Everything layer 4 produces for one analysis run. */
struct TimingAnalysis
{
    std::vector<SignalResult> signals;
    //! Assets that could not be analysed (bad or too short history, stablecoins, ...).
    std::vector<SkippedAsset> skipped;
    //! Analysed assets without a current signal, and why (no setup, confidence too low, ...).
    std::vector<SkippedAsset> withoutSignal;
    //! Per input asset, in input order: the candidates (for backtests and reports).
    std::vector<AssetCandidates> candidates;
    SignalModel model;
    ModelRecord record;
};

/**
 * Layer 4: current long/short signals with ATR stops and targets, a confidence that is a
 * calibrated, walk-forward-tested probability of the target coming first, and the why chain
 * from layers 1-3. The three steps can be run separately so a caller can spread the per-asset
 * ones over threads: scan() each asset, train() once on all of them, then signalFor() each asset.
 * All member functions are const and thread-safe.
 */
class TimingAnalyzer
{
public:
    TimingAnalyzer(TimingConfig config, TimingHistory history = {});

    const TimingConfig &config() const { return m_generator.config(); }

    //! Step 1, per asset.
    AssetCandidates scan(const AssetHistory &asset) const { return m_generator.scan(asset); }
    /**
     * Step 2: one pooled model. Candidates of assets whose bar length differs from the most
     * common one are dropped first, with a skip reason: features of hourly and daily bars do not
     * mean the same thing.
     */
    SignalModel train(std::vector<AssetCandidates> &assets) const;
    /**
     * Step 3, per asset: the signal at the asset's latest bar, if it has a candidate there with
     * confidence >= config().confidenceMin; otherwise nullopt and the reason in `whyNot`.
     */
    std::optional<SignalResult> signalFor(const AssetHistory &asset,
                                          const AssetCandidates &candidates,
                                          const SignalModel &model, const TimingContext &context,
                                          QString *whyNot = nullptr) const;

    /** All three steps on one thread. `contexts` parallels `assets` (missing: no context). */
    TimingAnalysis analyze(const std::vector<AssetHistory> &assets,
                           std::span<const TimingContext> contexts) const;

    //! Share of the normal position size allowed by the regime and layer 1's exposure, and why.
    static std::pair<double, QString> positionCap(const TimingContext &context, SignalType side);

private:
    SignalGenerator m_generator;
};

} // namespace cp::engine
