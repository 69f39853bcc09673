#include "notificationbell.h"

#include <ui/theme.h>

#include <models/api/notificationwriter.h>
#include <models/changebus.h>
#include <models/views/notificationqueries.h>
#include <models/views/valueformat.h>

#include <QFrame>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QPushButton>
#include <QSqlDatabase>
#include <QVBoxLayout>

namespace cp::ui {

NotificationBell::NotificationBell(const ViewContext &context, QWidget *parent)
    : QToolButton(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("notificationBell"));
    setAutoRaise(true);
    setFixedSize(34, 26);
    setAccessibleName(tr("Notifications"));
    setToolTip(tr("Notifications"));
    m_popup = new QFrame(this, Qt::Popup);
    m_popup->setObjectName(QStringLiteral("notificationPopup"));
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_popup->resize(380, 320);
    auto *layout = new QVBoxLayout(m_popup);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("notificationList"));
    m_list->setWordWrap(true);
    m_markRead = new QPushButton(tr("Mark &read"));
    m_markRead->setObjectName(QStringLiteral("markReadButton"));
    m_dismiss = new QPushButton(tr("&Dismiss"));
    m_dismiss->setObjectName(QStringLiteral("dismissButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_markRead);
    buttons->addWidget(m_dismiss);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(this, &QToolButton::clicked, this, &NotificationBell::togglePopup);
    connect(m_markRead, &QPushButton::clicked, this, [this] { markSelectedRead(); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismissSelected(); });
    connect(&models::ChangeBus::instance(), &models::ChangeBus::changed, this,
            [this](const models::ChangeEvent &event) {
                if (event.table == QLatin1String("notifications"))
                    reload();
            });
    connect(&Theme::instance(), &Theme::changed, this, qOverload<>(&QWidget::update));
}

void NotificationBell::reload()
{
    const int userId = m_context.session.userId;
    if (!m_context.jobs || userId <= 0)
        return;
    m_context.jobs->run<models::views::SnapshotTable>(
        QStringLiteral("notificationBell"), this,
        [userId](QSqlDatabase db) { return models::views::loadNotifications(db, userId); },
        [this](const Result<models::views::SnapshotTable> &table) {
            if (table)
                showNotifications(*table);
            Q_EMIT reloaded();
        });
}

void NotificationBell::showNotifications(const models::views::SnapshotTable &table)
{
    m_unread = models::views::unreadCount(table);
    m_list->clear();
    for (int r = 0; r < table.rowCount(); ++r) {
        const bool unread =
            table.value(r, QStringLiteral("status")).toString() == QLatin1String("unread");
        auto *item = new QListWidgetItem(
            QStringLiteral("%1\n%2\n%3")
                .arg(table.value(r, QStringLiteral("title")).toString(),
                     table.value(r, QStringLiteral("message")).toString(),
                     models::views::formatTimestamp(table.value(r, QStringLiteral("created_at")))),
            m_list);
        item->setData(Qt::UserRole, table.value(r, QStringLiteral("id")));
        QFont font = item->font();
        font.setBold(unread);
        item->setFont(font);
    }
    if (table.rowCount() == 0)
        m_list->addItem(tr("No notifications"));
    setToolTip(tr("Notifications: %n unread", nullptr, m_unread));
    update();
}

void NotificationBell::togglePopup()
{
    if (m_popup->isVisible()) {
        m_popup->hide();
        return;
    }
    const QPoint below = mapToGlobal(QPoint(width() - m_popup->width(), height()));
    m_popup->move(below);
    m_popup->show();
    m_list->setFocus();
}

qint64 NotificationBell::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

QString NotificationBell::markSelectedRead()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return tr("Select a notification first.");
    if (m_context.actions) {
        // Peer mode: the peer writes; the mirror's re-fetch reloads this list.
        QPointer<NotificationBell> self(this);
        m_context.actions->markNotificationRead(id, [self](const QString &error) {
            if (self && !error.isEmpty())
                self->setToolTip(error);
        });
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_context.guiConnection, false);
    models::NotificationWriter writer(db);
    const Status done = writer.markRead(id, m_context.session.userId, false);
    if (done)
        models::ChangeBus::instance().publish(db, writer.changes());
    reload();
    return done ? QString() : done.error();
}

QString NotificationBell::dismissSelected()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return tr("Select a notification first.");
    if (m_context.actions) {
        // Peer mode: the peer writes; the mirror's re-fetch reloads this list.
        QPointer<NotificationBell> self(this);
        m_context.actions->deleteNotification(id, [self](const QString &error) {
            if (self && !error.isEmpty())
                self->setToolTip(error);
        });
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_context.guiConnection, false);
    models::NotificationWriter writer(db);
    const Status done = writer.remove(id, m_context.session.userId, false);
    if (done)
        models::ChangeBus::instance().publish(db, writer.changes());
    reload();
    return done ? QString() : done.error();
}

void NotificationBell::paintEvent(QPaintEvent *event)
{
    QToolButton::paintEvent(event);
    const ThemeColors &c = Theme::instance().colors();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // A bell: dome, rim and clapper.
    const QRectF box(rect().center().x() - 8, rect().center().y() - 8, 16, 16);
    QPainterPath bell;
    bell.moveTo(box.left() + 2, box.bottom() - 4);
    bell.cubicTo(box.left() + 4, box.bottom() - 6, box.left() + 3, box.top() + 2, box.center().x(),
                 box.top() + 1);
    bell.cubicTo(box.right() - 3, box.top() + 2, box.right() - 4, box.bottom() - 6, box.right() - 2,
                 box.bottom() - 4);
    bell.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::ButtonText));
    p.drawPath(bell);
    p.drawEllipse(QPointF(box.center().x(), box.bottom() - 2), 2, 2);
    if (m_unread > 0) {
        const QRectF badge(box.right() - 3, box.top() - 4, 13, 13);
        p.setBrush(c.negative);
        p.drawEllipse(badge);
        p.setPen(Qt::white);
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.7);
        small.setBold(true);
        p.setFont(small);
        p.drawText(badge, Qt::AlignCenter,
                   m_unread > 9 ? QLocale().toString(9) + QLatin1Char('+')
                                : QLocale().toString(m_unread));
    }
}

} // namespace cp::ui
