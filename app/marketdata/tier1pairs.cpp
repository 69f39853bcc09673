#include "tier1pairs.h"

#include "coingeckomapper.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cp::app::marketdata {

Result<QStringList> tier1Pairs(QSqlDatabase db)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT symbol FROM cryptocurrencies WHERE watchlist_tier = ?"
                                 " AND is_simulated = ? ORDER BY symbol"));
    query.addBindValue(QStringLiteral("tier1"));
    query.addBindValue(false);
    if (!query.exec())
        return Result<QStringList>::failure(query.lastError().text());
    QStringList pairs;
    while (query.next()) {
        const QString symbol = query.value(0).toString();
        // Stablecoins against USDT carry no signal (and mostly have no such pair).
        if (!CoinGeckoMapper::isStablecoin(symbol))
            pairs.append(symbol + QStringLiteral("USDT"));
    }
    return pairs;
}

} // namespace cp::app::marketdata
