#include "importdialog.h"

#include <app/importers/importcontroller.h>
#include <app/queuedcall.h>
#include <models/assetrepository.h>
#include <models/connection.h>
#include <models/sqltimestamp.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

#include <cmath>

namespace cp::ui {

using app::importers::ImportFormat;

namespace {

constexpr int kPreviewRows = 20;

// The likely format of a file: JSON is CoinGecko, a first field that is a number is a kline.
ImportFormat guessFormat(const QString &path)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return ImportFormat::CoinGeckoMarketChart;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        // The first line, or the second after a header.
        for (int line = 0; line < 2 && !file.atEnd(); ++line) {
            const QByteArray text = file.readLine(4096).trimmed();
            if (text.startsWith('{') || text.startsWith('['))
                return ImportFormat::CoinGeckoMarketChart;
            bool number = false;
            text.left(text.indexOf(',')).toDouble(&number);
            if (number)
                return text.count(',') == 11 ? ImportFormat::BinanceKlines : ImportFormat::OhlcvCsv;
        }
    }
    return ImportFormat::OhlcvCsv;
}

QString cell(double value)
{
    return std::isnan(value) ? QString() : QString::number(value, 'g', 12);
}

} // namespace

ImportDialog::ImportDialog(models::DatabaseUrl url, QWidget *parent)
    : QDialog(parent)
    , m_controller(new app::importers::ImportController(url, this))
{
    setWindowTitle(tr("Import market data"));
    setObjectName(QStringLiteral("importDialog"));

    m_files = new QLineEdit(this);
    m_files->setObjectName(QStringLiteral("filesEdit"));
    m_files->setPlaceholderText(tr("One or more files; separate with ;"));
    auto *browseButton = new QPushButton(tr("&Browse..."), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addWidget(browseButton);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("Binance klines (CSV)"), int(ImportFormat::BinanceKlines));
    m_format->addItem(tr("CoinGecko market chart / OHLC (JSON)"),
                      int(ImportFormat::CoinGeckoMarketChart));
    m_format->addItem(tr("OHLCV CSV with a header"), int(ImportFormat::OhlcvCsv));
    m_symbol = new QLineEdit(this);
    m_symbol->setObjectName(QStringLiteral("symbolEdit"));
    m_symbol->setPlaceholderText(tr("e.g. BTC"));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("for a new asset (optional)"));
    m_sector = new QComboBox(this);
    m_sector->setObjectName(QStringLiteral("sectorCombo"));
    m_sector->setEditable(true);
    // Typed names are checked by the importer, not added to the list.
    m_sector->setInsertPolicy(QComboBox::NoInsert);
    m_sector->addItem(QString());
    m_sector->lineEdit()->setPlaceholderText(tr("e.g. Layer1 (optional)"));

    auto *form = new QFormLayout;
    // A row around a layout gets no buddy, so the label would show "&Files" literally.
    auto *filesLabel = new QLabel(tr("&Files:"), this);
    filesLabel->setBuddy(m_files);
    form->addRow(filesLabel, fileRow);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("&Symbol:"), m_symbol);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("S&ector:"), m_sector);

    m_preview = new QTableWidget(0, 8, this);
    m_preview->setObjectName(QStringLiteral("previewTable"));
    m_preview->setHorizontalHeaderLabels({tr("Line"), tr("Time (UTC)"), tr("Open"), tr("High"),
                                          tr("Low"), tr("Close"), tr("Volume"), tr("Market cap")});
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_columns = new QLabel(this);
    m_columns->setObjectName(QStringLiteral("columnsLabel"));
    m_columns->setWordWrap(true);
    m_columns->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);

    auto *buttons = new QDialogButtonBox(this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("First rows as they will be imported:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_columns);
    layout->addWidget(m_error);
    layout->addWidget(m_result);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(820, 560);

    connect(browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_files, &QLineEdit::editingFinished, this, &ImportDialog::refreshPreview);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreview);
    connect(m_symbol, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, m_controller,
            &app::importers::ImportController::cancel);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_controller, &app::importers::ImportController::progressChanged, m_progress,
            &QProgressBar::setValue);
    connect(m_controller, &app::importers::ImportController::runningChanged, this,
            &ImportDialog::updateButtons);
    connect(m_controller, &app::importers::ImportController::finished, this,
            [this](const app::importers::ImportReport &report) {
                m_progress->setValue(100);
                m_result->setText(tr("Imported %n row(s) for %1 from %2 file(s) in %3 s.", nullptr,
                                     static_cast<int>(qMin<qint64>(report.rows, INT_MAX)))
                                      .arg(m_symbol->text().trimmed().toUpper())
                                      .arg(report.files)
                                      .arg(report.seconds, 0, 'f', 1));
                Q_EMIT importFinished(true);
            });
    connect(m_controller, &app::importers::ImportController::failed, this,
            [this](const QString &message) {
                showError(tr("Nothing was imported: %1").arg(message));
                m_progress->setValue(0);
                Q_EMIT importFinished(false);
            });
    loadSectors(url);
    updateButtons();
}

void ImportDialog::loadSectors(const models::DatabaseUrl &url)
{
    // A connection of the worker's own: the GUI thread never waits on the database.
    QThreadPool::globalInstance()->start([url, self = QPointer<ImportDialog>(this)] {
        const Result<QStringList> sectors = models::withConnection(
            url, QStringLiteral("cp-import-sectors"), [](QSqlDatabase db) -> Result<QStringList> {
                const Result<QHash<QString, int>> ids =
                    models::AssetRepository(db).sectorIdsByName();
                if (!ids)
                    return Result<QStringList>::failure(ids.error());
                QStringList names = ids->keys();
                names.sort(Qt::CaseInsensitive);
                return names;
            });
        app::callQueued(self, [sectors](ImportDialog *d) { d->showSectors(sectors); });
    });
}

