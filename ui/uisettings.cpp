#include "uisettings.h"

#include <QSettings>

namespace cp::ui::UiSettings {

namespace {
const QString kTheme = QStringLiteral("appearance/theme");
const QString kLastPage = QStringLiteral("mainWindow/lastPage");
} // namespace

ThemeMode theme()
{
    return QSettings().value(kTheme).toString() == QLatin1String("dark") ? ThemeMode::Dark
                                                                         : ThemeMode::Light;
}

void setTheme(ThemeMode mode)
{
    QSettings().setValue(kTheme, mode == ThemeMode::Dark ? QStringLiteral("dark")
                                                         : QStringLiteral("light"));
}

QString lastPage()
{
    return QSettings().value(kLastPage).toString();
}

void setLastPage(const QString &pageName)
{
    QSettings().setValue(kLastPage, pageName);
}

QByteArray widgetState(const QString &key)
{
    return QSettings().value(QStringLiteral("views/") + key).toByteArray();
}

void setWidgetState(const QString &key, const QByteArray &state)
{
    QSettings().setValue(QStringLiteral("views/") + key, state);
}

} // namespace cp::ui::UiSettings
