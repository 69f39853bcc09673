#pragma once

#include "backoffpolicy.h"
#include "marketrows.h"

#include <QAbstractSocket>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace cp::app::marketdata {

class ProviderStatusBoard;

/** How the stream connects, and how patient it is. */
struct StreamOptions
{
    //! wss://stream.binance.com:9443 (the /stream path is added).
    QString baseUrl = QStringLiteral("wss://stream.binance.com:9443");
    //! Pairs, e.g. "BTCUSDT".
    QStringList pairs;
    QString interval = QStringLiteral("1h");
    BackoffPolicy::Options backoff{1000, 60000, 2.0, 1 << 30};
    //! A connection silent this long is presumed dead and replaced (Binance sends every second).
    int silenceTimeoutMs = 60000;
};

/**
 * Binance's combined kline + miniTicker WebSocket stream for a set of pairs. Reconnects on its
 * own with jittered exponential backoff; after every reconnect it asks for what was missed
 * (backfillNeeded, from the last bar seen), which the live feed fetches through REST klines.
 * Lives on the thread that created it (it only does socket work; writes happen elsewhere).
 */
class BinanceStream : public QObject
{
    Q_OBJECT

public:
    explicit BinanceStream(StreamOptions options, ProviderStatusBoard *status = nullptr,
                           QObject *parent = nullptr);
    ~BinanceStream() override;

    QUrl streamUrl() const;
    void start();
    void stop();
    bool isConnected() const { return m_connected; }
    //! Reconnects done so far (not counting the first connection).
    int reconnects() const { return m_reconnects; }

Q_SIGNALS:
    void event(const cp::app::marketdata::StreamEvent &event);
    //! After a reconnect: bars of `pair` from `fromSeconds` (open time) on may be missing.
    void backfillNeeded(const QString &pair, qint64 fromSeconds);
    void connectedChanged(bool connected);

private:
    void open();
    void onConnected();
    void onDisconnected();
    void onMessage(const QString &message);
    void scheduleReconnect(const QString &reason);

    StreamOptions m_options;
    BackoffPolicy m_backoff;
    ProviderStatusBoard *m_status = nullptr;
    QWebSocket *m_socket = nullptr;
    QTimer m_reconnectTimer;
    QTimer m_silenceTimer;
    QHash<QString, qint64> m_lastBar;
    qint64 m_disconnectedAt = 0;
    int m_retry = 0;
    int m_reconnects = 0;
    int m_badMessages = 0;
    bool m_connected = false;
    bool m_everConnected = false;
    bool m_running = false;
};

} // namespace cp::app::marketdata

Q_DECLARE_METATYPE(cp::app::marketdata::StreamEvent)
