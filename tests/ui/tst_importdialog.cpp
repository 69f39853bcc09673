#include <testdatabase.h>

#include <ui/dialogs/importdialog.h>

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using cp::app::importers::ImportFormat;
using cp::ui::ImportDialog;

namespace {

// 2024-01-01T00:00:00Z.
constexpr qint64 kStart = 1704067200;

// Binance klines with a header and open times in microseconds (newer Binance files).
QByteArray klines(int count, int badLine = 0)
{
    QByteArray out = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                     "taker_buy_volume,taker_buy_quote_volume,ignore\n";
    for (int i = 0; i < count; ++i) {
        const double base = 20.0 + i * 0.125;
        // Line numbers count the header: row i is on line i + 2.
        const bool bad = i + 2 == badLine;
        out += QByteArray::number((kStart + i * 60) * 1000000LL) + ',' + QByteArray::number(base) +
               ',' + QByteArray::number(bad ? base - 2 : base + 1) + ',' +
               QByteArray::number(base - 1) + ',' + QByteArray::number(base + 0.5) +
               ",3,0,0,0,0,0,0\n";
    }
    return out;
}

qint64 priceRows(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM price_data")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

/** The Import dialog: preview, worker-thread import with progress, errors with the line. */
class tst_ImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewThenImport_data() { cp::test::addDialectColumn(); }
    void previewThenImport();
    void badRowShowsLine_data() { cp::test::addDialectColumn(); }
    void badRowShowsLine();
    void sectorsOffered_data() { cp::test::addDialectColumn(); }
    void sectorsOffered();

private:
    QString writeFile(const QString &name, const QByteArray &data);
    QTemporaryDir m_dir;
};

QString tst_ImportDialog::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

void tst_ImportDialog::previewThenImport()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    const int rows = 200000;
    const QString path = writeFile(QStringLiteral("BTCUSDT-1m.csv"), klines(rows));

    ImportDialog dialog(scratch.databaseUrl());
    dialog.show();
    QSignalSpy previewed(&dialog, &ImportDialog::previewUpdated);
    dialog.setFiles({path});
    QVERIFY(previewed.wait(20000));
    QCOMPARE(previewed.first().first().toBool(), true);
    // The format was recognised from the file.
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("formatCombo"))->currentData().toInt(),
             int(ImportFormat::BinanceKlines));

    // The first 20 rows, as they will be stored: line, UTC time, open ... volume.
    QTableWidget *table = dialog.previewTable();
    QCOMPARE(table->rowCount(), 20);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("2"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("2024-01-01T00:00:00.000Z"));
    QCOMPARE(table->item(3, 1)->text(), QStringLiteral("2024-01-01T00:03:00.000Z"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("20.125"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("21.125"));
    QCOMPARE(table->item(1, 4)->text(), QStringLiteral("19.125"));
    QCOMPARE(table->item(1, 5)->text(), QStringLiteral("20.625"));
    QCOMPARE(table->item(1, 6)->text(), QStringLiteral("3"));
    const QString columns = dialog.columnsLabel()->text();
    QVERIFY2(columns.contains(QStringLiteral("microseconds")), qPrintable(columns));
    QVERIFY2(columns.contains(QStringLiteral("header line: yes")), qPrintable(columns));
    QVERIFY2(columns.contains(QStringLiteral("open: column 2 'open'")), qPrintable(columns));

    dialog.setSymbol(QStringLiteral("btc"));
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    QList<int> progress;
    connect(dialog.progressBar(), &QProgressBar::valueChanged, this,
            [&progress](int value) { progress << value; });
    QVERIFY(dialog.startImport());
    // start() returned at once: the import runs on a worker thread while the GUI thread runs.
    QVERIFY(dialog.isImporting());
    QVERIFY(!dialog.startImport());
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY2(dialog.errorLabel()->isHidden(), qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(dialog.progressBar()->value(), 100);
    // Progress arrived in steps, in order.
    QVERIFY2(std::any_of(progress.begin(), progress.end(), [](int v) { return v > 0 && v < 100; }),
             qPrintable(QStringLiteral("%1 progress values").arg(progress.size())));
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QCOMPARE(priceRows(scratch.database()), qint64(rows));
}

void tst_ImportDialog::badRowShowsLine()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    // Line 5000: high below low. The preview (first 20 rows) is fine; the import is not.
    const QString path = writeFile(QStringLiteral("klines.csv"), klines(6000, 5000));
    ImportDialog dialog(scratch.databaseUrl());
    QSignalSpy previewed(&dialog, &ImportDialog::previewUpdated);
    dialog.setFiles({path});
    QVERIFY(previewed.wait(20000));
    QCOMPARE(previewed.first().first().toBool(), true);
    dialog.setSymbol(QStringLiteral("BAD"));
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    QVERIFY(dialog.startImport());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!dialog.errorLabel()->isHidden());
    const QString error = dialog.errorLabel()->text();
    QVERIFY2(error.contains(QStringLiteral("klines.csv line 5000: high")), qPrintable(error));
    QCOMPARE(priceRows(scratch.database()), qint64(0));

    // A bad row among the first rows already shows in the preview.
    const QString early = writeFile(QStringLiteral("early.csv"), klines(30, 4));
    dialog.setFiles({early});
    QVERIFY(previewed.wait(20000));
    QCOMPARE(previewed.last().first().toBool(), false);
    QVERIFY2(dialog.errorLabel()->text().startsWith(QStringLiteral("early.csv line 4: high")),
             qPrintable(dialog.errorLabel()->text()));
}

