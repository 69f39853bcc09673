#pragma once

#include <QWidget>

#include <optional>

namespace cp::ui {

/**
 * The fear & greed index (0 extreme fear .. 100 extreme greed) as a half-circle gauge with a
 * needle, the value and its band's name. Painted by hand so it follows the theme exactly.
 */
class FearGreedGauge : public QWidget
{
    Q_OBJECT

public:
    explicit FearGreedGauge(QWidget *parent = nullptr);

    //! No value shows an empty gauge ("No data").
    void setValue(std::optional<double> value);
    std::optional<double> value() const { return m_value; }
    //! Extreme fear, Fear, Neutral, Greed or Extreme greed (bands of 0-25-45-55-75-100).
    static QString bandName(double value);

    QSize sizeHint() const override { return {260, 170}; }
    QSize minimumSizeHint() const override { return {180, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::optional<double> m_value;
};

} // namespace cp::ui
