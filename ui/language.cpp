#include "language.h"

#include <models/views/valueformat.h>

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace cp::ui::Language {

namespace {

// Qt switches the layout to right to left when a catalogue translates this to "RTL"; apply()
// also sets the direction itself, and the entry keeps lupdate from dropping it from the .ts.
//: "RTL" in right-to-left languages (Persian, Arabic, Hebrew), "LTR" in the others.
[[maybe_unused]] const char *const kLayoutDirection =
    QT_TRANSLATE_NOOP("QGuiApplication", "QT_LAYOUT_DIRECTION");

const QString kEnglish = QStringLiteral("en");
const QString kPersian = QStringLiteral("fa");

struct Installed
{
    std::unique_ptr<QTranslator> application;
    std::unique_ptr<QTranslator> qt;
    QString language = QStringLiteral("en");
};

Installed &installed()
{
    static Installed state;
    return state;
}

void removeTranslators()
{
    Installed &state = installed();
    for (std::unique_ptr<QTranslator> *translator : {&state.application, &state.qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(translator->get());
            translator->reset();
        }
    }
}

} // namespace

QStringList available()
{
    return {kEnglish, kPersian};
}

QString resolve(const QString &language)
{
    const QString wanted =
        language.isEmpty() ? QLocale::system().name().section(QLatin1Char('_'), 0, 0) : language;
    return available().contains(wanted) ? wanted : kEnglish;
}

QString nativeName(const QString &language)
{
    if (language == kPersian)
        return QStringLiteral("فارسی");
    if (language == kEnglish)
        return QStringLiteral("English");
    return QLocale(language).nativeLanguageName();
}

QLocale localeFor(const QString &language)
{
    // The system's own variant of the language when it has one (en_GB, fa_AF).
    const QLocale system = QLocale::system();
    if (QLocale(language).language() == system.language())
        return system;
    if (language == kPersian)
        return QLocale(QLocale::Persian, QLocale::Iran);
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QString apply(const QString &language)
{
    const QString chosen = resolve(language);
    removeTranslators();
    Installed &state = installed();
    // Following the system in a language we do not ship: English texts, the system's numbers.
    const bool systemOnly =
        language.isEmpty() && chosen != QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    const QLocale locale = systemOnly ? QLocale::system() : localeFor(chosen);
    auto application = std::make_unique<QTranslator>();
    if (application->load(QStringLiteral(":/i18n/cryptopredict_") + chosen)) {
        QCoreApplication::installTranslator(application.get());
        state.application = std::move(application);
    }
    // English is the source language: Qt's own texts need no catalogue.
    if (chosen != kEnglish) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            state.qt = std::move(qt);
        }
    }
    state.language = chosen;
    QLocale::setDefault(locale);
    // The direction of the texts shown, not of the number locale.
    QGuiApplication::setLayoutDirection(localeFor(chosen).textDirection());
    return chosen;
}

QString current()
{
    return installed().language;
}

void applyCalendar(app::CalendarSystem calendar)
{
    models::views::setDisplayCalendar(calendar == app::CalendarSystem::Jalali
                                          ? QCalendar::System::Jalali
                                          : QCalendar::System::Gregorian);
}

void applyDisplaySettings(const app::DisplaySettings &display)
{
    apply(display.language);
    applyCalendar(display.calendar);
}

QString restartNote()
{
    return QCoreApplication::translate("cp::ui::Language", "The language changes after a restart.");
}

} // namespace cp::ui::Language