void tst_ImportDialog::sectorsOffered()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(scratch, dialect);
    QStringList expected;
    QSqlQuery names(scratch.database());
    QVERIFY(names.exec(QStringLiteral("SELECT name FROM crypto_sectors")));
    while (names.next())
        expected << names.value(0).toString();
    QVERIFY(expected.contains(QStringLiteral("Layer1")));

    ImportDialog dialog(scratch.databaseUrl());
    QSignalSpy loaded(&dialog, &ImportDialog::sectorsLoaded);
    QComboBox *sector = dialog.sectorCombo();
    QVERIFY(sector->isEditable());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.first().first().toBool(), true);
    // An empty entry ("no sector"), then every sector of the database.
    QCOMPARE(sector->itemText(0), QString());
    QStringList offered;
    for (int i = 1; i < sector->count(); ++i)
        offered << sector->itemText(i);
    QStringList sortedExpected = expected;
    sortedExpected.sort(Qt::CaseInsensitive);
    QCOMPARE(offered, sortedExpected);
    QCOMPARE(sector->currentText(), QString());

    const QString path = writeFile(QStringLiteral("sector.csv"), klines(30));
    QSignalSpy previewed(&dialog, &ImportDialog::previewUpdated);
    dialog.setFiles({path});
    QVERIFY(previewed.wait(20000));
    dialog.setSymbol(QStringLiteral("SEC"));
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);

    // A typed name that is no sector is still refused, with the list.
    sector->setEditText(QStringLiteral("Quantum"));
    QVERIFY(dialog.startImport());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("no sector named 'Quantum'")),
             qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(priceRows(scratch.database()), qint64(0));

    // A chosen one becomes the asset's primary sector.
    sector->setCurrentIndex(offered.indexOf(QStringLiteral("Layer1")) + 1);
    QCOMPARE(sector->currentText(), QStringLiteral("Layer1"));
    QVERIFY(dialog.startImport());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().first().toBool(), true);
    QSqlQuery mapped(scratch.database());
    QVERIFY(mapped.exec(QStringLiteral(
        "SELECT s.name FROM cryptocurrencies c JOIN crypto_sector_mapping m ON m.crypto_id = c.id"
        " JOIN crypto_sectors s ON s.id = m.sector_id WHERE c.symbol = 'SEC'")));
    QVERIFY(mapped.next());
    QCOMPARE(mapped.value(0).toString(), QStringLiteral("Layer1"));
}

QTEST_MAIN(tst_ImportDialog)
#include "tst_importdialog.moc"
