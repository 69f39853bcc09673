#include "binancestream.h"

#include "binancemapper.h"
#include "providerstatus.h"

#include <QDateTime>
#include <QWebSocket>

namespace cp::app::marketdata {

namespace {
const QString kProvider = QStringLiteral("binance-stream");
}

BinanceStream::BinanceStream(StreamOptions options, ProviderStatusBoard *status, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_backoff(m_options.backoff)
    , m_status(status)
{
    qRegisterMetaType<cp::app::marketdata::StreamEvent>();
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &BinanceStream::open);
    m_silenceTimer.setSingleShot(true);
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
    });
}

BinanceStream::~BinanceStream()
{
    stop();
}

QUrl BinanceStream::streamUrl() const
{
    QStringList streams;
    for (const QString &pair : m_options.pairs) {
        const QString p = pair.toLower();
        streams << p + QStringLiteral("@kline_") + m_options.interval
                << p + QStringLiteral("@miniTicker");
    }
    QString base = m_options.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    // Stream names are plain ASCII with '@' and '/', which Binance expects unencoded.
    return QUrl(base + QStringLiteral("/stream?streams=") + streams.join(QLatin1Char('/')));
}

void BinanceStream::start()
{
    if (m_running || m_options.pairs.isEmpty())
        return;
    m_running = true;
    open();
}

void BinanceStream::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_silenceTimer.stop();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged(false);
    }
}

void BinanceStream::open()
{
    if (!m_running)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &BinanceStream::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &BinanceStream::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &BinanceStream::onMessage);
    // errorOccurred is Qt 6.5+. A refused connection may report only an error, a dropped one
    // only disconnected(): both lead to one scheduled reconnect.
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
                    onDisconnected();
            });
    m_silenceTimer.start(m_options.silenceTimeoutMs);
    m_socket->open(streamUrl());
}

void BinanceStream::onConnected()
{
    m_connected = true;
    m_retry = 0;
    m_badMessages = 0;
    m_silenceTimer.start(m_options.silenceTimeoutMs);
    if (m_status)
        m_status->reportSuccess(kProvider);
    Q_EMIT connectedChanged(true);
    if (m_everConnected) {
        ++m_reconnects;
        const qint64 lostAt =
            m_disconnectedAt > 0 ? m_disconnectedAt : QDateTime::currentSecsSinceEpoch();
        for (const QString &pair : std::as_const(m_options.pairs)) {
            const QString key = pair.toUpper();
            // From the last bar seen (it may have been in progress), else from the drop.
            Q_EMIT backfillNeeded(key, m_lastBar.value(key, lostAt));
        }
    }
    m_everConnected = true;
}

void BinanceStream::onDisconnected()
{
    const QString reason = m_socket ? m_socket->errorString() : QString();
    if (m_connected) {
        m_connected = false;
        m_disconnectedAt = QDateTime::currentSecsSinceEpoch();
        Q_EMIT connectedChanged(false);
    }
    if (m_running)
        scheduleReconnect(reason.isEmpty() ? QStringLiteral("connection closed") : reason);
}

void BinanceStream::scheduleReconnect(const QString &reason)
{
    if (m_reconnectTimer.isActive())
        return;
    m_silenceTimer.stop();
    if (m_status) {
        const QString text = QStringLiteral("Binance stream: %1; reconnecting").arg(reason);
        // One failure is a blip; repeated failures mean we are cut off.
        if (m_retry >= 2)
            m_status->reportOffline(kProvider, text);
        else
            m_status->reportDegraded(kProvider, text);
    }
    m_reconnectTimer.start(int(m_backoff.delayMs(m_retry)));
    ++m_retry;
}

void BinanceStream::onMessage(const QString &message)
{
    m_silenceTimer.start(m_options.silenceTimeoutMs);
    const Result<std::optional<StreamEvent>> parsed =
        BinanceMapper::streamMessage(message.toUtf8());
    if (!parsed) {
        // A bad frame is skipped; the stream itself is still useful.
        if (m_status && ++m_badMessages == 1)
            m_status->reportDegraded(kProvider, parsed.error());
        return;
    }
    if (!parsed->has_value())
        return;
    const StreamEvent &e = **parsed;
    if (e.kind == StreamEvent::Kind::Kline) {
        qint64 &last = m_lastBar[e.pair];
        last = std::max(last, e.candle.time);
    }
    Q_EMIT event(e);
}

} // namespace cp::app::marketdata
