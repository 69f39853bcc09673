#pragma once

#include <ui/views/viewcontext.h>

#include <models/views/snapshottable.h>

#include <QToolButton>

class QFrame;
class QListWidget;
class QPushButton;

namespace cp::ui {

/**
 * The notifications bell: a bell with the unread count; clicking it opens a list of the user's
 * notifications to read or dismiss (through NotificationWriter, shared with the REST API).
 * Reloads off the GUI thread when the notifications table changes.
 */
class NotificationBell : public QToolButton
{
    Q_OBJECT

public:
    explicit NotificationBell(const ViewContext &context, QWidget *parent = nullptr);

    int unreadCount() const { return m_unread; }
    //! Loads the list (after the database is ready, and on changes).
    void reload();
    QListWidget *list() const { return m_list; }
    //! Marks the selected notification read / deletes it; the error sentence or empty.
    QString markSelectedRead();
    QString dismissSelected();

Q_SIGNALS:
    void reloaded();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void showNotifications(const models::views::SnapshotTable &table);
    void togglePopup();
    qint64 selectedId() const;

    ViewContext m_context;
    QFrame *m_popup = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_markRead = nullptr;
    QPushButton *m_dismiss = nullptr;
    int m_unread = 0;
};

} // namespace cp::ui
