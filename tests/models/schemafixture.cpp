#include "schemafixture.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

namespace cp::test {

QString violationName(Violation violation)
{
    switch (violation) {
    case Violation::None:
        return QStringLiteral("none");
    case Violation::NotNull:
        return QStringLiteral("not-null");
    case Violation::Check:
        return QStringLiteral("check");
    case Violation::Unique:
        return QStringLiteral("unique");
    case Violation::ForeignKey:
        return QStringLiteral("foreign-key");
    case Violation::InvalidValue:
        return QStringLiteral("invalid-value");
    case Violation::Other:
        break;
    }
    return QStringLiteral("other");
}

Violation violationOf(const QSqlError &error, bool postgres)
{
    if (!error.isValid())
        return Violation::None;
    if (postgres) {
        // SQLSTATE class 23 is integrity; class 22 is a value the column type cannot hold
        // (bad JSON, bad INET, ...); 42804 is a literal of the wrong type (2 into a boolean).
        const QString state = error.nativeErrorCode();
        if (state == QLatin1String("23502"))
            return Violation::NotNull;
        if (state == QLatin1String("23514"))
            return Violation::Check;
        if (state == QLatin1String("23505"))
            return Violation::Unique;
        if (state == QLatin1String("23503"))
            return Violation::ForeignKey;
        if (state.startsWith(QLatin1String("22")) || state == QLatin1String("42804"))
            return Violation::InvalidValue;
        return Violation::Other;
    }
    const QString text = error.databaseText();
    if (text.contains(QLatin1String("NOT NULL constraint failed")))
        return Violation::NotNull;
    if (text.contains(QLatin1String("CHECK constraint failed")))
        return Violation::Check;
    if (text.contains(QLatin1String("UNIQUE constraint failed")))
        return Violation::Unique;
    if (text.contains(QLatin1String("FOREIGN KEY constraint failed")))
        return Violation::ForeignKey;
    return Violation::Other;
}

QString sqlText(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

void Row::set(const QString &column, const QString &literal)
{
    const qsizetype at = columns.indexOf(column);
    if (at >= 0) {
        values[at] = literal;
    } else {
        columns.append(column);
        values.append(literal);
    }
}

QString Row::value(const QString &column) const
{
    const qsizetype at = columns.indexOf(column);
    return at >= 0 ? values.at(at) : QString();
}

SchemaFixture::SchemaFixture(QSqlDatabase db)
    : m_db(std::move(db))
    , m_postgres(m_db.driverName() == QLatin1String("QPSQL"))
{
}

QString SchemaFixture::serial()
{
    static QAtomicInteger<int> counter;
    return QString::number(counter.fetchAndAddRelaxed(1) + 1);
}

qint64 SchemaFixture::parent(const QString &table)
{
    return create(table);
}

Row SchemaFixture::minimalRow(const QString &table)
{
    const QString n = serial();
    // Distinct per row so that (crypto_id, timestamp) never collides by accident.
    const QString time = sqlText(QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC)
                                     .addSecs(3600LL * n.toInt())
                                     .toString(Qt::ISODateWithMs));
    auto id = [this](const QString &parentTable) { return QString::number(parent(parentTable)); };
    Row row;
    if (table == QLatin1String("users")) {
        row.set(QStringLiteral("email"), sqlText(QStringLiteral("user%1@example.test").arg(n)));
        row.set(QStringLiteral("password_hash"), sqlText(QStringLiteral("hash")));
    } else if (table == QLatin1String("crypto_sectors")) {
        row.set(QStringLiteral("name"), sqlText(QStringLiteral("Sector %1").arg(n)));
    } else if (table == QLatin1String("cryptocurrencies")) {
        row.set(QStringLiteral("symbol"), sqlText(QStringLiteral("C%1").arg(n)));
        row.set(QStringLiteral("name"), sqlText(QStringLiteral("Coin %1").arg(n)));
        row.set(QStringLiteral("coingecko_id"), sqlText(QStringLiteral("coin-%1").arg(n)));
    } else if (table == QLatin1String("price_data")) {
        row.set(QStringLiteral("crypto_id"), id(QStringLiteral("cryptocurrencies")));
        row.set(QStringLiteral("timestamp"), time);
        row.set(QStringLiteral("close_price"), QStringLiteral("100.5"));
    } else if (table == QLatin1String("market_regime_analysis")) {
        row.set(QStringLiteral("market_regime"), sqlText(QStringLiteral("bull")));
        row.set(QStringLiteral("confidence_score"), QStringLiteral("0.5"));
        row.set(QStringLiteral("risk_level"), sqlText(QStringLiteral("low")));
    } else if (table == QLatin1String("market_sentiment_data")) {
        row.set(QStringLiteral("fear_greed_index"), QStringLiteral("50"));
    } else if (table == QLatin1String("dominance_data")) {
        row.set(QStringLiteral("btc_dominance"), QStringLiteral("50"));
    } else if (table == QLatin1String("sector_performance")) {
        row.set(QStringLiteral("sector_id"), id(QStringLiteral("crypto_sectors")));
    } else if (table == QLatin1String("sector_rotation_analysis")) {
        row.set(QStringLiteral("rotation_probability"), QStringLiteral("0.5"));
    } else if (table == QLatin1String("crypto_sector_mapping")) {
        row.set(QStringLiteral("crypto_id"), id(QStringLiteral("cryptocurrencies")));
        row.set(QStringLiteral("sector_id"), id(QStringLiteral("crypto_sectors")));
    } else if (table == QLatin1String("watchlists")) {
        row.set(QStringLiteral("user_id"), id(QStringLiteral("users")));
        row.set(QStringLiteral("name"), sqlText(QStringLiteral("List %1").arg(n)));
    } else if (table == QLatin1String("watchlist_items")) {
        row.set(QStringLiteral("watchlist_id"), id(QStringLiteral("watchlists")));
        row.set(QStringLiteral("crypto_id"), id(QStringLiteral("cryptocurrencies")));
        row.set(QStringLiteral("tier"), sqlText(QStringLiteral("tier1")));
    } else if (table == QLatin1String("ai_suggestions")) {
        row.set(QStringLiteral("crypto_id"), id(QStringLiteral("cryptocurrencies")));
        row.set(QStringLiteral("suggestion_type"), sqlText(QStringLiteral("add_tier1")));
        row.set(QStringLiteral("confidence_score"), QStringLiteral("0.5"));
    } else if (table == QLatin1String("suggestion_reviews")) {
        row.set(QStringLiteral("suggestion_id"), id(QStringLiteral("ai_suggestions")));
        row.set(QStringLiteral("reviewer_id"), id(QStringLiteral("users")));
        row.set(QStringLiteral("decision"), sqlText(QStringLiteral("approve")));
    } else if (table == QLatin1String("trading_signals")) {
        row.set(QStringLiteral("crypto_id"), id(QStringLiteral("cryptocurrencies")));
        row.set(QStringLiteral("signal_type"), sqlText(QStringLiteral("long")));
        row.set(QStringLiteral("entry_price"), QStringLiteral("100"));
        row.set(QStringLiteral("target_price"), QStringLiteral("110"));
        row.set(QStringLiteral("stop_loss"), QStringLiteral("95"));
        row.set(QStringLiteral("confidence_score"), QStringLiteral("0.5"));
        row.set(QStringLiteral("risk_level"), sqlText(QStringLiteral("low")));
    } else if (table == QLatin1String("signal_executions")) {
        row.set(QStringLiteral("signal_id"), id(QStringLiteral("trading_signals")));
        row.set(QStringLiteral("user_id"), id(QStringLiteral("users")));
    } else if (table == QLatin1String("risk_management")) {
        row.set(QStringLiteral("user_id"), id(QStringLiteral("users")));
    } else if (table == QLatin1String("predictions_enhanced")) {
        row.set(QStringLiteral("crypto_id"), id(QStringLiteral("cryptocurrencies")));
        row.set(QStringLiteral("model_name"), sqlText(QStringLiteral("model")));
        row.set(QStringLiteral("model_version"), sqlText(QStringLiteral("1")));
        row.set(QStringLiteral("predicted_price"), QStringLiteral("101"));
        row.set(QStringLiteral("confidence_score"), QStringLiteral("0.5"));
        row.set(QStringLiteral("prediction_horizon"), QStringLiteral("24"));
        row.set(QStringLiteral("target_datetime"), time);
        row.set(QStringLiteral("input_price"), QStringLiteral("100"));
    } else if (table == QLatin1String("ai_models")) {
        row.set(QStringLiteral("name"), sqlText(QStringLiteral("model %1").arg(n)));
        row.set(QStringLiteral("version"), sqlText(QStringLiteral("1")));
        row.set(QStringLiteral("model_type"), sqlText(QStringLiteral("macro")));
    } else if (table == QLatin1String("system_health")) {
        row.set(QStringLiteral("overall_health_score"), QStringLiteral("90"));
    } else if (table == QLatin1String("user_activities")) {
        row.set(QStringLiteral("user_id"), id(QStringLiteral("users")));
        row.set(QStringLiteral("activity_type"), sqlText(QStringLiteral("login")));
    } else if (table == QLatin1String("notifications")) {
        row.set(QStringLiteral("user_id"), id(QStringLiteral("users")));
        row.set(QStringLiteral("notification_type"), sqlText(QStringLiteral("system")));
        row.set(QStringLiteral("title"), sqlText(QStringLiteral("Title")));
        row.set(QStringLiteral("message"), sqlText(QStringLiteral("Message")));
    } else {
        QTest::qFail(qPrintable(QStringLiteral("no minimal row for table %1").arg(table)), __FILE__,
                     __LINE__);
    }
    return row;
}

qint64 SchemaFixture::insert(const QString &table, const Row &row)
{
    m_lastSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING id")
                    .arg(table, row.columns.join(QStringLiteral(", ")),
                         row.values.join(QStringLiteral(", ")));
    QSqlQuery query(m_db);
    if (!query.exec(m_lastSql) || !query.next()) {
        m_lastError = query.lastError();
        if (!m_lastError.isValid())
            m_lastError =
                QSqlError(QStringLiteral("no id returned"), QString(), QSqlError::StatementError);
        return -1;
    }
    m_lastError = QSqlError();
    return query.value(0).toLongLong();
}

qint64 SchemaFixture::create(const QString &table, const Row &overrides)
{
    Row row = minimalRow(table);
    if (row.isEmpty())
        return -1;
    for (qsizetype i = 0; i < overrides.columns.size(); ++i)
        row.set(overrides.columns.at(i), overrides.values.at(i));
    const qint64 id = insert(table, row);
    if (id < 0) {
        QTest::qFail(
            qPrintable(QStringLiteral("cannot create a %1 row: %2").arg(table, describeLast())),
            __FILE__, __LINE__);
    }
    return id;
}

bool SchemaFixture::exec(const QString &sql)
{
    m_lastSql = sql;
    QSqlQuery query(m_db);
    const bool ok = query.exec(sql);
    m_lastError = ok ? QSqlError() : query.lastError();
    return ok;
}

QVariant SchemaFixture::scalar(const QString &sql)
{
    m_lastSql = sql;
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        m_lastError = query.lastError();
        return {};
    }
    m_lastError = QSqlError();
    return query.next() ? query.value(0) : QVariant();
}

qint64 SchemaFixture::count(const QString &table, const QString &condition)
{
    const QVariant value =
        scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, condition));
    return value.isValid() ? value.toLongLong() : -1;
}

QString SchemaFixture::describeLast() const
{
    return QStringLiteral("%1: [%2] %3")
        .arg(m_lastSql, m_lastError.nativeErrorCode(), m_lastError.text());
}

} // namespace cp::test
