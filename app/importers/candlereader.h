#pragma once

#include "importbatch.h"
#include "importformat.h"

#include <engine/result.h>

#include <QStringList>

#include <memory>

class QIODevice;

namespace cp::app::importers {

/**
 * Reads one market-data file as validated candles, a batch at a time. Errors name the line
 * ("line 12: high 10.5 is below low 11.") but not the file: the caller knows the file.
 */
class CandleReader
{
public:
    virtual ~CandleReader() = default;

    //! Clears `batch` and fills it with up to `maxRows` rows; an empty batch means the end.
    virtual Status read(ImportBatch &batch, std::size_t maxRows) = 0;
    //! How the columns were understood ("open time: column 1, milliseconds"); complete after the
    //! first read().
    virtual QStringList detectedColumns() const = 0;
    //! True when the rows carry market caps (ImportBatch::marketCaps is filled).
    virtual bool hasMarketCaps() const { return false; }
};

//! A reader of `format` on `in` (opened for reading; must outlive the reader).
std::unique_ptr<CandleReader> makeCandleReader(ImportFormat format, QIODevice &in);

} // namespace cp::app::importers
