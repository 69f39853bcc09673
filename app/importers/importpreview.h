#pragma once

#include "importformat.h"

#include <engine/candle.h>
#include <engine/result.h>

#include <QStringList>

#include <vector>

namespace cp::app::importers {

/** The first rows of a file as the importer reads them, to check before importing. */
struct ImportPreview
{
    std::vector<engine::Candle> candles;
    //! Per candle, NaN when unknown; empty when the format has no market caps.
    std::vector<double> marketCaps;
    std::vector<qint64> lines;
    //! How the columns were understood (CandleReader::detectedColumns()).
    QStringList columns;
    qint64 fileBytes = 0;
};

//! Reads up to `rows` rows of `path`; a bad row among them is an error naming file and line.
Result<ImportPreview> previewImport(const QString &path, ImportFormat format, int rows = 20);

} // namespace cp::app::importers
