#pragma once

#include "chartview.h"

#include <QList>
#include <QStringList>

namespace cp::ui::charts {

/** One group of bars (e.g. "24h") with a value per category. */
struct BarGroup
{
    QString name;
    QList<double> values;
};

/** Grouped bars over categories (sectors x 24h / 7d / 30d), values in percent. */
class BarChart : public ChartView
{
    Q_OBJECT

public:
    explicit BarChart(QWidget *parent = nullptr);

    void setData(const QStringList &categories, const QList<BarGroup> &groups);
    void setValueFormat(const QString &format);

protected:
    void applyTheme() override;
    bool isEmpty() const override { return m_categories.isEmpty(); }

private:
    QStringList m_categories;
    QString m_valueFormat = QStringLiteral("%.0f%%");
};

} // namespace cp::ui::charts
