#include "sqlerrors.h"

namespace cp::models {

// PostgreSQL reports SQLSTATE codes (23505 unique, 23503 foreign key, 23514 check, 23502 not
// null); SQLite reports extended result codes (2067/1555 unique/primary key, 787 foreign key,
// 275 check, 1299 not null) and says so in the message.
bool isUniqueViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("23505") || code == QLatin1String("2067") ||
           code == QLatin1String("1555") ||
           error.databaseText().contains(QLatin1String("UNIQUE constraint failed"));
}

bool isForeignKeyViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("23503") || code == QLatin1String("787") ||
           error.databaseText().contains(QLatin1String("FOREIGN KEY constraint failed"));
}

bool isCheckViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("23514") || code == QLatin1String("23502") ||
           code == QLatin1String("275") || code == QLatin1String("1299") ||
           error.databaseText().contains(QLatin1String("CHECK constraint failed")) ||
           error.databaseText().contains(QLatin1String("NOT NULL constraint failed"));
}

} // namespace cp::models
