#include "page.h"

#include <ui/theme.h>
#include <ui/uisettings.h>
#include <ui/views/tableviews.h>

#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QSplitter>
#include <QTableView>

namespace cp::ui {

namespace {
// Short enough to feel live (the issue asks for under 2 s), long enough to merge a run's burst.
constexpr int kRefreshDelayMs = 300;
} // namespace

Page::Page(const ViewContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &Page::refresh);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pageMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
}

void Page::setDatabaseReady(bool ready)
{
    m_ready = ready;
    if (ready)
        refresh();
}

void Page::refresh()
{
    m_stale = true;
    if (!m_ready || !isVisible())
        return;
    m_stale = false;
    m_refreshing = true;
    reload();
    if (m_pendingKeys.isEmpty()) {
        m_refreshing = false;
        ++m_refreshCount;
        Q_EMIT refreshed();
    }
}

void Page::scheduleRefresh()
{
    m_stale = true;
    if (isVisible())
        m_refreshTimer.start();
}

void Page::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void Page::loadFinished(const QString &key)
{
    m_pendingKeys.remove(key);
    // Loads started by a selection (a detail pane) are not a refresh of the page.
    if (m_pendingKeys.isEmpty() && m_refreshing) {
        m_refreshing = false;
        ++m_refreshCount;
        Q_EMIT refreshed();
    }
}

QSqlDatabase Page::guiDatabase() const
{
    return QSqlDatabase::database(m_context.guiConnection, false);
}

void Page::addMessageLine()
{
    if (layout())
        layout()->addWidget(m_message);
}

void Page::showError(const QString &message)
{
    m_message->setStyleSheet(
        QStringLiteral("color: %1;").arg(Theme::instance().colors().negative.name()));
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    if (!message.isEmpty())
        Q_EMIT loadFailed(message);
}

void Page::showNotice(const QString &message)
{
    m_message->setStyleSheet(QString());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void Page::saveState() const
{
    const QString prefix = objectName() + QLatin1Char('/');
    for (const QSplitter *splitter : findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            UiSettings::setWidgetState(prefix + splitter->objectName(), splitter->saveState());
    }
    for (const QTableView *view : findChildren<QTableView *>()) {
        if (!view->objectName().isEmpty())
            UiSettings::setWidgetState(prefix + view->objectName(),
                                       view->horizontalHeader()->saveState());
    }
}

void Page::restoreState()
{
    const QString prefix = objectName() + QLatin1Char('/');
    for (QSplitter *splitter : findChildren<QSplitter *>()) {
        const QByteArray state = UiSettings::widgetState(prefix + splitter->objectName());
        if (!splitter->objectName().isEmpty() && !state.isEmpty())
            splitter->restoreState(state);
    }
    for (QTableView *view : findChildren<QTableView *>()) {
        const QByteArray state = UiSettings::widgetState(prefix + view->objectName());
        if (!view->objectName().isEmpty() && !state.isEmpty() &&
            view->horizontalHeader()->restoreState(state))
            view->setProperty(TableViews::kColumnsFitted, true);
    }
}

} // namespace cp::ui
