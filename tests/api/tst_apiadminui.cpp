#include "apiseed.h"
#include "apitestsupport.h"

#include <testdatabase.h>

#include <models/appconfig.h>

#include <QTest>

using namespace cp::test;

/** Admin and ui endpoints: shapes, values and who may see what. */
class tst_ApiAdminUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void adminReads_data() { addDialectColumn(); }
    void adminReads();
    void dashboard_data() { addDialectColumn(); }
    void dashboard();
    void overviewAndMobile_data() { addDialectColumn(); }
    void overviewAndMobile();
    void notifications_data() { addDialectColumn(); }
    void notifications();
};

void tst_ApiAdminUi::adminReads()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    const QString token = api.adminToken;
    CP_GET(health, api, QStringLiteral("/api/v1/admin/system-health"), token, 200);
    const QJsonObject h = health.object();
    const QJsonObject layers = h.value(QStringLiteral("api_status")).toObject();
    for (const char *layer : {"layer1", "layer2", "layer3", "layer4"})
        QCOMPARE(layers.value(QLatin1String(layer)).toString(), QStringLiteral("healthy"));
    const QJsonObject models = h.value(QStringLiteral("ml_models_status")).toObject();
    QCOMPARE(models.value(QStringLiteral("active_models")).toInt(), 1);
    QCOMPARE(models.value(QStringLiteral("training_models")).toInt(), 1);
    QCOMPARE(models.value(QStringLiteral("error_models")).toInt(), 0);
    QVERIFY(near(h.value(QStringLiteral("overall_health_score")).toDouble(), 100.0));
    QCOMPARE(h.value(QStringLiteral("database_performance"))
                 .toObject()
                 .value(QStringLiteral("dialect"))
                 .toString(),
             dialect);
    QCOMPARE(h.value(QStringLiteral("data_pipeline_status"))
                 .toObject()
                 .value(QStringLiteral("assets"))
                 .toInt(),
             3);
    QVERIFY(h.value(QStringLiteral("last_updated")).isString());

    CP_GET(models2, api, QStringLiteral("/api/v1/admin/ai-models"), token, 200);
    QCOMPARE(models2.array().size(), 2);
    const QJsonObject macro = models2.array().first().toObject();
    QCOMPARE(macro.value(QStringLiteral("id")).toInt(), seed.model);
    QCOMPARE(macro.value(QStringLiteral("name")).toString(),
             QStringLiteral("macro_regime_detector"));
    QCOMPARE(macro.value(QStringLiteral("type")).toString(), QStringLiteral("macro"));
    QCOMPARE(macro.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QVERIFY(near(macro.value(QStringLiteral("performance_metrics"))
                     .toObject()
                     .value(QStringLiteral("accuracy"))
                     .toDouble(),
                 0.78));
    QVERIFY(macro.value(QStringLiteral("last_trained")).isString());

    // Three sign-ins by the fixture and one seeded view.
    CP_GET(activities, api,
           QStringLiteral("/api/v1/admin/user-activities?days=7&activity_type=all"), token, 200);
    QCOMPARE(activities.array().size(), 4);
    CP_GET(views, api, QStringLiteral("/api/v1/admin/user-activities?activity_type=view_signal"),
           token, 200);
    QCOMPARE(views.array().size(), 1);
    QCOMPARE(views.array().first().toObject().value(QStringLiteral("email")).toString(),
             QStringLiteral("admin@example.org"));
    CP_GET(logins, api, QStringLiteral("/api/v1/admin/user-activities?activity_type=login"), token,
           200);
    QCOMPARE(logins.array().first().toObject().value(QStringLiteral("ip_address")).toString(),
             QStringLiteral("127.0.0.1"));

    CP_GET(queue, api, QStringLiteral("/api/v1/admin/suggestions/queue?priority=high&days=3"),
           token, 200);
    const QJsonObject q = queue.object();
    QCOMPARE(q.value(QStringLiteral("count")).toInt(), 1);
    QCOMPARE(q.value(QStringLiteral("items"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("symbol"))
                 .toString(),
             QStringLiteral("UNI"));
    QCOMPARE(q.value(QStringLiteral("counts_by_priority"))
                 .toObject()
                 .value(QStringLiteral("medium"))
                 .toInt(),
             1);
    CP_GET(everything, api, QStringLiteral("/api/v1/admin/suggestions/queue"), token, 200);
    QCOMPARE(everything.object().value(QStringLiteral("count")).toInt(), 2);

    CP_GET(config, api, QStringLiteral("/api/v1/admin/config"), token, 200);
    QCOMPARE(config.object()
                 .value(QStringLiteral("watchlist_limits"))
                 .toObject()
                 .value(QStringLiteral("tier1_max"))
                 .toInt(),
             20);
    QCOMPARE(config.object()
                 .value(QStringLiteral("watchlist_limits"))
                 .toObject()
                 .value(QStringLiteral("tier2_max"))
                 .toInt(),
             100);
    // Nothing stored yet: the defaults.
    QVERIFY(near(config.object()
                     .value(QStringLiteral("ai_thresholds"))
                     .toObject()
                     .value(QStringLiteral("signal_confidence_min"))
                     .toDouble(),
                 cp::models::AppConfig().signalConfidenceMin));
}

void tst_ApiAdminUi::dashboard()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    CP_GET(mine, api, QStringLiteral("/api/v1/ui/dashboard"), api.professionalToken, 200);
    const QJsonObject d = mine.object();
    QCOMPARE(d.value(QStringLiteral("user_profile"))
                 .toObject()
                 .value(QStringLiteral("email"))
                 .toString(),
             QStringLiteral("pro@example.org"));
    QCOMPARE(
        d.value(QStringLiteral("user_profile")).toObject().value(QStringLiteral("role")).toString(),
        QStringLiteral("professional"));
    // One long of 1000 entered at 138; BTC is 139 now and was 138 a day ago.
    const QJsonObject portfolio = d.value(QStringLiteral("portfolio_summary")).toObject();
    QCOMPARE(portfolio.value(QStringLiteral("open_positions")).toInt(), 1);
    QVERIFY(
        near(portfolio.value(QStringLiteral("total_value")).toDouble(), 1000.0 * 139.0 / 138.0));
    QVERIFY(near(portfolio.value(QStringLiteral("daily_pnl")).toDouble(), 1000.0 / 138.0));
    QVERIFY(
        near(portfolio.value(QStringLiteral("daily_pnl_percentage")).toDouble(), 100.0 / 138.0));
    QCOMPARE(d.value(QStringLiteral("market_overview"))
                 .toObject()
                 .value(QStringLiteral("regime"))
                 .toString(),
             QStringLiteral("bull"));
    QVERIFY(near(d.value(QStringLiteral("market_overview"))
                     .toObject()
                     .value(QStringLiteral("sentiment"))
                     .toDouble(),
                 0.68));
    QCOMPARE(d.value(QStringLiteral("active_signals")).toInt(), 1);
    QCOMPARE(d.value(QStringLiteral("notifications")).toInt(), 1);
    QCOMPARE(d.value(QStringLiteral("ai_status"))
                 .toObject()
                 .value(QStringLiteral("active_models"))
                 .toInt(),
             1);
    QCOMPARE(d.value(QStringLiteral("ai_status"))
                 .toObject()
                 .value(QStringLiteral("all_online"))
                 .toBool(),
             true);

    const QString others =
        QStringLiteral("/api/v1/ui/dashboard?user_id=%1").arg(api.professionalId);
    CP_GET(refused, api, others, api.casualToken, 403);
    CP_GET(asAdmin, api, others, api.adminToken, 200);
    QCOMPARE(asAdmin.object()
                 .value(QStringLiteral("portfolio_summary"))
                 .toObject()
                 .value(QStringLiteral("open_positions"))
                 .toInt(),
             1);
    CP_GET(casual, api, QStringLiteral("/api/v1/ui/dashboard"), api.casualToken, 200);
    QCOMPARE(casual.object()
                 .value(QStringLiteral("portfolio_summary"))
                 .toObject()
                 .value(QStringLiteral("open_positions"))
                 .toInt(),
             0);
    CP_GET(nobody, api, QStringLiteral("/api/v1/ui/dashboard?user_id=9999"), api.adminToken, 404);
}

