#include "apitestsupport.h"

#include <testdatabase.h>

#include <QTest>

using namespace cp::test;

namespace {

//! Every endpoint the issue lists, independently of the server's own table.
const QList<QPair<QString, QString>> &issueEndpoints()
{
    static const QList<QPair<QString, QString>> list{
        {"GET", "/api/v1/health"},
        {"GET", "/api/v1/openapi.json"},
        {"POST", "/api/v1/auth/login"},
        {"POST", "/api/v1/auth/logout"},
        {"GET", "/api/v1/layer1/market-regime"},
        {"GET", "/api/v1/layer1/sentiment"},
        {"GET", "/api/v1/layer1/dominance"},
        {"GET", "/api/v1/layer1/history"},
        {"GET", "/api/v1/layer1/regime-forecast"},
        {"GET", "/api/v1/layer2/sectors"},
        {"GET", "/api/v1/layer2/sectors/{sector_id}"},
        {"GET", "/api/v1/layer2/rotation"},
        {"GET", "/api/v1/layer2/sectors/{sector_id}/history"},
        {"GET", "/api/v1/layer2/compare"},
        {"GET", "/api/v1/layer3/watchlists"},
        {"GET", "/api/v1/layer3/watchlists/{watchlist_id}"},
        {"POST", "/api/v1/layer3/watchlists/{watchlist_id}/items"},
        {"DELETE", "/api/v1/layer3/watchlists/{watchlist_id}/items/{item_id}"},
        {"GET", "/api/v1/layer3/suggestions"},
        {"POST", "/api/v1/layer3/suggestions/{suggestion_id}/review"},
        {"POST", "/api/v1/layer3/watchlists/bulk-actions"},
        {"GET", "/api/v1/layer3/assets/{crypto_id}/analysis"},
        {"GET", "/api/v1/layer4/signals"},
        {"GET", "/api/v1/layer4/signals/{signal_id}"},
        {"POST", "/api/v1/layer4/signals/{signal_id}/execute"},
        {"GET", "/api/v1/layer4/executions"},
        {"DELETE", "/api/v1/layer4/signals/{signal_id}"},
        {"GET", "/api/v1/layer4/performance"},
        {"GET", "/api/v1/predictions"},
        {"POST", "/api/v1/predictions"},
        {"GET", "/api/v1/predictions/analytics"},
        {"GET", "/api/v1/admin/system-health"},
        {"GET", "/api/v1/admin/ai-models"},
        {"POST", "/api/v1/admin/ai-models/{model_id}/retrain"},
        {"GET", "/api/v1/admin/user-activities"},
        {"GET", "/api/v1/admin/suggestions/queue"},
        {"GET", "/api/v1/admin/config"},
        {"POST", "/api/v1/admin/config"},
        {"GET", "/api/v1/ui/dashboard"},
        {"GET", "/api/v1/ui/layer-overview"},
        {"GET", "/api/v1/ui/mobile/quick-stats"},
        {"GET", "/api/v1/ui/mobile/signal-cards"},
        {"GET", "/api/v1/ui/mobile/layer-cards"},
        {"GET", "/api/v1/ui/notifications"},
        {"POST", "/api/v1/ui/notifications/{notification_id}/read"},
        {"DELETE", "/api/v1/ui/notifications/{notification_id}"},
        {"GET", "/api/v1/ws/dashboard/{user_id}"},
        {"GET", "/api/v1/ws/prices/{crypto_ids}"},
        {"GET", "/api/v1/ws/signals/{user_id}"},
        {"GET", "/api/v1/ws/admin/system-status"},
        {"GET", "/api/v1/ws/admin/suggestions"}};
    return list;
}

QString concrete(QString path)
{
    path.replace(QStringLiteral("{crypto_ids}"), QStringLiteral("1,2"));
    static const QRegularExpression placeholder(QStringLiteral("\\{[a-z_]+\\}"));
    return path.replace(placeholder, QStringLiteral("1"));
}

} // namespace

/** GET /api/v1/openapi.json against the endpoints of the issue and against what is served. */
class tst_ApiOpenApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void documentIsOpenApi3();
    void listsEveryEndpointOfTheIssue();
    void documentedOperationsAreServed();
    void undocumentedMethodsAre405();
    void bodiesRefuseWhatTheSchemaRefuses();

private:
    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<ApiFixture> m_api;
    QJsonObject m_document;
};

void tst_ApiOpenApi::initTestCase()
{
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("sqlite"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->errorString()));
    m_api = std::make_unique<ApiFixture>(*m_db);
    QVERIFY2(m_api->start(), qPrintable(m_api->error()));
    QVERIFY(m_api->addRoleUsers());
    const HttpResult document = m_api->client().get(QStringLiteral("/api/v1/openapi.json"));
    QCOMPARE(document.status, 200);
    m_document = document.object();
}

void tst_ApiOpenApi::cleanupTestCase()
{
    m_api.reset();
    m_db.reset();
}

