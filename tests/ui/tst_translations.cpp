#include "viewtestfixture.h"

#include <models/views/valueformat.h>
#include <ui/charts/timeserieschart.h>
#include <ui/language.h>
#include <ui/views/page.h>

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QFile>
#include <QHeaderView>
#include <QLibraryInfo>
#include <QListWidget>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using cp::models::Role;
using cp::test::ViewFixture;
namespace Language = cp::ui::Language;
namespace views = cp::models::views;

namespace {

//! Latin digits to Persian (U+06F0..U+06F9), written independently of QLocale.
QString persianDigits(QString text)
{
    for (QChar &c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            c = QChar(0x06F0 + (c.unicode() - '0'));
    }
    return text;
}

bool hasArabicScript(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x0600 && c.unicode() <= 0x06FF)
            return true;
    }
    return false;
}

QSet<QString> placeholders(const QString &text)
{
    // %L1 and %Ln are the localised forms of %1 and %n.
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d+|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &m : pattern.globalMatch(text))
        found.insert(QLatin1Char('%') + m.captured(1));
    return found;
}

} // namespace

/**
 * The Persian translation: complete catalogues, right-to-left layout, Persian page titles,
 * locale digits and Jalali dates checked against known Nowruz dates.
 */
class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void catalogueComplete_data();
    void catalogueComplete();
    void cataloguesEmbedded();
    void persianLayoutDirection();
    void jalaliDates_data();
    void jalaliDates();
    void gregorianDatesInPersian();
    void jalaliChartAxis();
    void windowInPersian();

private:
    QTemporaryDir m_settingsDir;
};

void tst_Translations::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    cp::test::useTestSettings(m_settingsDir.path());
}

void tst_Translations::cleanup()
{
    Language::apply(QStringLiteral("en"));
    Language::applyCalendar(cp::app::CalendarSystem::Gregorian);
}

void tst_Translations::catalogueComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("fa") << QStringLiteral(CP_TRANSLATIONS_DIR "/cryptopredict_fa.ts");
    QTest::newRow("en") << QStringLiteral(CP_TRANSLATIONS_DIR "/cryptopredict_en.ts");
}

// Every entry is finished and non-empty, and keeps the source's %1..%9 and %n placeholders.
void tst_Translations::catalogueComplete()
{
    QFETCH(QString, file);
    QFile ts(file);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(file));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString where = context + QStringLiteral(": ") + source;
            const QStringView type = xml.attributes().value(QStringLiteral("type"));
            QVERIFY2(type.isEmpty(), qPrintable(type.toString() + QStringLiteral(" ") + where));
            QStringList forms;
            QString direct;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
                xml.readNext();
                if (xml.isCharacters())
                    direct += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    forms.append(xml.readElementText());
            }
            if (forms.isEmpty())
                forms.append(direct);
            for (const QString &form : std::as_const(forms)) {
                QVERIFY2(!form.trimmed().isEmpty(), qPrintable(QStringLiteral("empty: ") + where));
                if (source == QLatin1String("QT_LAYOUT_DIRECTION"))
                    continue;
                QCOMPARE(placeholders(form), placeholders(source));
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(messages > 300, qPrintable(QString::number(messages)));
}

void tst_Translations::cataloguesEmbedded()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/cryptopredict_fa.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/cryptopredict_en.qm")));
}

