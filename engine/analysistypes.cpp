#include "analysistypes.h"

namespace cp::engine {

QString riskLevelName(RiskLevel level)
{
    switch (level) {
    case RiskLevel::Low:
        return QStringLiteral("low");
    case RiskLevel::Medium:
        return QStringLiteral("medium");
    case RiskLevel::High:
        return QStringLiteral("high");
    case RiskLevel::Extreme:
        break;
    }
    return QStringLiteral("extreme");
}

QString regimeName(Regime regime)
{
    switch (regime) {
    case Regime::Bull:
        return QStringLiteral("bull");
    case Regime::Bear:
        return QStringLiteral("bear");
    case Regime::Neutral:
        return QStringLiteral("neutral");
    case Regime::Volatile:
        break;
    }
    return QStringLiteral("volatile");
}

QString suggestionTypeName(SuggestionType type)
{
    switch (type) {
    case SuggestionType::AddTier1:
        return QStringLiteral("add_tier1");
    case SuggestionType::AddTier2:
        return QStringLiteral("add_tier2");
    case SuggestionType::Promote:
        return QStringLiteral("promote");
    case SuggestionType::Demote:
        return QStringLiteral("demote");
    case SuggestionType::Remove:
        break;
    }
    return QStringLiteral("remove");
}

} // namespace cp::engine
