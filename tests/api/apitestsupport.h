#pragma once

#include <app/api/apiserver.h>

#include <models/userrepository.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

#include <cmath>

#include <memory>

namespace cp::test {

class ScratchDatabase;

/** One HTTP exchange as a test sees it. */
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QJsonObject object() const { return json().object(); }
    QJsonArray array() const { return json().array(); }
    QByteArray header(const QByteArray &name) const;
    //! error.code of a JSON error body.
    QString errorCode() const;
    QString describe() const;
};

/** A real HTTP client (QNetworkAccessManager) that waits for each answer. */
class ApiClient
{
public:
    explicit ApiClient(QUrl base);

    HttpResult send(const QByteArray &method, const QString &pathAndQuery,
                    const QByteArray &body = {}, const QString &token = {});
    HttpResult get(const QString &pathAndQuery, const QString &token = {});
    HttpResult post(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpResult del(const QString &path, const QString &token = {});
    //! Signs in; returns the access token (empty on failure).
    QString login(const QString &email, const QString &password);

    const QUrl &base() const { return m_base; }

private:
    QUrl m_base;
    QNetworkAccessManager m_manager;
};

/**
 * The API server on an ephemeral loopback port over a scratch database, with three signed-in
 * users (admin, professional, casual) for auth-matrix tests.
 */
class ApiFixture
{
public:
    explicit ApiFixture(const ScratchDatabase &database, app::api::ServeOptions options = {});
    ~ApiFixture();

    //! Starts the server; false (with error()) on failure.
    bool start();
    QString error() const { return m_error; }

    app::api::ApiServer &server() { return *m_server; }
    ApiClient &client() { return *m_client; }
    QSqlDatabase db() const;

    //! Adds a user with an argon2id password; returns the id (0 on failure).
    int addUser(const QString &email, models::Role role, const QString &password);
    //! Adds the three role users and signs them in (tokens below).
    bool addRoleUsers();

    int adminId = 0;
    int professionalId = 0;
    int casualId = 0;
    QString adminToken;
    QString professionalToken;
    QString casualToken;

    static QString password() { return QStringLiteral("correct horse battery staple"); }

private:
    const ScratchDatabase &m_database;
    app::api::ServeOptions m_options;
    std::unique_ptr<app::api::ApiServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_error;
};

//! Runs one SQL statement on `db` and returns the first column of the first row (or -1).
qint64 scalar(QSqlDatabase db, const QString &sql);
//! Runs statements; records a test failure naming the statement when one fails.
bool exec(QSqlDatabase db, const QString &sql);

} // namespace cp::test

//! True when |a - b| <= tolerance (JSON numbers pass through NUMERIC and double).
inline bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) <= tolerance;
}

/** GET `path` as `token` into `name` (an HttpResult) and require `expected` status. */
#define CP_GET(name, api, path, token, expected)                                                   \
    const ::cp::test::HttpResult name = (api).client().get(path, token);                           \
    QVERIFY2(name.status == (expected),                                                            \
             qPrintable(QStringLiteral("GET %1: %2").arg(path, name.describe())))

/** The fixture with its role users signed in and every table seeded (`seed`). */
#define CP_SEEDED_API(api, database)                                                               \
    ::cp::test::ApiFixture api(database);                                                          \
    QVERIFY2(api.start(), qPrintable(api.error()));                                                \
    QVERIFY(api.addRoleUsers());                                                                   \
    const ::cp::test::SeedData seed =                                                              \
        ::cp::test::seedAll(api.db(), api.adminId, api.professionalId, api.casualId);              \
    if (QTest::currentTestFailed())                                                                \
    return
