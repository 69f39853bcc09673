#include "peermirror.h"

#include <models/connection.h>
#include <models/databaseurl.h>
#include <models/migrator.h>
#include <models/sqltimestamp.h>
#include <models/sqltransaction.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>

namespace cp::app {

namespace {

using Kind = MirrorTable::Kind;

QVariant toSql(const QJsonValue &value, Kind kind)
{
    if (value.isNull() || value.isUndefined())
        return kind == Kind::Json ? QVariant(QStringLiteral("{}")) : QVariant();
    switch (kind) {
    case Kind::Json:
        if (value.isObject())
            return QString::fromUtf8(
                QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        if (value.isArray())
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        return QStringLiteral("{}");
    case Kind::Timestamp: {
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        return time.isValid() ? QVariant(models::SqlTimestamp::fromDateTime(time)) : QVariant();
    }
    case Kind::Plain:
        break;
    }
    return value.toVariant();
}

Status execPrepared(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return {};
    return Status::failure(QStringLiteral("Could not update the local copy (%1): %2")
                               .arg(what, query.lastError().text()));
}

} // namespace

PeerMirror::PeerMirror(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
}

PeerMirror::~PeerMirror()
{
    if (!m_path.isEmpty())
        models::closeConnection(m_connectionName);
}

QString PeerMirror::defaultPath(const QUrl &peer)
{
    // One file per peer: ids of two servers must never mix in one copy.
    const QByteArray key = peer.adjusted(QUrl::StripTrailingSlash).toString().toUtf8();
    const QString name =
        QStringLiteral("peer-%1-%2.db")
            .arg(peer.host().replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.-]")),
                                     QStringLiteral("_")))
            .arg(QString::fromLatin1(
                QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(10)));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("peers/") + name);
}

Status PeerMirror::open(const QString &filePath)
{
    const QString absolute = QFileInfo(filePath).absoluteFilePath();
    if (!QDir().mkpath(QFileInfo(absolute).absolutePath()))
        return Status::failure(QStringLiteral("Could not create the folder of %1.").arg(absolute));
    const Result<models::DatabaseUrl> url =
        models::DatabaseUrl::parse(QStringLiteral("sqlite://") + absolute);
    if (!url)
        return Status::failure(url.error());
    const Result<QSqlDatabase> db = models::openConnection(*url, m_connectionName);
    if (!db)
        return Status::failure(db.error());
    m_path = absolute;
    const Result<int> migrated = models::Migrator(*db).migrate();
    if (!migrated)
        return Status::failure(migrated.error());
    return {};
}

QSqlDatabase PeerMirror::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<bool> PeerMirror::putUser(int id, const QString &email, const QString &role)
{
    MirrorTable spec{QStringLiteral("users"),
                     {{QStringLiteral("id")}, {QStringLiteral("email")}, {QStringLiteral("role")}}};
    spec.scope = QStringLiteral("id = ?");
    spec.scopeBinds = {id};
    return changing(spec, [&] {
        // Another account of this peer may have used the address before (renamed users).
        QSqlQuery clash(database());
        clash.prepare(QStringLiteral(
            "UPDATE users SET email = email || '#' || id WHERE email = ? AND id <> ?"));
        clash.addBindValue(email);
        clash.addBindValue(id);
        if (const Status s = execPrepared(clash, QStringLiteral("users")); !s)
            return s;
        return upsertRow(spec, QJsonObject{{QStringLiteral("id"), id},
                                           {QStringLiteral("email"), email},
                                           {QStringLiteral("role"), role}});
    });
}

Result<bool> PeerMirror::replace(const MirrorTable &spec, const QJsonArray &rows)
{
    return changing(spec, [&]() -> Status {
        QStringList ids;
        for (const QJsonValue &value : rows) {
            const QJsonObject row = value.toObject();
            if (const Status s = upsertRow(spec, row); !s)
                return s;
            ids.append(QString::number(row.value(QStringLiteral("id")).toInteger()));
        }
        if (!spec.prune)
            return Status();
        QSqlQuery prune(database());
        prune.prepare(
            QStringLiteral("DELETE FROM %1 WHERE (%2)%3")
                .arg(spec.table, spec.scope,
                     ids.isEmpty()
                         ? QString()
                         : QStringLiteral(" AND id NOT IN (%1)").arg(ids.join(QLatin1Char(',')))));
        for (const QVariant &bind : spec.scopeBinds)
            prune.addBindValue(bind);
        return execPrepared(prune, spec.table);
    });
}