void tst_Translations::persianLayoutDirection()
{
    QCOMPARE(Language::apply(QStringLiteral("fa")), QStringLiteral("fa"));
    QCOMPARE(QApplication::layoutDirection(), Qt::RightToLeft);
    QCOMPARE(QLocale().language(), QLocale::Persian);
    QCOMPARE(QGuiApplication::translate("QGuiApplication", "QT_LAYOUT_DIRECTION"),
             QStringLiteral("RTL"));
    QCOMPARE(QCoreApplication::translate("cp::models::views", "Long"), QStringLiteral("خرید"));
    QCOMPARE(QCoreApplication::translate("cp::models::views", "Bullish"), QStringLiteral("صعودی"));
    // Counts in plural forms are written with Persian digits.
    QCOMPARE(QCoreApplication::translate("cp::ui::SuggestionsPage", "%n pending", nullptr, 25),
             persianDigits(QStringLiteral("25 در انتظار")));
    // A number in the default locale has Persian digits.
    QCOMPARE(QLocale().toString(1403), persianDigits(QStringLiteral("1,403"))
                                           .replace(QLatin1Char(','), QLocale().groupSeparator()));
    // Qt's own texts come from qtbase_fa when the distribution ships it.
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                      QStringLiteral("/qtbase_fa.qm")))
        QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));

    QCOMPARE(Language::apply(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
    QCOMPARE(QCoreApplication::translate("cp::models::views", "Long"), QStringLiteral("Long"));
    // An unknown language falls back to English.
    QCOMPARE(Language::resolve(QStringLiteral("xx")), QStringLiteral("en"));
}

void tst_Translations::jalaliDates_data()
{
    QTest::addColumn<QDate>("gregorian");
    QTest::addColumn<QString>("jalali"); // yyyy/MM/dd, Latin digits
    // Nowruz (1 Farvardin) of recent years, and the last days of the years before them.
    QTest::newRow("Nowruz 1400") << QDate(2021, 3, 21) << QStringLiteral("1400/01/01");
    QTest::newRow("Nowruz 1402") << QDate(2023, 3, 21) << QStringLiteral("1402/01/01");
    QTest::newRow("Nowruz 1403") << QDate(2024, 3, 20) << QStringLiteral("1403/01/01");
    QTest::newRow("Nowruz 1404") << QDate(2025, 3, 21) << QStringLiteral("1404/01/01");
    QTest::newRow("29 Esfand 1402") << QDate(2024, 3, 19) << QStringLiteral("1402/12/29");
    QTest::newRow("30 Esfand 1403 (leap)") << QDate(2025, 3, 20) << QStringLiteral("1403/12/30");
    // 1 Mehr 1403, the start of the autumn: Farvardin..Shahrivar have 31 days each.
    QTest::newRow("1 Mehr 1403") << QDate(2024, 9, 22) << QStringLiteral("1403/07/01");
}

void tst_Translations::jalaliDates()
{
    QFETCH(QDate, gregorian);
    QFETCH(QString, jalali);
    Language::apply(QStringLiteral("fa"));
    Language::applyCalendar(cp::app::CalendarSystem::Jalali);
    QCOMPARE(views::formatDate(gregorian), persianDigits(jalali));
    const QDateTime noon(gregorian, QTime(12, 30), Qt::LocalTime);
    QCOMPARE(views::formatDateTime(noon), persianDigits(jalali + QStringLiteral(" 12:30")));
    QCOMPARE(views::formatValue(noon.toUTC().toString(Qt::ISODate), views::ColumnFormat::DateTime),
             persianDigits(jalali + QStringLiteral(" 12:30")));

    // The calendar does not depend on the language: English with Jalali keeps Latin digits.
    Language::apply(QStringLiteral("en"));
    QString latin = jalali;
    QCOMPARE(views::formatDate(gregorian), latin.replace(QLatin1Char('/'), QLatin1Char('-')));
}

void tst_Translations::gregorianDatesInPersian()
{
    Language::apply(QStringLiteral("fa"));
    Language::applyCalendar(cp::app::CalendarSystem::Gregorian);
    QCOMPARE(views::formatDate(QDate(2024, 3, 20)), persianDigits(QStringLiteral("2024/03/20")));
    Language::apply(QStringLiteral("en"));
    QCOMPARE(views::formatDate(QDate(2024, 3, 20)), QStringLiteral("2024-03-20"));
}

// Chart time axes label their ticks in the Jalali calendar: 2024-03-20 is 1 Farvardin 1403.
void tst_Translations::jalaliChartAxis()
{
    Language::apply(QStringLiteral("fa"));
    const qint64 from = QDateTime(QDate(2024, 3, 20), QTime(12, 0)).toMSecsSinceEpoch();
    const qint64 to = QDateTime(QDate(2024, 3, 25), QTime(12, 0)).toMSecsSinceEpoch();
    const auto labelsOf = [&](cp::ui::charts::TimeSeriesChart &chart) {
        chart.resize(700, 300);
        chart.setSeries({{QStringLiteral("x"), {QPointF(from, 1.0), QPointF(to, 2.0)}}});
        chart.setTimeRange(from, to);
        for (QAbstractAxis *axis : chart.chart()->axes()) {
            if (auto *category = qobject_cast<QCategoryAxis *>(axis))
                return category->categoriesLabels();
        }
        return QStringList();
    };

    Language::applyCalendar(cp::app::CalendarSystem::Gregorian);
    cp::ui::charts::TimeSeriesChart gregorian;
    QVERIFY(labelsOf(gregorian).isEmpty());

    Language::applyCalendar(cp::app::CalendarSystem::Jalali);
    cp::ui::charts::TimeSeriesChart jalali;
    const QStringList labels = labelsOf(jalali);
    QCOMPARE(labels.size(), 6); // one a day, as the hidden date-time axis ticks
    QCOMPARE(labels.first(), persianDigits(QStringLiteral("1 فروردین")));
    QCOMPARE(labels.last(), persianDigits(QStringLiteral("6 فروردین")));
    for (QAbstractAxis *axis : jalali.chart()->axes()) {
        if (qobject_cast<QDateTimeAxis *>(axis))
            QVERIFY(!axis->labelsVisible());
    }
}

// The whole window in Persian: right to left, and each view's title translated.
void tst_Translations::windowInPersian()
{
    Language::apply(QStringLiteral("fa"));
    Language::applyCalendar(cp::app::CalendarSystem::Jalali);
    CP_SCRATCH_DB(scratch, QStringLiteral("sqlite"));
    ViewFixture fixture(scratch, Role::Admin);
    QVERIFY2(fixture.error().isEmpty(), qPrintable(fixture.error()));
    cp::ui::MainWindow &window = fixture.window();
    QCOMPARE(window.layoutDirection(), Qt::RightToLeft);
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->layoutDirection(), Qt::RightToLeft);

    const QHash<QString, QString> titles{
        {QStringLiteral("homePage"), QStringLiteral("خانه")},
        {QStringLiteral("sectorsPage"), QStringLiteral("بخش\u200cها")},
        {QStringLiteral("watchlistsPage"), QStringLiteral("فهرست\u200cهای دیده\u200cبانی")},
        {QStringLiteral("suggestionsPage"), QStringLiteral("پیشنهادها")},
        {QStringLiteral("signalsPage"), QStringLiteral("سیگنال\u200cها")},
        {QStringLiteral("predictionsPage"), QStringLiteral("پیش\u200cبینی\u200cها")},
        {QStringLiteral("adminPage"), QStringLiteral("مدیریت")},
    };
    QStringList navigationTexts;
    for (int i = 0; i < navigation->count(); ++i)
        navigationTexts.append(navigation->item(i)->text());
    for (auto it = titles.cbegin(); it != titles.cend(); ++it) {
        cp::ui::Page *page = window.page(it.key());
        QVERIFY2(page, qPrintable(it.key()));
        QCOMPARE(page->title(), it.value());
        QVERIFY2(navigationTexts.join(QLatin1Char('|')).contains(it.value()),
                 qPrintable(navigationTexts.join(QLatin1Char('|'))));
    }
    // Pages added later must be translated as well.
    for (cp::ui::Page *page : window.pages())
        QVERIFY2(hasArabicScript(page->title()), qPrintable(page->title()));

    // A table header and a Jalali date in Persian digits in the predictions view.
    QVERIFY(fixture.openPage(QStringLiteral("predictionsPage")));
    QTableView *recent = fixture.table(QStringLiteral("predictionTable"));
    QVERIFY(recent);
    QCOMPARE(recent->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("دارایی"));
    QVERIFY(recent->model()->rowCount() > 0);
    const QString made = recent->model()->index(0, 0).data().toString();
    static const QRegularExpression jalaliStamp(
        QStringLiteral("^۱[۳۴][۰-۹]{2}/[۰-۱][۰-۹]/[۰-۳][۰-۹] [۰-۲][۰-۹]:[۰-۵][۰-۹]$"));
    QVERIFY2(jalaliStamp.match(made).hasMatch(), qPrintable(made));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
