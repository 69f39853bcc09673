#pragma once

#include "peerbackoff.h"
#include "peerclient.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace cp::app {

class PeerChannels;
class PeerMirror;

/**
 * Keeps the local mirror of a peer current. Subscribes to the peer's WebSocket channels first,
 * then copies every resource the pages read (a full sync); afterwards each channel event
 * re-fetches the resource it concerns, and the chart assets' prices arrive live. Every real change
 * of the mirror is announced on ChangeBus, so the pages refresh as they do for a database. When the
 * peer goes away it retries with exponential backoff, checks the token (a 401 asks for a new
 * sign-in) and resynchronises.
 */
class PeerSync : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Syncing, Connected, Reconnecting, SignInRequired };
    //! What to (re-)fetch; combinable.
    enum Resource {
        User = 1,
        Signals = 2,
        Suggestions = 4,
        Notifications = 8,
        Watchlists = 16, //!< the lists and their items
        Market = 32,     //!< layer 1: regime, sentiment, dominance
        Sectors = 64,    //!< layer 2: sectors, their history and members, the rotation
        Predictions = 128,
        Admin = 256, //!< admins only: models, health, user activities
        Everything = User | Signals | Suggestions | Notifications | Watchlists | Market | Sectors |
                     Predictions | Admin
    };

    PeerSync(PeerClient *client, PeerMirror *mirror, PeerLogin login, QObject *parent = nullptr);
    ~PeerSync() override;

    //! Subscribes and synchronises (again); also after a new sign-in (setLogin first).
    void start();
    void stop();
    /**
     * Starts without the peer (it did not answer at start): the copy of an earlier session,
     * from `dataFrom`, stays readable while attempts follow the usual backoff; the first answer
     * checks the token (a 401 asks for a new sign-in) and synchronises. `reason`: why the peer
     * did not answer (the tooltip shows it).
     */
    void startOffline(const QDateTime &dataFrom, const QString &reason);
    //! Re-fetches `resources` (after an action, or when a page asks).
    void refetch(int resources);
    //! A fresh sign-in (new token) after SignInRequired.
    void setLogin(const PeerLogin &login);

    State state() const { return m_state; }
    const PeerLogin &login() const { return m_login; }
    PeerClient *client() const { return m_client; }
    //! When the mirror last matched the peer completely (invalid before the first full sync).
    QDateTime lastSync() const { return m_lastSync; }
    //! Seconds until the next reconnect attempt (Reconnecting only).
    int secondsUntilRetry() const;
    //! Number of completed full synchronisations (tests wait on it).
    int fullSyncs() const { return m_fullSyncs; }
    //! "Peer: connected", "Peer: reconnecting in 4 s (showing data from 14:02)", ...
    QString statusText() const;
    //! The last failure a sync or the connection reported.
    QString lastError() const { return m_lastError; }
    //! Whether the peer's data is simulated demo data (GET health), as last heard.
    bool isSimulated() const { return m_simulated; }

Q_SIGNALS:
    void stateChanged(cp::app::PeerSync::State state);
    //! A full synchronisation finished.
    void synced();
    //! The peer refused the token: the user must sign in again.
    void signInRequired();
    //! The peer's data turned out to be (or no longer be) simulated.
    void simulatedChanged(bool simulated);

private:
    void fetch(int resources, bool full);
    //! One list's items: internal to Watchlists.
    static constexpr int WatchlistItems = 1 << 10;
    //! The three layer 1 readings: internal to Market.
    static constexpr int Regime = 1 << 11;
    static constexpr int Sentiment = 1 << 12;
    static constexpr int Dominance = 1 << 13;
    // Internal to Sectors and Signals (peersynclayers.cpp).
    static constexpr int SectorDetail = 1 << 14;
    static constexpr int SectorHistory = 1 << 15;
    static constexpr int Rotation = 1 << 16;
    static constexpr int SignalDetail = 1 << 17;
    static constexpr int Executions = 1 << 18;
    static constexpr int Health = 1 << 19; //!< with User: whether the peer's data is simulated
    static constexpr int AdminHealth = 1 << 20;
    static constexpr int AdminActivities = 1 << 21;
    static constexpr int Reviews = 1 << 22; //!< with Suggestions: the review trail
    //! After a full sync: the candles of the assets the charts show (one request per asset).
    static constexpr int Prices = 1 << 23;
    //! Users named by activities or reviews become known by id and e-mail; the ids known.
    Result<QSet<qint64>> knowUsers(const QJsonArray &rows, const QString &idKey,
                                   const QString &emailKey);
    void request(int resource, const QString &path, qint64 scopeId = 0);
    void store(int resource, const PeerReply &reply, qint64 scopeId);
    //! Layer 2, predictions, executions and signal details; false for other resources.
    bool storeMore(int resource, const PeerReply &reply, qint64 scopeId);
    //! After the signal list: the user's executions and the analysis of new active signals.
    void requestSignalExtras();
    //! The candles of the signal and watchlist assets, a bounded window each.
    void requestPrices();
    //! The signal and watchlist assets whose prices the copy keeps (at most 50).
    QList<qint64> chartAssets() const;
    //! Follows ws/prices/{ids} of the chart assets (reopened when the set changed).
    void followPrices();
    //! A prices channel's snapshot or change: the newest price of each asset into the copy.
    void onPriceMessage(const QString &type, const QJsonValue &data);
    void closePrices();
    //! Records a mirror write: announces a real change, notes a failure for the round.
    void applied(const Result<bool> &changed, const QString &table);
    void fetchDone();
    void onChannelMessage(const QString &channel, const QString &type, const QJsonValue &data);
    void connectionLost(const QString &reason);
    void tryReconnect();
    void setState(State state);
    void newGeneration();
    QStringList channels() const;

    PeerClient *m_client;
    PeerMirror *m_mirror;
    PeerChannels *m_channels;
    //! ws/prices/{ids}: its own connection, reopened when the chart assets change.
    PeerChannels *m_prices;
    QString m_priceChannel;
    PeerLogin m_login;
    PeerBackoff m_backoff;
    QTimer m_retry;
    QTimer m_debounce;
    QDateTime m_retryAt;
    QDateTime m_lastSync;
    QString m_lastError;
    State m_state = State::Idle;
    int m_pending = 0;  //!< resources waiting for the debounce
    int m_inFlight = 0; //!< requests of the current round
    bool m_roundFailed = false;
    bool m_roundFull = false;
    quint64 m_generation = 0; //!< replies of an older connection are dropped
    int m_fullSyncs = 0;
    int m_awaitingSnapshots = 0;
    //! Signals whose detail (analysis text) this session fetched already.
    QSet<qint64> m_detailed;
    bool m_simulated = false;
    //! Started offline and the peer has not answered since.
    bool m_offline = false;
};

} // namespace cp::app
