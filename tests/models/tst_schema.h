#pragma once

#include <QObject>

/**
 * The schema of both dialects checked against the seed document (docs/Design/
 * 17_Database_ERD_Design.md). Structure and single-table constraints are in tst_schema.cpp;
 * relations, cascades, triggers and default rows in tst_schema_relations.cpp.
 */
class tst_Schema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};
