#include "providerstatus.h"

#include <QMutexLocker>

#include <algorithm>

namespace cp::app::marketdata {

QString ProviderStatus::stateName(State state)
{
    switch (state) {
    case State::Ok:
        return QStringLiteral("ok");
    case State::Degraded:
        return QStringLiteral("degraded");
    case State::Offline:
        return QStringLiteral("offline");
    case State::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonObject ProviderStatus::toJson() const
{
    return QJsonObject{{QStringLiteral("provider"), provider},
                       {QStringLiteral("status"), stateName(state)},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("last_success"),
                        lastSuccess.isValid() ? lastSuccess.toString(Qt::ISODate) : QJsonValue()},
                       {QStringLiteral("last_attempt"),
                        lastAttempt.isValid() ? lastAttempt.toString(Qt::ISODate) : QJsonValue()}};
}

ProviderStatusBoard::ProviderStatusBoard(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<cp::app::marketdata::ProviderStatus>();
}

void ProviderStatusBoard::reportSuccess(const QString &provider, const QDateTime &when)
{
    update(provider, ProviderStatus::State::Ok, QString(), when);
}

void ProviderStatusBoard::reportDegraded(const QString &provider, const QString &reason,
                                         const QDateTime &when)
{
    update(provider, ProviderStatus::State::Degraded, reason, when);
}

void ProviderStatusBoard::reportOffline(const QString &provider, const QString &reason,
                                        const QDateTime &when)
{
    update(provider, ProviderStatus::State::Offline, reason, when);
}

ProviderStatus ProviderStatusBoard::status(const QString &provider) const
{
    const QMutexLocker lock(&m_mutex);
    ProviderStatus s = m_status.value(provider);
    s.provider = provider;
    return s;
}

QList<ProviderStatus> ProviderStatusBoard::all() const
{
    const QMutexLocker lock(&m_mutex);
    QList<ProviderStatus> list = m_status.values();
    std::sort(list.begin(), list.end(), [](const ProviderStatus &a, const ProviderStatus &b) {
        return a.provider < b.provider;
    });
    return list;
}

void ProviderStatusBoard::update(const QString &provider, ProviderStatus::State state,
                                 const QString &reason, const QDateTime &when)
{
    ProviderStatus copy;
    {
        const QMutexLocker lock(&m_mutex);
        ProviderStatus &s = m_status[provider];
        s.provider = provider;
        s.state = state;
        s.reason = reason;
        s.lastAttempt = when;
        if (state == ProviderStatus::State::Ok)
            s.lastSuccess = when;
        copy = s;
    }
    Q_EMIT statusChanged(copy);
}

} // namespace cp::app::marketdata
