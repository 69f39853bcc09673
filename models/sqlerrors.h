#pragma once

#include <QSqlError>

namespace cp::models {

//! A UNIQUE or PRIMARY KEY violation, on either dialect.
bool isUniqueViolation(const QSqlError &error);
//! A FOREIGN KEY violation, on either dialect.
bool isForeignKeyViolation(const QSqlError &error);
//! A CHECK or NOT NULL violation, on either dialect.
bool isCheckViolation(const QSqlError &error);

} // namespace cp::models
