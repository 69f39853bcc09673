#pragma once

#include <app/settings/appsettings.h>

#include <QLocale>
#include <QString>
#include <QStringList>

namespace cp::ui {

/**
 * The desktop's language, layout direction and calendar. Installs the application's catalogue
 * (embedded under :/i18n) and Qt's own (qtbase_*.qm from Qt's translations directory), makes
 * the language's QLocale the default (digits, separators) and turns the layout right to left
 * for Persian. Widgets take their texts when they are built, so a language change shows fully
 * after a restart; the calendar applies to every date formatted afterwards.
 */
namespace Language {

//! The languages the desktop ships a catalogue for, as BCP 47 codes ("en", "fa").
QStringList available();

//! `language` ("en", "fa", or empty for the system's) resolved to a shipped language.
QString resolve(const QString &language);

//! The language's own name for itself ("English", "فارسی"), for a language picker.
QString nativeName(const QString &language);

//! The locale for `language`: the system's variant of it if the system speaks it (en_GB),
//! else fa_IR for Persian and en_US for English.
QLocale localeFor(const QString &language);

/**
 * Installs the translators for `language` (empty = the system's), replacing earlier ones, sets
 * QLocale's default and the application's layout direction. Returns the language applied.
 * Call before the first window is built; see restartNote().
 */
QString apply(const QString &language);

//! The language apply() installed last ("en" before any call).
QString current();

//! Shows dates in `calendar` from now on (models::views::setDisplayCalendar underneath).
void applyCalendar(app::CalendarSystem calendar);

//! apply() and applyCalendar() from the saved display settings; called by main at start-up.
void applyDisplaySettings(const app::DisplaySettings &display);

//! "The language changes after a restart." in the current language, for the settings dialog.
QString restartNote();

} // namespace Language

} // namespace cp::ui
