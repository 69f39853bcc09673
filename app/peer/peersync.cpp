#include "peersync.h"

#include "peerchannels.h"
#include "peermirror.h"

#include <models/changebus.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>

namespace cp::app {

namespace {

//! Lists are capped by the API at 200 rows: the newest ones, which the pages show.
const char *const kSignalsPath = "layer4/signals?status=all&limit=200";
const char *const kSuggestionsPath = "layer3/suggestions?status=all&limit=200";
const char *const kNotificationsPath = "ui/notifications?status=all&limit=200";

//! Which resources a channel event concerns.
int resourcesOf(const QString &type, const QJsonValue &data)
{
    QStringList tables;
    const QJsonObject object = data.toObject();
    tables.append(object.value(QStringLiteral("table")).toString());
    for (const QJsonValue &t : object.value(QStringLiteral("tables")).toArray())
        tables.append(t.toString());
    int resources = 0;
    if (type.startsWith(QLatin1String("signal")) ||
        tables.contains(QStringLiteral("trading_signals")))
        resources |= PeerSync::Signals;
    if (type.startsWith(QLatin1String("suggestion")) ||
        tables.contains(QStringLiteral("ai_suggestions")))
        resources |= PeerSync::Suggestions;
    if (type == QLatin1String("notification") || tables.contains(QStringLiteral("notifications")))
        resources |= PeerSync::Notifications;
    if (type == QLatin1String("execution"))
        resources |= PeerSync::Signals;
    for (const char *table :
         {"market_regime_analysis", "market_sentiment_data", "dominance_data"}) {
        if (tables.contains(QLatin1String(table)))
            resources |= PeerSync::Market;
    }
    for (const char *table : {"sector_performance", "sector_rotation_analysis", "crypto_sectors",
                              "crypto_sector_mapping"}) {
        if (tables.contains(QLatin1String(table)))
            resources |= PeerSync::Sectors;
    }
    if (tables.contains(QStringLiteral("predictions_enhanced")))
        resources |= PeerSync::Predictions;
    for (const char *table : {"ai_models", "system_health", "user_activities"}) {
        if (tables.contains(QLatin1String(table)))
            resources |= PeerSync::Admin;
    }
    if (tables.contains(QStringLiteral("signal_executions")))
        resources |= PeerSync::Signals;
    return resources;
}

} // namespace

PeerSync::PeerSync(PeerClient *client, PeerMirror *mirror, PeerLogin login, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_mirror(mirror)
    , m_channels(new PeerChannels(client, this))
    , m_prices(new PeerChannels(client, this))
    , m_login(std::move(login))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &PeerSync::tryReconnect);
    // Bursts (an analysis run announces many rows) become one re-fetch per resource.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this,
            [this] { fetch(std::exchange(m_pending, 0), false); });
    connect(m_channels, &PeerChannels::message, this, &PeerSync::onChannelMessage);
    connect(m_channels, &PeerChannels::lost, this, &PeerSync::connectionLost);
    connect(m_prices, &PeerChannels::message, this,
            [this](const QString &, const QString &type, const QJsonValue &data) {
                onPriceMessage(type, data);
            });
    connect(m_prices, &PeerChannels::lost, this, &PeerSync::connectionLost);
    connect(m_client, &PeerClient::unauthorized, this, [this] {
        if (m_state == State::SignInRequired)
            return;
        m_channels->close();
        closePrices();
        m_retry.stop();
        newGeneration();
        m_lastError = tr("The peer no longer accepts this sign-in.");
        setState(State::SignInRequired);
        Q_EMIT signInRequired();
    });
}

PeerSync::~PeerSync() = default;

void PeerSync::start()
{
    m_offline = false;
    m_retry.stop();
    newGeneration();
    m_client->setToken(m_login.token);
    setState(State::Syncing);
    // Subscribe before copying: a change made while the copy runs still arrives as an event.
    // Each channel greets its subscriber with a snapshot; the copy starts when all did.
    const QStringList list = channels();
    m_awaitingSnapshots = int(list.size());
    m_channels->open(list);
    const quint64 generation = m_generation;
    // A channel that stays silent must not keep the desktop empty.
    QTimer::singleShot(2000, this, [this, generation] {
        if (generation == m_generation && m_awaitingSnapshots > 0) {
            m_awaitingSnapshots = 0;
            fetch(Everything, true);
        }
    });
}

