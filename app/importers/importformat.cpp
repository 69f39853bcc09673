#include "importformat.h"

namespace cp::app::importers {

QString formatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::BinanceKlines:
        return QStringLiteral("binance-klines");
    case ImportFormat::CoinGeckoMarketChart:
        return QStringLiteral("coingecko-market-chart");
    case ImportFormat::OhlcvCsv:
        return QStringLiteral("ohlcv-csv");
    }
    return {};
}

std::optional<ImportFormat> formatFromName(const QString &name)
{
    for (ImportFormat format : {ImportFormat::BinanceKlines, ImportFormat::CoinGeckoMarketChart,
                                ImportFormat::OhlcvCsv}) {
        if (formatName(format) == name)
            return format;
    }
    return std::nullopt;
}

QStringList formatNames()
{
    return {formatName(ImportFormat::BinanceKlines), formatName(ImportFormat::CoinGeckoMarketChart),
            formatName(ImportFormat::OhlcvCsv)};
}

} // namespace cp::app::importers
