#pragma once

#include "importformat.h"

#include <engine/result.h>

#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace cp::app::importers {

/** What to import: files of one format, all for one asset. */
struct ImportRequest
{
    QStringList files;
    ImportFormat format = ImportFormat::OhlcvCsv;
    //! Stored upper-case; the asset is created when missing.
    QString symbol;
    //! For a new asset; the symbol when empty.
    QString name;
    //! An existing crypto_sectors name (any case); empty leaves the sectors as they are.
    QString sector;
};

/** What an import wrote. */
struct ImportReport
{
    int cryptoId = 0;
    bool assetCreated = false;
    int files = 0;
    //! Rows written (exact duplicate rows within a file are counted once).
    qint64 rows = 0;
    qint64 firstTime = 0;
    qint64 lastTime = 0;
    //! cryptocurrencies.current_price / last_data_update now hold the newest imported candle
    //! (false when the stored figures were newer).
    bool currentPriceUpdated = false;
    double seconds = 0.0;
};

/**
 * Imports market-data files into price_data: all files in one transaction, so the first bad row
 * of any file leaves the database as it was, and the error names the file and line. Rows are
 * streamed in batches (memory does not grow with the files) and upserted on (crypto_id,
 * timestamp), so importing the same files again leaves the same rows. The asset's current price
 * and last update follow the newest imported candle when it is newer than the stored figures, in
 * the same transaction. Announces the change on ChangeBus after commit.
 */
class PriceImporter
{
public:
    //! Called after each batch with the bytes read so far; return false to cancel.
    using Progress = std::function<bool(qint64 bytesDone, qint64 bytesTotal)>;

    explicit PriceImporter(QSqlDatabase db);
    Result<ImportReport> run(const ImportRequest &request, const Progress &progress = {});

private:
    QSqlDatabase m_db;
};

} // namespace cp::app::importers
