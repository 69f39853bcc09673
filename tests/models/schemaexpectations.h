#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cp::test::seed {

/** A foreign key of docs/Design/17_Database_ERD_Design.md with its ON DELETE action. */
struct ForeignKey
{
    QString table;
    QString column;
    QString parent;
    //! CASCADE, SET NULL or NO ACTION (the seed's plain REFERENCES).
    QString onDelete;

    QString describe() const;
};

/** One of the ten default sectors the seed inserts. */
struct Sector
{
    QString name;
    QString description;
    QString colour;
    QString focus;
};

/**
 * One CHECK of the seed probed at one edge: `valid` must be accepted and `invalid` refused by the
 * CHECK itself. Values are SQL literals with exactly the column's scale, so that PostgreSQL's
 * rounding to NUMERIC(p,s) cannot move a value across the bound.
 */
struct CheckCase
{
    QString table;
    QString column;
    QString valid;
    QString invalid;

    QString label() const;
};

//! The 22 tables of the schema (the old `predictions` table is not among them).
QStringList tables();
//! Index name -> "table(col, col DESC)", as written in the seed (plus one documented addition).
QMap<QString, QString> indexes();
QList<ForeignKey> foreignKeys();
//! updated_at trigger name -> table, the seed's list.
QMap<QString, QString> updatedAtTriggers();
//! Every CHECK of the seed (and of the folded ALTER TABLEs), each bound probed.
QList<CheckCase> checkCases();
//! In the seed's insertion order.
QList<Sector> sectors();

} // namespace cp::test::seed