void tst_ApiOpenApi::documentIsOpenApi3()
{
    QVERIFY(m_document.value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.")));
    QVERIFY(!m_document.value(QStringLiteral("info"))
                 .toObject()
                 .value(QStringLiteral("title"))
                 .toString()
                 .isEmpty());
    QCOMPARE(m_document.value(QStringLiteral("components"))
                 .toObject()
                 .value(QStringLiteral("securitySchemes"))
                 .toObject()
                 .value(QStringLiteral("bearerAuth"))
                 .toObject()
                 .value(QStringLiteral("scheme"))
                 .toString(),
             QStringLiteral("bearer"));
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.constBegin(); path != paths.constEnd(); ++path) {
        const QJsonObject methods = path.value().toObject();
        for (auto op = methods.constBegin(); op != methods.constEnd(); ++op) {
            const QJsonObject operation = op.value().toObject();
            QVERIFY2(!operation.value(QStringLiteral("summary")).toString().isEmpty(),
                     qPrintable(path.key()));
            QVERIFY2(!operation.value(QStringLiteral("responses")).toObject().isEmpty(),
                     qPrintable(path.key()));
            // Every {placeholder} of the path is a documented path parameter.
            static const QRegularExpression placeholder(QStringLiteral("\\{([a-z_]+)\\}"));
            for (const QRegularExpressionMatch &m : placeholder.globalMatch(path.key())) {
                bool found = false;
                for (const QJsonValue &p : operation.value(QStringLiteral("parameters")).toArray())
                    found |=
                        p.toObject().value(QStringLiteral("name")).toString() == m.captured(1) &&
                        p.toObject().value(QStringLiteral("in")).toString() ==
                            QLatin1String("path");
                QVERIFY2(found, qPrintable(path.key() + QLatin1Char(' ') + m.captured(1)));
            }
        }
    }
}

void tst_ApiOpenApi::listsEveryEndpointOfTheIssue()
{
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (const auto &[method, path] : issueEndpoints()) {
        QVERIFY2(paths.value(path).toObject().contains(method.toLower()),
                 qPrintable(method + QLatin1Char(' ') + path));
    }
}

void tst_ApiOpenApi::documentedOperationsAreServed()
{
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    int probed = 0;
    for (auto path = paths.constBegin(); path != paths.constEnd(); ++path) {
        const QJsonObject methods = path.value().toObject();
        for (auto op = methods.constBegin(); op != methods.constEnd(); ++op) {
            const QJsonObject operation = op.value().toObject();
            const HttpResult result =
                m_api->client().send(op.key().toUpper().toLatin1(), concrete(path.key()));
            const QString what =
                op.key() + QLatin1Char(' ') + path.key() + QLatin1String(": ") + result.describe();
            ++probed;
            if (operation.value(QStringLiteral("x-websocket")).toBool()) {
                QVERIFY2(result.status == 426, qPrintable(what)); // served, as a WebSocket
                continue;
            }
            const bool isPublic = operation.contains(QStringLiteral("security")) &&
                                  operation.value(QStringLiteral("security")).toArray().isEmpty();
            if (isPublic)
                QVERIFY2(result.status == 200 || result.status == 422, qPrintable(what));
            else
                QVERIFY2(result.status == 401, qPrintable(what));
        }
    }
    QCOMPARE(probed, int(m_api->server().router().routes().size()));
}

void tst_ApiOpenApi::undocumentedMethodsAre405()
{
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.constBegin(); path != paths.constEnd(); ++path) {
        QStringList documented;
        for (const QString &method : path.value().toObject().keys())
            documented.append(method.toUpper());
        documented.sort();
        for (const char *method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            if (documented.contains(QLatin1String(method)))
                continue;
            const HttpResult result =
                m_api->client().send(method, concrete(path.key()), {}, m_api->adminToken);
            const QString what = QLatin1String(method) + QLatin1Char(' ') + path.key() +
                                 QLatin1String(": ") + result.describe();
            QVERIFY2(result.status == 405, qPrintable(what));
            QStringList allowed =
                QString::fromLatin1(result.header("Allow")).split(QStringLiteral(", "));
            allowed.sort();
            QCOMPARE(allowed, documented);
        }
    }
}

void tst_ApiOpenApi::bodiesRefuseWhatTheSchemaRefuses()
{
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    for (auto path = paths.constBegin(); path != paths.constEnd(); ++path) {
        const QJsonObject methods = path.value().toObject();
        for (auto op = methods.constBegin(); op != methods.constEnd(); ++op) {
            const QJsonObject body =
                op.value().toObject().value(QStringLiteral("requestBody")).toObject();
            if (body.isEmpty())
                continue;
            const QJsonObject schema = body.value(QStringLiteral("content"))
                                           .toObject()
                                           .value(QStringLiteral("application/json"))
                                           .toObject()
                                           .value(QStringLiteral("schema"))
                                           .toObject();
            QCOMPARE(schema.value(QStringLiteral("additionalProperties")).toBool(true), false);
            // A field the schema does not list is refused before anything runs.
            const HttpResult result =
                m_api->client().send(op.key().toUpper().toLatin1(), concrete(path.key()),
                                     "{\"zz_not_a_field\": 1}", m_api->adminToken);
            const QString what =
                op.key() + QLatin1Char(' ') + path.key() + QLatin1String(": ") + result.describe();
            QVERIFY2(result.status == 422, qPrintable(what));
            QVERIFY2(result.object()
                         .value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("fields"))
                         .toObject()
                         .contains(QStringLiteral("zz_not_a_field")),
                     qPrintable(what));
        }
    }
}

QTEST_MAIN(tst_ApiOpenApi)
#include "tst_apiopenapi.moc"