void tst_ApiAdminUi::overviewAndMobile()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    CP_GET(overview, api, QStringLiteral("/api/v1/ui/layer-overview"), api.casualToken, 200);
    const QJsonArray cards = overview.array();
    QCOMPARE(cards.size(), 4);
    const QStringList names{QStringLiteral("Macro"), QStringLiteral("Sectors"),
                            QStringLiteral("Assets"), QStringLiteral("Timing")};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject card = cards.at(i).toObject();
        QCOMPARE(card.value(QStringLiteral("layer")).toInt(), i + 1);
        QCOMPARE(card.value(QStringLiteral("name")).toString(), names.at(i));
        for (const char *key : {"status", "confidence", "key_metric", "indicator_dots"})
            QVERIFY2(card.contains(QLatin1String(key)), key);
    }
    QCOMPARE(cards.at(0).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("bullish"));
    QVERIFY(near(cards.at(0).toObject().value(QStringLiteral("confidence")).toDouble(), 0.87));
    QCOMPARE(cards.at(3).toObject().value(QStringLiteral("key_metric")).toString(),
             QStringLiteral("1 Signals"));

    CP_GET(stats, api, QStringLiteral("/api/v1/ui/mobile/quick-stats"), api.casualToken, 200);
    const QJsonObject s = stats.object();
    QCOMPARE(s.value(QStringLiteral("regime")).toString(), QStringLiteral("bull"));
    QVERIFY(near(s.value(QStringLiteral("btc_dominance")).toDouble(), 52.3));
    QCOMPARE(s.value(QStringLiteral("active_signals")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("pending_suggestions")).toInt(), 2);
    QCOMPARE(
        s.value(QStringLiteral("top_sector")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("DeFi"));

    CP_GET(signalCards, api, QStringLiteral("/api/v1/ui/mobile/signal-cards?limit=10"),
           api.casualToken, 200);
    QCOMPARE(signalCards.array().size(), 1);
    const QJsonObject card = signalCards.array().first().toObject();
    QCOMPARE(card.value(QStringLiteral("headline")).toString(), QStringLiteral("BTC long · 89%"));
    QCOMPARE(card.value(QStringLiteral("key_factor")).toString(), QStringLiteral("Volume surge"));

    CP_GET(layerCards, api, QStringLiteral("/api/v1/ui/mobile/layer-cards"), api.casualToken, 200);
    QCOMPARE(layerCards.object().value(QStringLiteral("cards")).toArray(), cards);
}

void tst_ApiAdminUi::notifications()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_SEEDED_API(api, db);
    CP_GET(casual, api, QStringLiteral("/api/v1/ui/notifications?status=unread&limit=20"),
           api.casualToken, 200);
    QCOMPARE(casual.array().size(), 1);
    const QJsonObject n = casual.array().first().toObject();
    QCOMPARE(n.value(QStringLiteral("id")).toInt(), seed.casualNotification);
    QCOMPARE(n.value(QStringLiteral("title")).toString(), QStringLiteral("For casual"));
    QCOMPARE(n.value(QStringLiteral("notification_type")).toString(), QStringLiteral("signal"));
    QCOMPARE(n.value(QStringLiteral("status")).toString(), QStringLiteral("unread"));
    QCOMPARE(n.value(QStringLiteral("priority")).toString(), QStringLiteral("normal"));
    // Everyone sees only their own, admins included.
    CP_GET(admin, api, QStringLiteral("/api/v1/ui/notifications?status=all"), api.adminToken, 200);
    QCOMPARE(admin.array().size(), 0);
}

QTEST_MAIN(tst_ApiAdminUi)
#include "tst_apiadminui.moc"
