#pragma once

#include <engine/candle.h>

#include <QString>

#include <cmath>

namespace cp::app::importers {

/**
 * The rules every imported row obeys, whatever the format: finite, non-negative prices and
 * volume, high not below low, timestamps ascending within a file. A row repeating the previous
 * one exactly is dropped (harmless); the same timestamp with other values is an error.
 */
class RowValidator
{
public:
    enum Verdict { Keep, SkipDuplicate, Reject };

    //! `marketCap` NaN when unknown. On Reject, error() says why (one sentence, no line number).
    Verdict check(const engine::Candle &candle, double marketCap, qint64 line);
    const QString &error() const { return m_error; }

private:
    QString m_error;
    engine::Candle m_previous;
    double m_previousCap = std::nan("");
    qint64 m_previousLine = 0;
    bool m_havePrevious = false;
};

//! "2024-01-31 12:00:00 UTC" for messages.
QString describeTime(qint64 unixSeconds);
//! A number for messages: as short as it reads back.
QString describeNumber(double value);

} // namespace cp::app::importers
