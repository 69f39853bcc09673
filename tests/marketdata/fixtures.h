#pragma once

#include <QFile>
#include <QString>

//! A provider payload from tests/marketdata/fixtures (written from the providers' documented
//! formats), or an empty array when missing (the test then fails on its content).
inline QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(MARKETDATA_FIXTURES "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
