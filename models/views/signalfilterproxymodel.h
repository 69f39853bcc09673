#pragma once

#include <QSortFilterProxyModel>

namespace cp::models::views {

/**
 * Filters a SnapshotTableModel of trading signals by minimum confidence, risk level and signal
 * type, and sorts on raw values (SortRole) so that numbers sort as numbers.
 */
class SignalFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SignalFilterProxyModel(QObject *parent = nullptr);

    //! Signals below this confidence ([0, 1]) are hidden.
    void setMinimumConfidence(double confidence);
    double minimumConfidence() const { return m_minimumConfidence; }
    //! low, medium, high or extreme; empty shows every level.
    void setRiskLevel(const QString &riskLevel);
    //! long or short; empty shows both.
    void setSignalType(const QString &signalType);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    double m_minimumConfidence = 0.0;
    QString m_riskLevel;
    QString m_signalType;
};

} // namespace cp::models::views
