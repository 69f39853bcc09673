#include "candlereader.h"

#include "coingeckoreader.h"
#include "csvcandlereader.h"

namespace cp::app::importers {

std::unique_ptr<CandleReader> makeCandleReader(ImportFormat format, QIODevice &in)
{
    switch (format) {
    case ImportFormat::BinanceKlines:
        return std::make_unique<CsvCandleReader>(in, CsvCandleReader::Layout::BinanceKlines);
    case ImportFormat::OhlcvCsv:
        return std::make_unique<CsvCandleReader>(in, CsvCandleReader::Layout::NamedColumns);
    case ImportFormat::CoinGeckoMarketChart:
        return std::make_unique<CoinGeckoReader>(in);
    }
    return nullptr;
}

} // namespace cp::app::importers
