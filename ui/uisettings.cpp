#include "uisettings.h"

#include <QSettings>

namespace cp::ui::UiSettings {

namespace {
const QString kLastPage = QStringLiteral("mainWindow/lastPage");
} // namespace

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