void ImportDialog::showSectors(const Result<QStringList> &sectors)
{
    if (sectors) {
        // Whatever was typed meanwhile stays.
        const QString typed = m_sector->currentText();
        const QSignalBlocker block(m_sector);
        m_sector->clear();
        m_sector->addItem(QString());
        m_sector->addItems(*sectors);
        m_sector->setCurrentIndex(0);
        m_sector->setEditText(typed);
    }
    Q_EMIT sectorsLoaded(sectors.ok());
}

ImportDialog::~ImportDialog()
{
    // ~QDialog hides the window, and the file field's focus-out would ask for a preview of a
    // dialog half destroyed.
    m_files->disconnect(this);
    m_format->disconnect(this);
    // The preview and sector workers hold only copies and report through guarded queued
    // calls, so they are not waited for. The controller (a child) still waits for a running
    // import: it is cancelled and must roll back before its connection goes.
}

void ImportDialog::setFiles(const QStringList &files)
{
    if (!files.isEmpty()) {
        const QSignalBlocker block(m_format);
        setFormat(guessFormat(files.constFirst()));
    }
    m_files->setText(files.join(QLatin1Char(';')));
    refreshPreview();
}

void ImportDialog::setFormat(ImportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ImportDialog::setSymbol(const QString &symbol)
{
    m_symbol->setText(symbol);
}

bool ImportDialog::isImporting() const
{
    return m_controller->isRunning();
}

QStringList ImportDialog::files() const
{
    QStringList out;
    for (const QString &part : m_files->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

ImportFormat ImportDialog::format() const
{
    return ImportFormat(m_format->currentData().toInt());
}

void ImportDialog::browse()
{
    const QStringList chosen =
        QFileDialog::getOpenFileNames(this, tr("Import market data"), QString(),
                                      tr("Market data (*.csv *.json *.txt);;All files (*)"));
    if (!chosen.isEmpty())
        setFiles(chosen);
}

void ImportDialog::refreshPreview()
{
    const QStringList paths = files();
    if (paths.isEmpty())
        return;
    if (m_previewBusy) {
        m_previewPending = true;
        return;
    }
    m_columns->setText(tr("Reading %1...").arg(QFileInfo(paths.constFirst()).fileName()));
    m_previewBusy = true;
    // A CoinGecko file is read whole for its preview: off the GUI thread.
    QThreadPool::globalInstance()->start(
        [path = paths.constFirst(), format = format(), self = QPointer<ImportDialog>(this)] {
            const Result<app::importers::ImportPreview> preview =
                app::importers::previewImport(path, format, kPreviewRows);
            app::callQueued(self, [preview](ImportDialog *d) { d->previewRead(preview); });
        });
}

void ImportDialog::previewRead(const Result<app::importers::ImportPreview> &preview)
{
    m_previewBusy = false;
    showPreview(preview);
    // The inputs changed while the last preview was read.
    if (m_previewPending) {
        m_previewPending = false;
        refreshPreview();
    }
}

void ImportDialog::showPreview(const Result<app::importers::ImportPreview> &preview)
{
    m_preview->setRowCount(0);
    if (!preview) {
        m_columns->clear();
        showError(preview.error());
        Q_EMIT previewUpdated(false);
        updateButtons();
        return;
    }
    m_error->hide();
    m_error->clear();
    const int rows = static_cast<int>(preview->candles.size());
    m_preview->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const engine::Candle &c = preview->candles[r];
        const double cap = preview->marketCaps.empty() ? std::nan("") : preview->marketCaps[r];
        const QString values[] = {QString::number(preview->lines[r]),
                                  models::SqlTimestamp::fromUnixSeconds(c.time),
                                  cell(c.open),
                                  cell(c.high),
                                  cell(c.low),
                                  cell(c.close),
                                  cell(c.volume),
                                  cell(cap)};
        for (int col = 0; col < 8; ++col)
            m_preview->setItem(r, col, new QTableWidgetItem(values[col]));
    }
    m_columns->setText(tr("Detected: %1").arg(preview->columns.join(QStringLiteral("; "))));
    Q_EMIT previewUpdated(true);
    updateButtons();
}

void ImportDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

bool ImportDialog::startImport()
{
    const QStringList paths = files();
    if (paths.isEmpty() || m_symbol->text().trimmed().isEmpty() || m_controller->isRunning())
        return false;
    app::importers::ImportRequest request;
    request.files = paths;
    request.format = format();
    request.symbol = m_symbol->text().trimmed();
    request.name = m_name->text().trimmed();
    request.sector = m_sector->currentText().trimmed();
    m_error->hide();
    m_result->clear();
    m_progress->setValue(0);
    return m_controller->start(request);
}

void ImportDialog::updateButtons()
{
    const bool running = m_controller->isRunning();
    m_import->setEnabled(!running && !files().isEmpty() && !m_symbol->text().trimmed().isEmpty());
    m_cancel->setEnabled(running);
    m_files->setEnabled(!running);
    m_format->setEnabled(!running);
    m_symbol->setEnabled(!running);
}

} // namespace cp::ui
