#include "apitestsupport.h"

#include <testdatabase.h>

#include <app/api/tokenservice.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace cp::test;

#define CP_API_FIXTURE(name, database)                                                             \
    ApiFixture name(database);                                                                     \
    QVERIFY2(name.start(), qPrintable(name.error()));                                              \
    QVERIFY(name.addRoleUsers())

namespace {

QString cliPath()
{
    const QString fromEnv = qEnvironmentVariable("CRYPTOPREDICT_CLI");
#ifdef CRYPTOPREDICT_CLI_PATH
    return fromEnv.isEmpty() ? QStringLiteral(CRYPTOPREDICT_CLI_PATH) : fromEnv;
#else
    return fromEnv;
#endif
}

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

//! Inserts a token row directly (as another server would have), for expiry and revocation cases.
bool insertToken(QSqlDatabase db, const QString &token, int userId, const QString &expiresAt,
                 const QString &revokedAt = {})
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO api_tokens (token_hash, user_id, expires_at,"
                                 " revoked_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(sha256Hex(token));
    query.addBindValue(userId);
    query.addBindValue(expiresAt);
    query.addBindValue(revokedAt.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                           : QVariant(revokedAt));
    return query.exec();
}

QString isoIn(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(
        QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

} // namespace

/** Sign-in, bearer tokens, error shapes and the serve command's lifecycle. */
class tst_ApiAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthNeedsNoToken_data() { addDialectColumn(); }
    void healthNeedsNoToken();
    void loginReturnsTokenAndUser_data() { addDialectColumn(); }
    void loginReturnsTokenAndUser();
    void loginRefusesWrongCredentials_data() { addDialectColumn(); }
    void loginRefusesWrongCredentials();
    void loginIsRateLimited();
    void tokensAreCheckedOnEveryRequest_data() { addDialectColumn(); }
    void tokensAreCheckedOnEveryRequest();
    void logoutRevokesTheToken_data() { addDialectColumn(); }
    void logoutRevokesTheToken();
    void unknownRoutesAndMethods();
    void badBodiesAreRefusedAndWriteNothing_data();
    void badBodiesAreRefusedAndWriteNothing();
    void oversizedBodyIsRefused();
    void bearerTokenParsing_data();
    void bearerTokenParsing();
    void serveCommandStopsOnSignal_data();
    void serveCommandStopsOnSignal();
    void shutdownFinishesRequestsInFlight();
};

void tst_ApiAuth::healthNeedsNoToken()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    const HttpResult health = api.client().get(QStringLiteral("/api/v1/health"));
    QCOMPARE(health.status, 200);
    const QJsonObject body = health.object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(body.value(QStringLiteral("database")).toObject().value(QStringLiteral("dialect")),
             QJsonValue(dialect));
    QVERIFY(QDateTime::fromString(body.value(QStringLiteral("time")).toString(), Qt::ISODate)
                .isValid());
    QVERIFY(health.header("Content-Type").startsWith("application/json"));
}

void tst_ApiAuth::loginReturnsTokenAndUser()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    const int id = api.addUser(QStringLiteral("trader@example.org"), cp::models::Role::Professional,
                               ApiFixture::password());
    QVERIFY(id > 0);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    // Email case does not matter: accounts are stored in lower case.
    const HttpResult login =
        api.client().post(QStringLiteral("/api/v1/auth/login"),
                          {{QStringLiteral("email"), QStringLiteral("Trader@Example.org")},
                           {QStringLiteral("password"), ApiFixture::password()}});
    QVERIFY2(login.status == 200, qPrintable(login.describe()));
    const QJsonObject body = login.object();
    const QString token = body.value(QStringLiteral("access_token")).toString();
    QVERIFY(token.size() >= 40);
    QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
    const QDateTime expires =
        QDateTime::fromString(body.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());
    // The default lifetime is 12 hours.
    QVERIFY(qAbs(before.secsTo(expires) - 12 * 3600) <= 60);
    const QJsonObject user = body.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toInt(), id);
    QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("trader@example.org"));
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("professional"));

    // Stored only as its SHA-256; the token text itself is nowhere in the table.
    QCOMPARE(scalar(db.database(), QStringLiteral("SELECT COUNT(*) FROM api_tokens WHERE "
                                                  "token_hash = '%1'")
                                       .arg(sha256Hex(token))),
             qint64(1));
    QCOMPARE(scalar(db.database(), QStringLiteral("SELECT COUNT(*) FROM api_tokens WHERE "
                                                  "token_hash = '%1'")
                                       .arg(token)),
             qint64(0));
    // The login is on record.
    QCOMPARE(scalar(db.database(), QStringLiteral("SELECT COUNT(*) FROM user_activities WHERE "
                                                  "activity_type = 'login' AND user_id = %1")
                                       .arg(id)),
             qint64(1));
    QCOMPARE(scalar(db.database(),
                    QStringLiteral("SELECT COUNT(*) FROM users WHERE last_login IS NOT NULL")),
             qint64(1));

    const HttpResult me = api.client().get(QStringLiteral("/api/v1/auth/me"), token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.object().value(QStringLiteral("id")).toInt(), id);
}

