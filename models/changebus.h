#pragma once

#include "changeevent.h"

#include <QObject>
#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace cp::models {

/**
 * Where committed changes are announced. In-process, `changed` is emitted (queued to receivers
 * in other threads); across processes, publish() also sends PostgreSQL NOTIFY
 * cryptopredict_events with {"table","id","op","origin"} so other desktops and servers refresh.
 * "origin" names this process, so its own listener can drop the echo of what it announced.
 */
class ChangeBus : public QObject
{
    Q_OBJECT

public:
    static ChangeBus &instance();

    //! Call after commit, on the connection that wrote. Safe from any thread.
    void publish(QSqlDatabase db, const std::vector<ChangeEvent> &events);
    //! Announces events received from another process (does not NOTIFY again).
    void announce(const ChangeEvent &event);

    static QString channel() { return QStringLiteral("cryptopredict_events"); }
    //! Random per process: the "origin" of the notifications it sends.
    static QString instanceId();
    static QByteArray toPayload(const ChangeEvent &event);
    static std::optional<ChangeEvent> fromPayload(const QString &payload);
    //! True when the payload was sent by this process (already announced in-process).
    static bool isOwnPayload(const QString &payload);

Q_SIGNALS:
    void changed(const cp::models::ChangeEvent &event);

private:
    ChangeBus();
};

} // namespace cp::models