void PeerSync::startOffline(const QDateTime &dataFrom, const QString &reason)
{
    newGeneration();
    m_client->setToken(m_login.token);
    m_lastSync = dataFrom;
    m_offline = true;
    m_lastError = reason;
    const int delay = m_backoff.next();
    m_retryAt = QDateTime::currentDateTime().addMSecs(delay);
    m_retry.start(delay);
    setState(State::Reconnecting);
}

void PeerSync::stop()
{
    newGeneration();
    m_retry.stop();
    m_debounce.stop();
    m_channels->close();
    closePrices();
    setState(State::Idle);
}

void PeerSync::setLogin(const PeerLogin &login)
{
    m_login = login;
    m_client->setToken(login.token);
}

void PeerSync::refetch(int resources)
{
    if (m_state == State::Connected || m_state == State::Syncing)
        fetch(resources, false);
}

QStringList PeerSync::channels() const
{
    QStringList list{QStringLiteral("dashboard/%1").arg(m_login.userId),
                     QStringLiteral("signals/%1").arg(m_login.userId)};
    if (m_login.role == QLatin1String("admin"))
        list.append(QStringLiteral("admin/suggestions"));
    return list;
}

void PeerSync::fetch(int resources, bool full)
{
    m_roundFull = m_roundFull || full;
    const int before = m_inFlight;
    const bool admin = m_login.role == QLatin1String("admin");
    if (resources & User) {
        request(User, QStringLiteral("auth/me"));
        request(Health, QStringLiteral("health"));
    }
    if (resources & Signals)
        request(Signals, QString::fromLatin1(kSignalsPath));
    // The review queue exists for admins only; other roles are refused (403) by the peer.
    if (admin && (resources & Suggestions))
        request(Suggestions, QString::fromLatin1(kSuggestionsPath));
    if (resources & Notifications)
        request(Notifications, QString::fromLatin1(kNotificationsPath));
    if (resources & Watchlists)
        request(Watchlists, QStringLiteral("layer3/watchlists"));
    if (resources & Market) {
        request(Regime, QStringLiteral("layer1/market-regime"));
        request(Sentiment, QStringLiteral("layer1/sentiment"));
        request(Dominance, QStringLiteral("layer1/dominance"));
    }
    if (resources & Sectors) {
        request(Sectors, QStringLiteral("layer2/sectors"));
        request(Rotation, QStringLiteral("layer2/rotation"));
    }
    if (resources & Predictions)
        request(Predictions, QStringLiteral("predictions?limit=500"));
    // The admin endpoints refuse other roles (403).
    if (admin && (resources & Admin)) {
        request(Admin, QStringLiteral("admin/ai-models"));
        request(AdminHealth, QStringLiteral("admin/system-health"));
        request(AdminActivities, QStringLiteral("admin/user-activities?days=365&limit=200"));
    }
    if (m_inFlight == before && m_inFlight == 0)
        fetchDone();
}

void PeerSync::request(int resource, const QString &path, qint64 scopeId)
{
    const quint64 generation = m_generation;
    ++m_inFlight;
    m_client->get(path, [this, resource, generation, scopeId](const PeerReply &reply) {
        if (generation != m_generation)
            return;
        // Nested requests (a list's items) are counted before this one is uncounted.
        store(resource, reply, scopeId);
        // A lost connection or a refused token started a new generation meanwhile.
        if (generation != m_generation)
            return;
        if (--m_inFlight == 0)
            fetchDone();
    });
}