void tst_ApiAuth::loginRefusesWrongCredentials()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addUser(QStringLiteral("trader@example.org"), cp::models::Role::Casual,
                        ApiFixture::password()));
    const HttpResult wrongPassword =
        api.client().post(QStringLiteral("/api/v1/auth/login"),
                          {{QStringLiteral("email"), QStringLiteral("trader@example.org")},
                           {QStringLiteral("password"), QStringLiteral("not the password")}});
    QCOMPARE(wrongPassword.status, 401);
    QCOMPARE(wrongPassword.errorCode(), QStringLiteral("invalid_credentials"));
    const HttpResult unknownEmail =
        api.client().post(QStringLiteral("/api/v1/auth/login"),
                          {{QStringLiteral("email"), QStringLiteral("nobody@example.org")},
                           {QStringLiteral("password"), ApiFixture::password()}});
    QCOMPARE(unknownEmail.status, 401);
    // Same answer for both: the API does not reveal which emails exist.
    QCOMPARE(unknownEmail.body, wrongPassword.body);
    QCOMPARE(scalar(db.database(), QStringLiteral("SELECT COUNT(*) FROM api_tokens")), qint64(0));

    // A deactivated account cannot sign in even with the right password.
    QVERIFY(exec(db.database(), QStringLiteral("UPDATE users SET is_active = %1")
                                    .arg(dialect == QLatin1String("sqlite") ? "0" : "false")));
    QCOMPARE(api.client().login(QStringLiteral("trader@example.org"), ApiFixture::password()),
             QString());
}

void tst_ApiAuth::loginIsRateLimited()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addUser(QStringLiteral("a@example.org"), cp::models::Role::Casual,
                        ApiFixture::password()));
    QVERIFY(api.addUser(QStringLiteral("b@example.org"), cp::models::Role::Casual,
                        ApiFixture::password()));
    const QJsonObject wrong{{QStringLiteral("email"), QStringLiteral("a@example.org")},
                            {QStringLiteral("password"), QStringLiteral("guess")}};
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const HttpResult result = api.client().post(QStringLiteral("/api/v1/auth/login"), wrong);
        QVERIFY2(result.status == 401, qPrintable(result.describe()));
    }
    const HttpResult limited = api.client().post(QStringLiteral("/api/v1/auth/login"), wrong);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
    bool ok = false;
    const int retryAfter = limited.header("Retry-After").toInt(&ok);
    QVERIFY(ok);
    QVERIFY(retryAfter >= 1 && retryAfter <= 60);
    // While limited, even the right password is refused: otherwise guessing would go on.
    QCOMPARE(api.client().login(QStringLiteral("a@example.org"), ApiFixture::password()),
             QString());
    // Another account is not affected.
    QVERIFY(!api.client().login(QStringLiteral("b@example.org"), ApiFixture::password()).isEmpty());
}

void tst_ApiAuth::tokensAreCheckedOnEveryRequest()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    const int id = api.addUser(QStringLiteral("t@example.org"), cp::models::Role::Admin,
                               ApiFixture::password());
    const QString me = QStringLiteral("/api/v1/auth/me");

    const HttpResult none = api.client().get(me);
    QCOMPARE(none.status, 401);
    QCOMPARE(none.header("WWW-Authenticate"), QByteArray("Bearer"));
    QCOMPARE(none.errorCode(), QStringLiteral("unauthorized"));
    QCOMPARE(api.client().get(me, QStringLiteral("cp_not-a-real-token")).status, 401);

    QVERIFY(insertToken(db.database(), QStringLiteral("cp_valid"), id, isoIn(3600)));
    QVERIFY(insertToken(db.database(), QStringLiteral("cp_expired"), id, isoIn(-60)));
    QVERIFY(insertToken(db.database(), QStringLiteral("cp_revoked"), id, isoIn(3600), isoIn(-10)));
    QCOMPARE(api.client().get(me, QStringLiteral("cp_valid")).status, 200);
    QCOMPARE(api.client().get(me, QStringLiteral("cp_expired")).status, 401);
    QCOMPARE(api.client().get(me, QStringLiteral("cp_revoked")).status, 401);

    // A deactivated user's tokens stop working (checked when the token is looked up).
    QVERIFY(insertToken(db.database(), QStringLiteral("cp_other"), id, isoIn(3600)));
    QVERIFY(exec(db.database(), QStringLiteral("UPDATE users SET is_active = %1")
                                    .arg(dialect == QLatin1String("sqlite") ? "0" : "false")));
    QCOMPARE(api.client().get(me, QStringLiteral("cp_other")).status, 401);
}

