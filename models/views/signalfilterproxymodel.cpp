#include "signalfilterproxymodel.h"

#include "snapshottablemodel.h"

namespace cp::models::views {

SignalFilterProxyModel::SignalFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SnapshotTableModel::SortRole);
    setDynamicSortFilter(true);
}

void SignalFilterProxyModel::setMinimumConfidence(double confidence)
{
    if (qFuzzyCompare(1.0 + confidence, 1.0 + m_minimumConfidence))
        return;
    m_minimumConfidence = confidence;
    invalidateFilter();
}

void SignalFilterProxyModel::setRiskLevel(const QString &riskLevel)
{
    if (riskLevel == m_riskLevel)
        return;
    m_riskLevel = riskLevel;
    invalidateFilter();
}

void SignalFilterProxyModel::setSignalType(const QString &signalType)
{
    if (signalType == m_signalType)
        return;
    m_signalType = signalType;
    invalidateFilter();
}

bool SignalFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *source = qobject_cast<const SnapshotTableModel *>(sourceModel());
    if (!source)
        return true;
    if (source->fieldValue(sourceRow, QStringLiteral("confidence_score")).toDouble() <
        m_minimumConfidence - 1e-9)
        return false;
    if (!m_riskLevel.isEmpty() &&
        source->fieldValue(sourceRow, QStringLiteral("risk_level")).toString() != m_riskLevel)
        return false;
    if (!m_signalType.isEmpty() &&
        source->fieldValue(sourceRow, QStringLiteral("signal_type")).toString() != m_signalType)
        return false;
    return true;
}

} // namespace cp::models::views
