#include "apitestsupport.h"

#include <testdatabase.h>

#include <app/passwordhasher.h>

#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

namespace cp::test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpResult::errorCode() const
{
    return object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QString HttpResult::describe() const
{
    return QStringLiteral("HTTP %1 %2 %3")
        .arg(status)
        .arg(QString::fromUtf8(body.left(600)), networkError);
}

ApiClient::ApiClient(QUrl base)
    : m_base(std::move(base))
{
}

HttpResult ApiClient::send(const QByteArray &method, const QString &pathAndQuery,
                           const QByteArray &body, const QString &token)
{
    QNetworkRequest request(m_base.resolved(QUrl(pathAndQuery)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QStringLiteral("no answer within 20 s");
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpResult ApiClient::get(const QString &pathAndQuery, const QString &token)
{
    return send("GET", pathAndQuery, {}, token);
}

HttpResult ApiClient::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpResult ApiClient::del(const QString &path, const QString &token)
{
    return send("DELETE", path, {}, token);
}

QString ApiClient::login(const QString &email, const QString &password)
{
    const HttpResult result =
        post(QStringLiteral("/api/v1/auth/login"),
             {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    return result.object().value(QStringLiteral("access_token")).toString();
}

ApiFixture::ApiFixture(const ScratchDatabase &database, app::api::ServeOptions options)
    : m_database(database)
    , m_options(std::move(options))
{
    m_options.host = QHostAddress::LocalHost;
    m_options.port = 0;
    // On PostgreSQL a forward-only result is lost when its connection runs another query first.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Query results lost")));
}

ApiFixture::~ApiFixture()
{
    m_client.reset();
    m_server.reset();
}

bool ApiFixture::start()
{
    m_server = std::make_unique<app::api::ApiServer>(m_database.databaseUrl(), m_options);
    const Result<QUrl> url = m_server->start();
    if (!url) {
        m_error = url.error();
        return false;
    }
    m_client = std::make_unique<ApiClient>(*url);
    return true;
}

QSqlDatabase ApiFixture::db() const
{
    return m_database.database();
}

int ApiFixture::addUser(const QString &email, models::Role role, const QString &password)
{
    const Result<QString> hash = app::PasswordHasher::hash(password);
    if (!hash)
        return 0;
    const Result<int> id = models::UserRepository(db()).add(email, role, *hash);
    return id ? *id : 0;
}

bool ApiFixture::addRoleUsers()
{
    adminId = addUser(QStringLiteral("admin@example.org"), models::Role::Admin, password());
    professionalId =
        addUser(QStringLiteral("pro@example.org"), models::Role::Professional, password());
    casualId = addUser(QStringLiteral("casual@example.org"), models::Role::Casual, password());
    adminToken = m_client->login(QStringLiteral("admin@example.org"), password());
    professionalToken = m_client->login(QStringLiteral("pro@example.org"), password());
    casualToken = m_client->login(QStringLiteral("casual@example.org"), password());
    return adminId && professionalId && casualId && !adminToken.isEmpty() &&
           !professionalToken.isEmpty() && !casualToken.isEmpty();
}

qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    QTest::qFail(qPrintable(QStringLiteral("%1: %2").arg(sql, query.lastError().text())), __FILE__,
                 __LINE__);
    return false;
}

} // namespace cp::test