void tst_ApiAuth::logoutRevokesTheToken()
{
    QFETCH(QString, dialect);
    CP_SCRATCH_DB(db, dialect);
    CP_API_FIXTURE(api, db);
    const QString me = QStringLiteral("/api/v1/auth/me");
    QCOMPARE(api.client().get(me, api.casualToken).status, 200);
    const HttpResult logout =
        api.client().post(QStringLiteral("/api/v1/auth/logout"), {}, api.casualToken);
    QVERIFY2(logout.status == 200, qPrintable(logout.describe()));
    QCOMPARE(logout.object().value(QStringLiteral("revoked")).toBool(), true);
    QCOMPARE(api.client().get(me, api.casualToken).status, 401);
    QCOMPARE(scalar(db.database(),
                    QStringLiteral("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '%1' AND "
                                   "revoked_at IS NOT NULL")
                        .arg(sha256Hex(api.casualToken))),
             qint64(1));
    // Other tokens are untouched.
    QCOMPARE(api.client().get(me, api.adminToken).status, 200);
}

void tst_ApiAuth::unknownRoutesAndMethods()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    CP_API_FIXTURE(api, db);
    const HttpResult missing =
        api.client().get(QStringLiteral("/api/v1/no/such/thing"), api.adminToken);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), QStringLiteral("not_found"));
    QVERIFY(!missing.object()
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .isEmpty());
    QCOMPARE(api.client().get(QStringLiteral("/"), {}).status, 404);

    const HttpResult wrongMethod = api.client().del(QStringLiteral("/api/v1/health"));
    QCOMPARE(wrongMethod.status, 405);
    QCOMPARE(wrongMethod.errorCode(), QStringLiteral("method_not_allowed"));
    QCOMPARE(wrongMethod.header("Allow"), QByteArray("GET"));
    const HttpResult getLogin = api.client().get(QStringLiteral("/api/v1/auth/login"));
    QCOMPARE(getLogin.status, 405);
    QCOMPARE(getLogin.header("Allow"), QByteArray("POST"));
}

void tst_ApiAuth::badBodiesAreRefusedAndWriteNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const QByteArray password = "\"" + ApiFixture::password().toUtf8() + "\"";
    QTest::newRow("malformed") << QByteArray("{\"email\": ") << 400 << QString();
    QTest::newRow("array") << QByteArray("[1, 2]") << 400 << QString();
    QTest::newRow("empty") << QByteArray() << 422 << QStringLiteral("email");
    QTest::newRow("wrong type") << QByteArray("{\"email\": 5, \"password\": " + password + "}")
                                << 422 << QStringLiteral("email");
    QTest::newRow("unknown field")
        << QByteArray("{\"email\": \"admin@example.org\", \"password\": " + password +
                      ", \"role\": \"admin\"}")
        << 422 << QStringLiteral("role");
    QTest::newRow("too long") << QByteArray("{\"email\": \"" + QByteArray(300, 'x') +
                                            "\", \"password\": " + password + "}")
                              << 422 << QStringLiteral("email");
}

void tst_ApiAuth::badBodiesAreRefusedAndWriteNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addUser(QStringLiteral("admin@example.org"), cp::models::Role::Admin,
                        ApiFixture::password()));
    const HttpResult result = api.client().send("POST", QStringLiteral("/api/v1/auth/login"), body);
    QVERIFY2(result.status == status, qPrintable(result.describe()));
    QCOMPARE(result.errorCode(),
             status == 400 ? QStringLiteral("bad_request") : QStringLiteral("validation_failed"));
    if (!field.isEmpty()) {
        const QJsonObject fields = result.object()
                                       .value(QStringLiteral("error"))
                                       .toObject()
                                       .value(QStringLiteral("fields"))
                                       .toObject();
        QVERIFY2(fields.contains(field), qPrintable(result.describe()));
    }
    QCOMPARE(scalar(db.database(), QStringLiteral("SELECT COUNT(*) FROM api_tokens")), qint64(0));
    QCOMPARE(scalar(db.database(), QStringLiteral("SELECT COUNT(*) FROM user_activities")),
             qint64(0));
}

