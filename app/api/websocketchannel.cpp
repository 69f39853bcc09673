#include "websocketchannel.h"

#include <QRegularExpression>

namespace cp::app::api {

std::optional<WebSocketChannel> WebSocketChannel::parse(const QString &path)
{
    static const QString prefix = QStringLiteral("/api/v1/ws/");
    QString rest = path.startsWith(prefix) ? path.mid(prefix.size()) : path;
    if (rest.endsWith(QLatin1Char('/')))
        rest.chop(1);
    WebSocketChannel channel;
    channel.name = rest;
    if (rest == QLatin1String("admin/system-status")) {
        channel.kind = Kind::SystemStatus;
        return channel;
    }
    if (rest == QLatin1String("admin/suggestions")) {
        channel.kind = Kind::Suggestions;
        return channel;
    }
    static const QRegularExpression user(QStringLiteral("^(dashboard|signals)/(\\d{1,9})$"));
    if (const QRegularExpressionMatch m = user.match(rest); m.hasMatch()) {
        channel.kind =
            m.captured(1) == QLatin1String("dashboard") ? Kind::Dashboard : Kind::Signals;
        channel.userId = m.captured(2).toInt();
        return channel;
    }
    static const QRegularExpression prices(QStringLiteral("^prices/(\\d{1,9}(,\\d{1,9})*)$"));
    if (const QRegularExpressionMatch m = prices.match(rest); m.hasMatch()) {
        channel.kind = Kind::Prices;
        for (const QString &id : m.captured(1).split(QLatin1Char(','))) {
            if (!channel.cryptoIds.contains(id.toInt()))
                channel.cryptoIds.append(id.toInt());
        }
        if (channel.cryptoIds.size() > kMaxPriceIds)
            return std::nullopt;
        return channel;
    }
    return std::nullopt;
}

QString WebSocketChannel::refusal(const Principal &principal) const
{
    switch (kind) {
    case Kind::SystemStatus:
    case Kind::Suggestions:
        return principal.isAdmin() ? QString() : QStringLiteral("This channel is for admins only.");
    case Kind::Dashboard:
    case Kind::Signals:
        return principal.isAdmin() || principal.userId == userId
                   ? QString()
                   : QStringLiteral("You can only subscribe to your own user channels.");
    case Kind::Prices:
        break;
    }
    return {};
}

} // namespace cp::app::api