void PeerSync::store(int resource, const PeerReply &reply, qint64 scopeId)
{
    if (reply.isUnreachable()) {
        m_roundFailed = true;
        connectionLost(reply.message());
        return;
    }
    const bool reading = resource == Regime || resource == Sentiment || resource == Dominance;
    if (reading) {
        // Layer 1 answers the newest reading, 404 "no_data" before the first analysis.
        const MirrorTable spec = resource == Regime      ? MirrorTable::marketRegime()
                                 : resource == Sentiment ? MirrorTable::sentiment()
                                                         : MirrorTable::dominance();
        if (reply.ok() || reply.errorCode() == QLatin1String("no_data")) {
            QJsonArray rows;
            if (reply.ok()) {
                QJsonObject row = reply.object();
                row.insert(QStringLiteral("id"), 1);
                rows.append(row);
            }
            const Result<bool> changed = m_mirror->replace(spec, rows);
            if (!changed) {
                m_roundFailed = true;
                m_lastError = changed.error();
            } else if (*changed) {
                models::ChangeBus::instance().announce({spec.table, 0, QStringLiteral("update")});
            }
            return;
        }
    }
    if (storeMore(resource, reply, scopeId))
        return;
    if (!reply.ok()) {
        // 401 is handled by PeerClient::unauthorized.
        m_roundFailed = true;
        m_lastError = reply.message();
        return;
    }
    Result<bool> changed = false;
    QString table;
    switch (resource) {
    case User: {
        const QJsonObject me = reply.object();
        changed = m_mirror->putUser(me.value(QStringLiteral("id")).toInt(),
                                    me.value(QStringLiteral("email")).toString(),
                                    me.value(QStringLiteral("role")).toString());
        table = QStringLiteral("users");
        break;
    }
    case Signals:
        changed = m_mirror->replace(MirrorTable::tradingSignals(), reply.array());
        table = QStringLiteral("trading_signals");
        if (changed)
            requestSignalExtras();
        break;
    case Suggestions:
        changed = m_mirror->replace(MirrorTable::suggestions(), reply.array());
        table = QStringLiteral("ai_suggestions");
        if (changed)
            request(Reviews, QStringLiteral("layer3/suggestions/reviews?limit=200"));
        break;
    case Notifications:
        changed = m_mirror->replace(MirrorTable::notifications(m_login.userId), reply.array());
        table = QStringLiteral("notifications");
        break;
    case Watchlists: {
        // Other users' personal lists (an admin sees them) belong to users the copy lacks.
        QJsonArray lists;
        for (const QJsonValue &value : reply.array()) {
            QJsonObject list = value.toObject();
            if (list.value(QStringLiteral("user_id")).toInt() != m_login.userId)
                list.insert(QStringLiteral("user_id"), QJsonValue());
            lists.append(list);
        }
        changed = m_mirror->replace(MirrorTable::watchlists(), lists);
        table = QStringLiteral("watchlists");
        for (const QJsonValue &list : std::as_const(lists)) {
            const qint64 id = list.toObject().value(QStringLiteral("id")).toInteger();
            request(WatchlistItems, QStringLiteral("layer3/watchlists/%1").arg(id), id);
        }
        break;
    }
    case WatchlistItems: {
        QJsonArray items;
        for (const QJsonValue &value : reply.object().value(QStringLiteral("items")).toArray()) {
            QJsonObject item = value.toObject();
            item.insert(QStringLiteral("id"), item.value(QStringLiteral("item_id")));
            items.append(item);
        }
        changed = m_mirror->replace(MirrorTable::watchlistItems(scopeId), items);
        table = QStringLiteral("watchlist_items");
        break;
    }
    default:
        return;
    }
    if (!changed) {
        m_roundFailed = true;
        m_lastError = changed.error();
        return;
    }
    if (*changed) {
        models::ChangeBus::instance().announce({table, 0, QStringLiteral("update")});
        // Signals and suggestions carry their assets along.
        if (resource == Signals || resource == Suggestions || resource == WatchlistItems)
            models::ChangeBus::instance().announce(
                {QStringLiteral("cryptocurrencies"), 0, QStringLiteral("update")});
    }
}