void tst_ApiAuth::oversizedBodyIsRefused()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    cp::app::api::ServeOptions options;
    options.maxBodyBytes = 1024;
    ApiFixture api(db, options);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addUser(QStringLiteral("admin@example.org"), cp::models::Role::Admin,
                        ApiFixture::password()));
    // A valid login padded with whitespace past the limit: refused for its size alone.
    const QByteArray body = "{\"email\": \"admin@example.org\", \"password\": \"" +
                            ApiFixture::password().toUtf8() + "\"" + QByteArray(2000, ' ') + "}";
    const HttpResult result = api.client().send("POST", QStringLiteral("/api/v1/auth/login"), body);
    QCOMPARE(result.status, 413);
    QCOMPARE(result.errorCode(), QStringLiteral("payload_too_large"));
    QCOMPARE(scalar(db.database(), QStringLiteral("SELECT COUNT(*) FROM api_tokens")), qint64(0));
    // The same body within the limit is accepted.
    const QByteArray small = "{\"email\": \"admin@example.org\", \"password\": \"" +
                             ApiFixture::password().toUtf8() + "\"}";
    QCOMPARE(api.client().send("POST", QStringLiteral("/api/v1/auth/login"), small).status, 200);
}

void tst_ApiAuth::bearerTokenParsing_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("token");
    QTest::newRow("bearer") << QByteArray("Bearer cp_abc") << QStringLiteral("cp_abc");
    QTest::newRow("lower case scheme") << QByteArray("bearer cp_abc") << QStringLiteral("cp_abc");
    QTest::newRow("spaces") << QByteArray("  Bearer   cp_abc  ") << QStringLiteral("cp_abc");
    QTest::newRow("basic") << QByteArray("Basic YWJjOmRlZg==") << QString();
    QTest::newRow("no token") << QByteArray("Bearer ") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("huge") << QByteArray("Bearer " + QByteArray(1000, 'a')) << QString();
}

void tst_ApiAuth::bearerTokenParsing()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, token);
    QCOMPARE(cp::app::api::TokenService::bearerToken(header), token);
}

void tst_ApiAuth::serveCommandStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_ApiAuth::serveCommandStopsOnSignal()
{
    QFETCH(int, signalNumber);
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    QProcess process;
    process.start(cliPath(), {QStringLiteral("--db"), db.url(), QStringLiteral("serve"),
                              QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QByteArray out;
    const QRegularExpression urlPattern(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+)"));
    QRegularExpressionMatch match;
    for (int i = 0; i < 100 && !match.hasMatch(); ++i) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
        match = urlPattern.match(QString::fromUtf8(out));
    }
    QVERIFY2(match.hasMatch(), out.constData());
    ApiClient client{QUrl(match.captured(1))};
    QCOMPARE(client.get(QStringLiteral("/api/v1/health")).status, 200);
    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void tst_ApiAuth::shutdownFinishesRequestsInFlight()
{
    CP_SCRATCH_DB(db, QStringLiteral("sqlite"));
    ApiFixture api(db);
    QVERIFY2(api.start(), qPrintable(api.error()));
    QVERIFY(api.addUser(QStringLiteral("a@example.org"), cp::models::Role::Casual,
                        ApiFixture::password()));
    // A sign-in takes a while (argon2id): shut down while it runs; it still gets its answer.
    QNetworkAccessManager manager;
    QNetworkRequest request(
        api.client().base().resolved(QUrl(QStringLiteral("/api/v1/auth/login"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = manager.post(
        request,
        QJsonDocument(QJsonObject{{QStringLiteral("email"), QStringLiteral("a@example.org")},
                                  {QStringLiteral("password"), ApiFixture::password()}})
            .toJson());
    QTRY_COMPARE_WITH_TIMEOUT(api.server().requestsInFlight(), 1, 5000);
    QSignalSpy stopped(&api.server(), &cp::app::api::ApiServer::stopped);
    api.server().shutdown();
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(!QJsonDocument::fromJson(reply->readAll())
                 .object()
                 .value(QStringLiteral("access_token"))
                 .toString()
                 .isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 5000);
    reply->deleteLater();
    // No new connections after shutdown.
    QCOMPARE(api.client().get(QStringLiteral("/api/v1/health")).status, 0);
}

QTEST_MAIN(tst_ApiAuth)
#include "tst_apiauth.moc"
