#include "coingeckoreader.h"

#include "coingeckochart.h"
#include "csvtext.h"
#include "rowvalidator.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>

#include <algorithm>
#include <cmath>

namespace cp::app::importers {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cp::app::importers::CoinGeckoReader", text);
}

using Entry = CoinGeckoChart::Entry;

QString lineError(qint64 line, const QString &reason)
{
    return tr("line %1: %2").arg(line).arg(reason);
}

qint64 toSeconds(double epoch)
{
    return csv::epochSeconds(epoch, csv::epochUnitOf(epoch));
}

// [ms, value] entries as ms -> value, checking each has two numbers.
Status pairsByTime(const std::vector<Entry> &entries, const char *key, QHash<qint64, double> &out)
{
    for (const Entry &e : entries) {
        if (e.values.size() != 2) {
            return Status::failure(
                lineError(e.line, tr("a %1 entry has %2 values; expected [time, value].")
                                      .arg(QLatin1String(key))
                                      .arg(e.values.size())));
        }
        if (!std::isfinite(e.values[0]))
            return Status::failure(
                lineError(e.line, tr("a %1 entry has no time.").arg(QLatin1String(key))));
        out.insert(toSeconds(e.values[0]), e.values[1]);
    }
    return {};
}

} // namespace

CoinGeckoReader::CoinGeckoReader(QIODevice &in)
    : m_in(in)
{
}

Status CoinGeckoReader::load()
{
    m_loaded = true;
    Result<CoinGeckoChart> parsed = CoinGeckoChart::parse(m_in.readAll());
    if (!parsed)
        return Status::failure(parsed.error());
    const CoinGeckoChart &chart = *parsed;
    m_isOhlc = chart.isOhlc;
    const std::vector<Entry> &prices = chart.prices;
    const std::vector<Entry> &caps = chart.marketCaps;
    const std::vector<Entry> &volumes = chart.totalVolumes;

    RowValidator validator;
    const auto add = [this, &validator](const engine::Candle &c, double cap, qint64 line) {
        switch (validator.check(c, cap, line)) {
        case RowValidator::Reject:
            return Status::failure(lineError(line, validator.error()));
        case RowValidator::SkipDuplicate:
            return Status();
        case RowValidator::Keep:
            break;
        }
        m_rows.candles.push_back(c);
        m_rows.marketCaps.push_back(cap);
        m_rows.lines.push_back(line);
        return Status();
    };

    if (m_isOhlc) {
        for (const Entry &e : prices) {
            if (e.values.size() != 5) {
                return Status::failure(lineError(
                    e.line, tr("an ohlc entry has %1 values; expected [time, open, high, low, "
                               "close].")
                                .arg(e.values.size())));
            }
            for (double v : e.values) {
                if (std::isnan(v))
                    return Status::failure(lineError(e.line, tr("an ohlc entry holds null.")));
            }
            const engine::Candle c{
                toSeconds(e.values[0]), e.values[1], e.values[2], e.values[3], e.values[4], 0.0};
            if (const Status s = add(c, std::nan(""), e.line); !s)
                return s;
        }
        return {};
    }

    if (prices.empty() && (caps.size() + volumes.size()) > 0)
        return Status::failure(lineError(1, tr("the file has no prices.")));
    QHash<qint64, double> capByTime, volumeByTime;
    if (const Status s = pairsByTime(caps, "market_caps", capByTime); !s)
        return s;
    if (const Status s = pairsByTime(volumes, "total_volumes", volumeByTime); !s)
        return s;
    m_capCount = capByTime.size();
    m_volumeCount = volumeByTime.size();
    for (std::size_t i = 0; i < prices.size(); ++i) {
        const Entry &e = prices[i];
        if (e.values.size() != 2) {
            return Status::failure(lineError(
                e.line,
                tr("a prices entry has %1 values; expected [time, price].").arg(e.values.size())));
        }
        if (std::isnan(e.values[0]) || std::isnan(e.values[1]))
            return Status::failure(lineError(e.line, tr("a prices entry holds null.")));
        engine::Candle c;
        c.time = toSeconds(e.values[0]);
        c.close = e.values[1];
        c.open = i > 0 && prices[i - 1].values.size() == 2 ? prices[i - 1].values[1] : c.close;
        c.high = std::max(c.open, c.close);
        c.low = std::min(c.open, c.close);
        // The bar's share of a day: the gap to the previous point (the first: to the next).
        qint64 gap = 86400;
        if (i > 0)
            gap = c.time - toSeconds(prices[i - 1].values[0]);
        else if (prices.size() > 1 && prices[1].values.size() == 2)
            gap = toSeconds(prices[1].values[0]) - c.time;
        gap = std::clamp<qint64>(gap, 0, 86400);
        const double volume24h = volumeByTime.value(c.time, 0.0);
        c.volume = c.close > 0 && std::isfinite(volume24h)
                       ? volume24h / c.close * static_cast<double>(gap) / 86400.0
                       : 0.0;
        if (std::isnan(c.volume))
            c.volume = 0.0;
        const double cap = capByTime.value(c.time, std::nan(""));
        if (const Status s = add(c, cap, e.line); !s)
            return s;
    }
    return {};
}

Status CoinGeckoReader::read(ImportBatch &batch, std::size_t maxRows)
{
    batch.clear();
    if (!m_loaded) {
        if (const Status s = load(); !s)
            return s;
    }
    const std::size_t end = std::min(m_rows.size(), m_next + maxRows);
    for (; m_next < end; ++m_next) {
        batch.candles.push_back(m_rows.candles[m_next]);
        batch.marketCaps.push_back(m_rows.marketCaps[m_next]);
        batch.lines.push_back(m_rows.lines[m_next]);
    }
    return {};
}

QStringList CoinGeckoReader::detectedColumns() const
{
    if (!m_loaded)
        return {};
    if (m_isOhlc) {
        return {tr("CoinGecko /ohlc: [time (ms), open, high, low, close]"),
                tr("volume: not in the file (0)"), tr("market cap: not in the file")};
    }
    return {tr("CoinGecko /market_chart: prices -> close (open = previous close)"),
            tr("market_caps -> market cap (%1 points)").arg(m_capCount),
            tr("total_volumes -> volume (%1 points, 24h volume / price, scaled to the bar)")
                .arg(m_volumeCount)};
}

} // namespace cp::app::importers
