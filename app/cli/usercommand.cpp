#include "clicontext.h"
#include "commandparser.h"

#include <app/passwordhasher.h>
#include <models/sqltransaction.h>
#include <models/userrepository.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

namespace cp::app::cli {

namespace {

bool looksLikeEmail(const QString &email)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return email.size() <= 255 && pattern.match(email).hasMatch();
}

QString readPasswordLine()
{
    QTextStream in(stdin);
    QString line = in.readLine();
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

int runUserAdd(CliContext &context, const QStringList &arguments)
{
    CommandParser command(QStringLiteral("user add"));
    command.addPositional(QStringLiteral("email"), QStringLiteral("Email of the new user."));
    command.addOption({QStringLiteral("role"), QStringLiteral("admin, professional or casual."),
                       QStringLiteral("role")});
    command.addOption({QStringLiteral("password-stdin"),
                       QStringLiteral("Read the password from the first line of standard input.")});
    if (!command.parse(context, arguments))
        return BadUsage;
    const auto &parser = command.parser();
    if (parser.positionalArguments().size() != 1)
        return context.fail(QStringLiteral("user add takes exactly one email address."), BadUsage);
    const QString email = parser.positionalArguments().constFirst().trimmed().toLower();
    if (!looksLikeEmail(email))
        return context.fail(QStringLiteral("'%1' is not an email address.").arg(email), BadUsage);
    const QString roleText = parser.value(QStringLiteral("role"));
    const std::optional<models::Role> role = models::roleFromName(roleText);
    if (!role) {
        return context.fail(
            QStringLiteral("Invalid role '%1'; use admin, professional or casual.").arg(roleText),
            BadUsage);
    }
    if (!parser.isSet(QStringLiteral("password-stdin"))) {
        return context.fail(QStringLiteral("user add needs --password-stdin; passwords are never "
                                           "taken from the command line."),
                            BadUsage);
    }
    const QString password = readPasswordLine();
    if (const std::optional<QString> weak = PasswordHasher::weakness(password))
        return context.fail(*weak);

    const QSqlDatabase db = context.openDatabase();
    if (!db.isValid())
        return context.openFailureCode();
    const Result<QString> hash = PasswordHasher::hash(password);
    if (!hash)
        return context.fail(hash.error());

    models::SqlTransaction transaction(db);
    const Result<int> id = models::UserRepository(db).add(email, *role, *hash);
    if (!id)
        return context.fail(id.error());
    // Every user starts with the seed's default risk limits, so executing a signal has limits.
    QSqlQuery risk(db);
    risk.prepare(QStringLiteral("INSERT INTO risk_management (user_id) VALUES (?)"));
    risk.addBindValue(*id);
    if (!risk.exec())
        return context.fail(QStringLiteral("Could not set the user's risk limits: %1")
                                .arg(risk.lastError().text()));
    if (const Status committed = transaction.commit(); !committed)
        return context.fail(committed.error());

    if (context.json()) {
        const QJsonObject result{{QStringLiteral("id"), *id},
                                 {QStringLiteral("email"), email},
                                 {QStringLiteral("role"), models::roleName(*role)}};
        context.out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        context.out() << "Added " << models::roleName(*role) << " " << email << " (id " << *id
                      << ")." << Qt::endl;
    }
    return Success;
}

} // namespace

int runUser(CliContext &context)
{
    const QStringList &arguments = context.arguments();
    if (arguments.isEmpty() || arguments.constFirst() != QLatin1String("add"))
        return context.fail(QStringLiteral("Usage: user add EMAIL --role admin|professional|casual "
                                           "--password-stdin"),
                            BadUsage);
    return runUserAdd(context, arguments.mid(1));
}

} // namespace cp::app::cli
