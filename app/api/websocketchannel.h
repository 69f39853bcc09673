#pragma once

#include "apirequest.h"

#include <QList>
#include <QString>

#include <optional>

namespace cp::app::api {

/** One WebSocket channel of the seed: what it streams and for whom. */
struct WebSocketChannel
{
    enum class Kind { Dashboard, Prices, Signals, SystemStatus, Suggestions };

    Kind kind = Kind::Dashboard;
    //! The path after /api/v1/ws/, e.g. "prices/1,2,3"; the envelope's "channel".
    QString name;
    //! dashboard/{user_id} and signals/{user_id}.
    int userId = 0;
    //! prices/{crypto_ids}, at most kMaxPriceIds.
    QList<int> cryptoIds;

    static constexpr int kMaxPriceIds = 50;

    //! Parses "/api/v1/ws/..." (or the part after it); nothing for an unknown channel.
    static std::optional<WebSocketChannel> parse(const QString &path);
    //! Why `principal` may not subscribe (one sentence), or an empty string when it may.
    QString refusal(const Principal &principal) const;
};

} // namespace cp::app::api
