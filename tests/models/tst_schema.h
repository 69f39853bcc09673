#pragma once

#include <testdatabase.h>

#include <QObject>

#include <map>
#include <memory>

/**
 * The schema of both dialects checked against the seed document (docs/Design/
 * 17_Database_ERD_Design.md). Structure and single-table constraints are in tst_schema.cpp;
 * relations, cascades, triggers and default rows in tst_schema_relations.cpp.
 */
class tst_Schema : public QObject
{
    Q_OBJECT

public:
    /**
     * One migrated database per dialect shared by the many-row tests (checks, keys, triggers):
     * they only ever add fresh rows with fresh parents, so sharing cannot couple them, and it
     * spares a CREATE DATABASE + migration per row. Null when PostgreSQL is not configured.
     */
    cp::test::ScratchDatabase *sharedDatabase(const QString &dialect);

private Q_SLOTS:
    void cleanupTestCase() { m_shared.clear(); }

    void dialectsExposeSameTablesAndColumns();
    void seedTablesExist_data();
    void seedTablesExist();
    void indexesMatchSeed_data();
    void indexesMatchSeed();
    void foreignKeysMatchSeed_data();
    void foreignKeysMatchSeed();
    void updatedAtTriggersExist_data();
    void updatedAtTriggersExist();
    void everyCheckIsProbed_data();
    void everyCheckIsProbed();

    void minimalRowsAreAccepted_data();
    void minimalRowsAreAccepted();
    void checkConstraints_data();
    void checkConstraints();
    void booleansAcceptOnlyTrueAndFalse_data();
    void booleansAcceptOnlyTrueAndFalse();
    void jsonColumnsRejectMalformedJson_data();
    void jsonColumnsRejectMalformedJson();
    void uniqueConstraints_data();
    void uniqueConstraints();
    void coinsWithoutCoingeckoIdDoNotCollide_data();
    void coinsWithoutCoingeckoIdDoNotCollide();

    void deletingParentFollowsOnDelete_data();
    void deletingParentFollowsOnDelete();
    void missingParentIsRefused_data();
    void missingParentIsRefused();
    void deletingCoinRemovesEverythingAboutIt_data();
    void deletingCoinRemovesEverythingAboutIt();
    void deletingUserRemovesTheirRowsAndKeepsPredictions_data();
    void deletingUserRemovesTheirRowsAndKeepsPredictions();

    void updatedAtMovesForwardOnUpdate_data();
    void updatedAtMovesForwardOnUpdate();
    void expiryDefaultsAreRelativeToCreation_data();
    void expiryDefaultsAreRelativeToCreation();
    void defaultSectorsArePresent_data();
    void defaultSectorsArePresent();

private:
    std::map<QString, std::unique_ptr<cp::test::ScratchDatabase>> m_shared;
};

//! Like CP_SCRATCH_DB, but `name` is a reference to the test's shared database of `dialect`.
#define CP_SHARED_DB(name, dialect)                                                                \
    ::cp::test::ScratchDatabase *name##Pointer = sharedDatabase(dialect);                          \
    if (name##Pointer->isUnavailable()) {                                                          \
        if (::cp::test::postgresRequired())                                                        \
            QFAIL("CRYPTOPREDICT_TEST_PG is not set but PostgreSQL tests are required");           \
        QSKIP("no PostgreSQL server configured (CRYPTOPREDICT_TEST_PG)");                          \
    }                                                                                              \
    QVERIFY2(name##Pointer->isValid(), qPrintable(name##Pointer->errorString()));                  \
    ::cp::test::ScratchDatabase &name = *name##Pointer