Result<bool> PeerMirror::upsert(const MirrorTable &spec, const QJsonObject &row)
{
    return changing(spec, [&] { return upsertRow(spec, row); });
}

Result<bool> PeerMirror::remove(const MirrorTable &spec, qint64 id)
{
    return changing(spec, [&] {
        QSqlQuery query(database());
        query.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(spec.table));
        query.addBindValue(id);
        return execPrepared(query, spec.table);
    });
}

Result<bool> PeerMirror::markSimulated(bool simulated)
{
    if (!database().isOpen())
        return Result<bool>::failure(
            QStringLiteral("The local copy of the peer's data is not open."));
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("UPDATE cryptocurrencies SET is_simulated = ? WHERE is_simulated <> ?"));
    query.addBindValue(simulated ? 1 : 0);
    query.addBindValue(simulated ? 1 : 0);
    if (const Status s = execPrepared(query, QStringLiteral("cryptocurrencies")); !s)
        return Result<bool>::failure(s.error());
    return query.numRowsAffected() > 0;
}

Result<QList<qint64>> PeerMirror::ids(const QString &table, const QString &where) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id FROM %1 WHERE %2 ORDER BY id").arg(table, where)))
        return Result<QList<qint64>>::failure(
            QStringLiteral("Could not read the local copy (%1): %2")
                .arg(table, query.lastError().text()));
    QList<qint64> result;
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

Status PeerMirror::upsertAsset(const QJsonObject &row)
{
    const qint64 cryptoId = row.value(QStringLiteral("crypto_id")).toInteger();
    const QString symbol = row.value(QStringLiteral("symbol")).toString();
    if (cryptoId <= 0 || symbol.isEmpty())
        return {};
    const QString name = row.value(QStringLiteral("name")).toString();
    QSqlQuery query(database());
    // Lists without the asset's name keep the one a fuller list stored.
    const QJsonValue price = row.value(QStringLiteral("current_price"));
    query.prepare(QStringLiteral("INSERT INTO cryptocurrencies (id, symbol, name, current_price)"
                                 " VALUES (?, ?, ?, ?)"
                                 " ON CONFLICT(id) DO UPDATE SET symbol = excluded.symbol,"
                                 " name = CASE WHEN ? THEN excluded.name ELSE name END,"
                                 " current_price = CASE WHEN ? THEN excluded.current_price"
                                 " ELSE current_price END"));
    query.addBindValue(cryptoId);
    query.addBindValue(symbol);
    query.addBindValue(name.isEmpty() ? symbol : name);
    query.addBindValue(price.isDouble() ? QVariant(price.toDouble()) : QVariant());
    query.addBindValue(name.isEmpty() ? 0 : 1);
    query.addBindValue(price.isDouble() ? 1 : 0);
    return execPrepared(query, QStringLiteral("cryptocurrencies"));
}

