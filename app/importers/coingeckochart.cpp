#include "coingeckochart.h"

#include "csvtext.h"

#include <QCoreApplication>
#include <QString>

#include <cmath>
#include <cstring>

namespace cp::app::importers {

namespace {

// The importer's context: these messages were CoinGeckoReader's and keep their translations.
QString tr(const char *text)
{
    return QCoreApplication::translate("cp::app::importers::CoinGeckoReader", text);
}

/** Just enough JSON for CoinGecko's answers, with line numbers for the errors. */
class JsonScanner
{
public:
    explicit JsonScanner(const QByteArray &text)
        : m_text(text)
    {
    }

    qint64 line() const { return m_line; }
    const QString &error() const { return m_error; }
    bool failed() const { return !m_error.isEmpty(); }
    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }

    char peek()
    {
        skipSpace();
        return m_pos < m_text.size() ? m_text[m_pos] : '\0';
    }
    bool expect(char c)
    {
        if (peek() != c) {
            return fail(m_pos < m_text.size()
                            ? tr("expected '%1' but found '%2'.")
                                  .arg(QString(QLatin1Char(c)), QString(QLatin1Char(m_text[m_pos])))
                            : tr("expected '%1' but the file ends.").arg(QLatin1Char(c)));
        }
        ++m_pos;
        return true;
    }
    bool string(QString &out)
    {
        if (!expect('"'))
            return false;
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\')
                ++m_pos;
            else if (m_text[m_pos] == '\n')
                ++m_line;
            ++m_pos;
        }
        if (m_pos >= m_text.size())
            return fail(tr("unterminated string."));
        out = QString::fromUtf8(m_text.constData() + start, m_pos - start);
        ++m_pos;
        return true;
    }
    //! A number or null (NaN).
    bool number(double &value)
    {
        skipSpace();
        qsizetype end = m_pos;
        while (end < m_text.size() && !std::strchr(",]} \t\r\n", m_text[end]))
            ++end;
        const QByteArrayView token(m_text.constData() + m_pos, end - m_pos);
        if (token == "null") {
            value = std::nan("");
        } else if (!csv::parseNumber(token, value)) {
            return fail(
                tr("cannot read '%1' as a number.")
                    .arg(QString::fromUtf8(token.first(qMin<qsizetype>(token.size(), 40)))));
        }
        m_pos = end;
        return true;
    }
    //! `open` item, item, ... `close`, where `item` reads one element (false on error).
    template<typename Item>
    bool sequence(char open, char close, Item &&item)
    {
        if (!expect(open))
            return false;
        if (peek() == close) {
            ++m_pos;
            return true;
        }
        while (true) {
            if (!item())
                return false;
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            return expect(close);
        }
    }
    //! [n, n, ...]
    bool numberArray(CoinGeckoChart::Entry &entry)
    {
        entry.values.clear();
        skipSpace();
        entry.line = m_line;
        return sequence('[', ']', [&] {
            double v = 0.0;
            if (!number(v))
                return false;
            entry.values.push_back(v);
            return true;
        });
    }
    //! [[...], [...]]
    bool entries(std::vector<CoinGeckoChart::Entry> &out)
    {
        return sequence('[', ']', [&] {
            CoinGeckoChart::Entry entry;
            if (!numberArray(entry))
                return false;
            out.push_back(std::move(entry));
            return true;
        });
    }
    //! Any value, ignored.
    bool skipValue()
    {
        const char c = peek();
        if (c == '"') {
            QString ignored;
            return string(ignored);
        }
        if (c == '[' || c == '{') {
            return sequence(c, c == '[' ? ']' : '}', [&] {
                if (c == '{') {
                    QString key;
                    if (!string(key) || !expect(':'))
                        return false;
                }
                return skipValue();
            });
        }
        skipSpace();
        qsizetype end = m_pos;
        while (end < m_text.size() && !std::strchr(",]} \t\r\n", m_text[end]))
            ++end;
        if (end == m_pos)
            return fail(tr("unexpected end of the file."));
        m_pos = end;
        return true;
    }
    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\n')
                ++m_line;
            else if (c != ' ' && c != '\t' && c != '\r')
                break;
            ++m_pos;
        }
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    QString m_error;
};

Result<CoinGeckoChart> failAt(qint64 line, const QString &reason)
{
    return Result<CoinGeckoChart>::failure(tr("line %1: %2").arg(line).arg(reason));
}

} // namespace

Result<CoinGeckoChart> CoinGeckoChart::parse(const QByteArray &text)
{
    CoinGeckoChart chart;
    JsonScanner json(text);
    const auto scanFailure = [&json] { return failAt(json.line(), json.error()); };
    const char first = json.peek();
    if (first == '[') {
        chart.isOhlc = true;
        if (!json.entries(chart.prices))
            return scanFailure();
    } else if (first == '{') {
        json.expect('{');
        bool more = json.peek() != '}';
        while (more) {
            QString key;
            if (!json.string(key) || !json.expect(':'))
                return scanFailure();
            std::vector<Entry> *target = key == QLatin1String("prices")        ? &chart.prices
                                         : key == QLatin1String("market_caps") ? &chart.marketCaps
                                         : key == QLatin1String("total_volumes")
                                             ? &chart.totalVolumes
                                             : nullptr;
            if (target == &chart.prices)
                chart.hasPrices = true;
            if (target ? !json.entries(*target) : !json.skipValue())
                return scanFailure();
            more = json.peek() == ',';
            if (more)
                json.expect(',');
        }
        if (!json.expect('}'))
            return scanFailure();
    } else {
        return failAt(json.line(), tr("expected a CoinGecko market_chart object or ohlc array."));
    }
    if (!json.atEnd())
        return failAt(json.line(), tr("unexpected text after the JSON value."));
    return chart;
}

} // namespace cp::app::importers
