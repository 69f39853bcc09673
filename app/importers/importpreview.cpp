#include "importpreview.h"

#include "candlereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace cp::app::importers {

Result<ImportPreview> previewImport(const QString &path, ImportFormat format, int rows)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<ImportPreview>::failure(
            QCoreApplication::translate("cp::app::importers::PriceImporter",
                                        "%1 cannot be opened: %2")
                .arg(name, file.errorString()));
    }
    const std::unique_ptr<CandleReader> reader = makeCandleReader(format, file);
    ImportBatch batch;
    if (const Status s = reader->read(batch, static_cast<std::size_t>(qMax(rows, 1))); !s)
        return Result<ImportPreview>::failure(QStringLiteral("%1 %2").arg(name, s.error()));
    ImportPreview preview;
    preview.candles = std::move(batch.candles);
    preview.marketCaps = std::move(batch.marketCaps);
    preview.lines = std::move(batch.lines);
    preview.columns = reader->detectedColumns();
    preview.fileBytes = file.size();
    return preview;
}

} // namespace cp::app::importers
