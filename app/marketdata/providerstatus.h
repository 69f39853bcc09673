#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>

namespace cp::app::marketdata {

/** How one data provider is doing, as the UI and the API show it. */
struct ProviderStatus
{
    enum class State {
        //! Not tried yet.
        Unknown,
        //! The last refresh got everything it asked for.
        Ok,
        //! The provider answered, but not everything: rate limited, server errors, bad data.
        Degraded,
        //! The provider could not be reached at all (refused, DNS, timeouts).
        Offline,
    };
    QString provider;
    State state = State::Unknown;
    //! One sentence for Degraded/Offline.
    QString reason;
    QDateTime lastSuccess;
    QDateTime lastAttempt;

    static QString stateName(State state);
    QJsonObject toJson() const;
    friend bool operator==(const ProviderStatus &, const ProviderStatus &) = default;
};

/**
 * The current status of every provider, shared by the refresh worker, the live feed and the UI.
 * Thread-safe: workers report from their threads; `statusChanged` reaches receivers in their
 * own thread (queued).
 */
class ProviderStatusBoard : public QObject
{
    Q_OBJECT

public:
    explicit ProviderStatusBoard(QObject *parent = nullptr);

    void reportSuccess(const QString &provider,
                       const QDateTime &when = QDateTime::currentDateTimeUtc());
    void reportDegraded(const QString &provider, const QString &reason,
                        const QDateTime &when = QDateTime::currentDateTimeUtc());
    void reportOffline(const QString &provider, const QString &reason,
                       const QDateTime &when = QDateTime::currentDateTimeUtc());
    ProviderStatus status(const QString &provider) const;
    QList<ProviderStatus> all() const;

Q_SIGNALS:
    void statusChanged(const cp::app::marketdata::ProviderStatus &status);

private:
    void update(const QString &provider, ProviderStatus::State state, const QString &reason,
                const QDateTime &when);

    mutable QMutex m_mutex;
    QHash<QString, ProviderStatus> m_status;
};

} // namespace cp::app::marketdata

Q_DECLARE_METATYPE(cp::app::marketdata::ProviderStatus)
