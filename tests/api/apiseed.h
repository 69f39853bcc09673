#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace cp::test {

/**
 * Rows of every layer table, written with plain INSERTs (as the engine would), with their ids
 * and the values tests check against. Prices are daily closes: asset k closes at
 * base_k + day for day 0..39, the newest (day 39) being today.
 */
struct SeedData
{
    QDateTime now;
    int btc = 0, eth = 0, uni = 0;
    int defiSector = 0, layer1Sector = 0;
    int tier1List = 0;          //!< admin list, tier1, user_id NULL
    int casualList = 0;         //!< the casual user's personal list
    int btcItem = 0;            //!< BTC on tier1List
    int pendingSuggestion = 0;  //!< UNI add_tier2, confidence 0.92
    int pendingSuggestion2 = 0; //!< ETH add_tier1, confidence 0.75
    int approvedSuggestion = 0;
    int activeSignal = 0;  //!< BTC long, confidence 0.89, expires in 3 days
    int expiredSignal = 0; //!< ETH short, outcome target_hit +4%
    int professionalExecution = 0;
    int model = 0; //!< ai_models macro_regime_detector
    int casualNotification = 0;
    int professionalNotification = 0;

    static double btcClose(int day) { return 100.0 + day; }
    static double ethClose(int day) { return 50.0 + 0.5 * day; }
    static double uniClose(int day) { return 10.0 + 0.1 * day * day; }
    static constexpr int kDays = 40;
};

/** Fills every table the API reads; users must exist (ApiFixture::addRoleUsers). */
SeedData seedAll(QSqlDatabase db, int adminId, int professionalId, int casualId);

//! ISO text both dialects accept as a timestamp.
QString isoText(const QDateTime &time);
//! Executes an INSERT ... RETURNING id; records a test failure and returns 0 on error.
int insertReturningId(QSqlDatabase db, const QString &sql);

} // namespace cp::test