Status PeerMirror::upsertRow(const MirrorTable &spec, const QJsonObject &row)
{
    if (row.value(QStringLiteral("id")).toInteger() <= 0)
        return Status::failure(
            QStringLiteral("The peer sent a %1 row without an id.").arg(spec.table));
    if (const Status s = upsertAsset(row); !s)
        return s;
    if (!spec.uniqueColumn.isEmpty() && row.contains(spec.uniqueColumn)) {
        // The peer renamed rows: the one that held this value before gives way.
        QSqlQuery clash(database());
        clash.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND id <> ?")
                          .arg(spec.table, spec.uniqueColumn));
        clash.addBindValue(row.value(spec.uniqueColumn).toVariant());
        clash.addBindValue(row.value(QStringLiteral("id")).toInteger());
        if (const Status s = execPrepared(clash, spec.table); !s)
            return s;
    }
    QStringList columns;
    QVariantList values;
    for (const MirrorTable::Column &column : spec.columns) {
        // Columns a list leaves out keep what a fuller answer stored.
        if (!row.contains(column.key()))
            continue;
        columns.append(column.name);
        values.append(toSql(row.value(column.key()), column.kind));
    }
    for (auto it = spec.fixed.begin(); it != spec.fixed.end(); ++it) {
        columns.append(it.key());
        values.append(it.value());
    }
    // Update first: a partial row (a WebSocket payload) must not trip NOT NULL columns that an
    // INSERT attempt would check before any conflict clause applies.
    QStringList assignments;
    QVariantList updateValues;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i) == QLatin1String("id"))
            continue;
        assignments.append(columns.at(i) + QStringLiteral(" = ?"));
        updateValues.append(values.at(i));
    }
    if (!assignments.isEmpty()) {
        QSqlQuery update(database());
        update.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                           .arg(spec.table, assignments.join(QStringLiteral(", "))));
        for (const QVariant &value : std::as_const(updateValues))
            update.addBindValue(value);
        update.addBindValue(row.value(QStringLiteral("id")).toInteger());
        if (const Status s = execPrepared(update, spec.table); !s)
            return s;
        if (update.numRowsAffected() > 0)
            return {};
    }
    QSqlQuery insert(database());
    insert.prepare(
        QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)")
            .arg(spec.table, columns.join(QStringLiteral(", ")),
                 QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", "))));
    for (const QVariant &value : std::as_const(values))
        insert.addBindValue(value);
    return execPrepared(insert, spec.table);
}

Result<QByteArray> PeerMirror::fingerprint(const QString &table, const QStringList &columns,
                                           const QString &scope, const QVariantList &binds)
{
    // Only the mirrored columns: triggers keep updated_at moving on every write.
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY id")
                      .arg(columns.join(QStringLiteral(", ")), table, scope));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (const Status s = execPrepared(query, table); !s)
        return Result<QByteArray>::failure(s.error());
    QCryptographicHash hash(QCryptographicHash::Sha1);
    while (query.next()) {
        const QSqlRecord record = query.record();
        for (int i = 0; i < record.count(); ++i) {
            hash.addData(record.value(i).toString().toUtf8());
            hash.addData(QByteArrayView("\x1f", 1));
        }
        hash.addData(QByteArrayView("\x1e", 1));
    }
    return hash.result();
}

Result<bool> PeerMirror::changing(const MirrorTable &spec, const std::function<Status()> &work)
{
    using R = Result<bool>;
    if (!database().isOpen())
        return R::failure(QStringLiteral("The local copy of the peer's data is not open."));
    // Pages reload only on real changes: a resync that finds nothing new stays quiet.
    const QString assets = QStringLiteral("cryptocurrencies");
    const auto state = [&]() -> Result<QByteArray> {
        QStringList columns;
        for (const MirrorTable::Column &column : spec.columns)
            columns.append(column.name);
        columns.append(spec.fixed.keys());
        Result<QByteArray> rows = fingerprint(spec.table, columns, spec.scope, spec.scopeBinds);
        if (!rows)
            return rows;
        Result<QByteArray> more =
            fingerprint(assets,
                        {QStringLiteral("id"), QStringLiteral("symbol"), QStringLiteral("name"),
                         QStringLiteral("current_price")},
                        QStringLiteral("1 = 1"), {});
        if (!more)
            return more;
        return QByteArray(*rows + *more);
    };
    const Result<QByteArray> before = state();
    if (!before)
        return R::failure(before.error());
    models::SqlTransaction transaction(database());
    if (!transaction.isActive())
        return R::failure(transaction.error());
    if (const Status s = work(); !s) {
        transaction.rollback();
        return R::failure(s.error());
    }
    if (const Status s = transaction.commit(); !s)
        return R::failure(s.error());
    const Result<QByteArray> after = state();
    if (!after)
        return R::failure(after.error());
    return *before != *after;
}

} // namespace cp::app