void PeerSync::fetchDone()
{
    const bool wasFull = std::exchange(m_roundFull, false);
    const bool failed = std::exchange(m_roundFailed, false);
    if (failed || m_state == State::Reconnecting || m_state == State::SignInRequired)
        return;
    if (wasFull) {
        // Assets copied since the health answer carry the label too.
        applied(m_mirror->markSimulated(m_simulated), QStringLiteral("cryptocurrencies"));
        m_lastSync = QDateTime::currentDateTime();
        m_lastError.clear();
        ++m_fullSyncs;
        m_backoff.reset();
        setState(State::Connected);
        Q_EMIT synced();
        // After the copy: the signal and watchlist assets are known now.
        requestPrices();
        followPrices();
    }
}

void PeerSync::onChannelMessage(const QString &channel, const QString &type, const QJsonValue &data)
{
    Q_UNUSED(channel)
    if (type == QLatin1String("snapshot") && m_awaitingSnapshots > 0) {
        if (--m_awaitingSnapshots == 0)
            fetch(Everything, true);
        return;
    }
    const int resources = resourcesOf(type, data);
    if (resources == 0 || m_state == State::Reconnecting || m_state == State::SignInRequired)
        return;
    m_pending |= resources;
    if (!m_debounce.isActive())
        m_debounce.start();
}

void PeerSync::connectionLost(const QString &reason)
{
    if (m_state == State::Reconnecting || m_state == State::SignInRequired ||
        m_state == State::Idle)
        return;
    newGeneration();
    m_channels->close();
    closePrices();
    m_client->resetConnections();
    m_lastError = reason;
    const int delay = m_backoff.next();
    m_retryAt = QDateTime::currentDateTime().addMSecs(delay);
    m_retry.start(delay);
    setState(State::Reconnecting);
}

void PeerSync::tryReconnect()
{
    newGeneration();
    const quint64 generation = m_generation;
    m_client->resetConnections();
    // A cheap authenticated request: tells "still down" from "token no longer valid".
    m_client->get(QStringLiteral("auth/me"), [this, generation](const PeerReply &reply) {
        if (generation != m_generation || m_state != State::Reconnecting)
            return;
        if (reply.ok()) {
            start();
            return;
        }
        if (reply.status == 401)
            return; // PeerClient::unauthorized switched to SignInRequired.
        m_lastError = reply.message();
        const int delay = m_backoff.next();
        m_retryAt = QDateTime::currentDateTime().addMSecs(delay);
        m_retry.start(delay);
        Q_EMIT stateChanged(m_state);
    });
}

int PeerSync::secondsUntilRetry() const
{
    if (m_state != State::Reconnecting || !m_retry.isActive())
        return 0;
    return int((QDateTime::currentDateTime().msecsTo(m_retryAt) + 999) / 1000);
}

QString PeerSync::statusText() const
{
    const QString data = m_lastSync.isValid()
                             ? tr(" (showing data from %1)")
                                   .arg(QLocale().toString(m_lastSync.time(), QLocale::ShortFormat))
                             : QString();
    switch (m_state) {
    case State::Idle:
        return tr("Peer: offline") + data;
    case State::Syncing:
        return tr("Peer: synchronising...");
    case State::Connected:
        return tr("Peer: connected");
    case State::Reconnecting:
        // Nothing was heard from the peer this session: it is offline, not "back soon".
        if (m_offline)
            return tr("Peer: offline") + data;
        if (m_retry.isActive())
            return tr("Peer: reconnecting in %1 s").arg(std::max(1, secondsUntilRetry())) + data;
        return tr("Peer: reconnecting...") + data;
    case State::SignInRequired:
        return tr("Peer: sign in again") + data;
    }
    return {};
}

void PeerSync::newGeneration()
{
    // Replies of the old generation are dropped unseen: they no longer count as in flight.
    ++m_generation;
    m_inFlight = 0;
    m_awaitingSnapshots = 0;
    m_roundFull = false;
    m_roundFailed = false;
}

void PeerSync::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace cp::app
