#include "apiseed.h"
#include "apitestsupport.h"

#include <testdatabase.h>

#include <QRegularExpression>
#include <QTest>

using namespace cp::test;
using cp::app::api::Access;
using cp::app::api::Route;

/**
 * The auth matrix over every route the server has: no token, casual, professional and admin.
 * Routes come from the server's own table, so a new endpoint is covered without editing this.
 */
class tst_ApiMatrix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRouteChecksItsCaller_data() { addDialectColumn(); }
    void everyRouteChecksItsCaller();
};

namespace {

struct Caller
{
    QString name;
    QString token;
    int notification = 0;
};

QString concretePath(const Route &route, const SeedData &seed, const Caller &caller)
{
    QString path = route.pattern;
    const QMap<QString, int> ids{{QStringLiteral("watchlist_id"), seed.tier1List},
                                 {QStringLiteral("item_id"), seed.btcItem},
                                 {QStringLiteral("suggestion_id"), seed.pendingSuggestion},
                                 {QStringLiteral("crypto_id"), seed.btc},
                                 {QStringLiteral("sector_id"), seed.defiSector},
                                 {QStringLiteral("signal_id"), seed.activeSignal},
                                 {QStringLiteral("model_id"), seed.model},
                                 {QStringLiteral("notification_id"), caller.notification}};
    for (auto it = ids.cbegin(); it != ids.cend(); ++it)
        path.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), QString::number(it.value()));
    // Required query parameters.
    if (path.endsWith(QLatin1String("/compare")))
        path += QStringLiteral("?sectors=%1,%2").arg(seed.defiSector).arg(seed.layer1Sector);
    return path;
}

} // namespace

void tst_ApiMatrix::everyRouteChecksItsCaller()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const int adminNotification = insertReturningId(
        api.db(), QStringLiteral("INSERT INTO notifications (user_id, notification_type, title,"
                                 " message) VALUES (%1, 'system', 'For admin', 'Hello')")
                      .arg(api.adminId));
    const QList<Caller> callers{
        {QStringLiteral("casual"), api.casualToken, seed.casualNotification},
        {QStringLiteral("professional"), api.professionalToken, seed.professionalNotification},
        {QStringLiteral("admin"), api.adminToken, adminNotification}};
    int checked = 0;
    for (const Route &route : api.server().router().routes()) {
        if (route.webSocket || route.access == Access::Public ||
            route.pattern.endsWith(QLatin1String("/auth/logout")))
            continue;
        ++checked;
        const QByteArray method = route.method.toLatin1();
        const QString label = route.method + QLatin1Char(' ') + route.pattern;
        const QString anonymousPath = concretePath(route, seed, callers.first());
        const HttpResult anonymous = api.client().send(method, anonymousPath);
        QVERIFY2(anonymous.status == 401,
                 qPrintable(label + QLatin1String(": ") + anonymous.describe()));
        QCOMPARE(anonymous.errorCode(), QStringLiteral("unauthorized"));
        for (const Caller &caller : callers) {
            const HttpResult result =
                api.client().send(method, concretePath(route, seed, caller), {}, caller.token);
            const QString what =
                QStringLiteral("%1 as %2: %3").arg(label, caller.name, result.describe());
            QVERIFY2(result.status != 401, qPrintable(what));
            const bool allowed =
                route.access != Access::Admin || caller.name == QLatin1String("admin");
            if (allowed) {
                QVERIFY2(result.status != 403, qPrintable(what));
            } else {
                QVERIFY2(result.status == 403, qPrintable(what));
                QCOMPARE(result.errorCode(), QStringLiteral("forbidden"));
            }
            // Every answer is JSON, successes and refusals alike.
            QVERIFY2(!result.json().isNull(), qPrintable(what));
            QVERIFY2(result.status < 500, qPrintable(what));
        }
    }
    // The seed's endpoints plus auth/me (logout and the public ones are left out above).
    QVERIFY2(checked >= 40, qPrintable(QString::number(checked)));
    api.server().services().retrain.waitForDone();
}

QTEST_MAIN(tst_ApiMatrix)
#include "tst_apimatrix.moc"
