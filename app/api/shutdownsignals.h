#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace cp::app::api {

/**
 * Turns SIGINT and SIGTERM into a Qt signal on the thread that created it (self-pipe: the
 * POSIX handler only writes a byte; the event loop does the rest), so a server can shut down
 * gracefully instead of dying mid-request. One instance per process.
 */
class ShutdownSignals : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void shutdownRequested(int signalNumber);

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace cp::app::api
