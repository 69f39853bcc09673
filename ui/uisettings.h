#pragma once

#include <QByteArray>
#include <QString>

namespace cp::ui {

/**
 * The window's own state (QSettings underneath, organisation and application names set in
 * main): last page and saved widget states. What users tune, the theme included, lives in
 * app::AppSettings.
 */
namespace UiSettings {

//! objectName of the page shown last.
QString lastPage();
void setLastPage(const QString &pageName);

//! A saved QHeaderView / QSplitter state under "views/<key>".
QByteArray widgetState(const QString &key);
void setWidgetState(const QString &key, const QByteArray &state);

} // namespace UiSettings

} // namespace cp::ui
