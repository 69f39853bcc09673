#pragma once

#include "theme.h"

#include <QByteArray>
#include <QString>

namespace cp::ui {

/**
 * The desktop's own settings in one typed place (QSettings underneath, organisation and
 * application names set in main): palette, last page, and saved widget states.
 */
namespace UiSettings {

ThemeMode theme();
void setTheme(ThemeMode mode);

//! objectName of the page shown last.
QString lastPage();
void setLastPage(const QString &pageName);

//! A saved QHeaderView / QSplitter state under "views/<key>".
QByteArray widgetState(const QString &key);
void setWidgetState(const QString &key, const QByteArray &state);

} // namespace UiSettings

} // namespace cp::ui
