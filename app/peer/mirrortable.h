#pragma once

#include <QList>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

namespace cp::app {

/** How one API list maps onto a mirrored table: which JSON keys are columns of what kind. */
struct MirrorTable
{
    enum class Kind { Plain, Json, Timestamp };
    struct Column
    {
        QString name; //!< the column (and the JSON key unless jsonKey says otherwise)
        Kind kind = Kind::Plain;
        QString jsonKey;

        QString key() const { return jsonKey.isEmpty() ? name : jsonKey; }
    };

    QString table;
    QList<Column> columns;
    //! Which rows the list covers (e.g. "user_id = ?"); rows of the scope the list lacks go.
    QString scope = QStringLiteral("1 = 1");
    QVariantList scopeBinds;
    //! Columns with fixed values added to every row (e.g. the owner of notifications).
    QVariantMap fixed;
    //! False: rows the list lacks stay (a list that covers only some rows, e.g. assets).
    bool prune = true;
    //! A UNIQUE column besides id: another row holding the same value gives way (renames).
    QString uniqueColumn;

    static MirrorTable tradingSignals();
    static MirrorTable suggestions();
    static MirrorTable notifications(int userId);
    static MirrorTable watchlists();
    // Layer 1 endpoints answer the newest reading only: the copy keeps it as row 1.
    static MirrorTable marketRegime();
    static MirrorTable sentiment();
    static MirrorTable dominance();
    //! The items of one list (rows carry the item's id as "id").
    static MirrorTable watchlistItems(qint64 watchlistId);
    // Layer 2: sectors, one sector's analyses and members, the newest rotation (row 1).
    static MirrorTable sectors();
    //! Rows carry a synthetic id (the API lists points without theirs), see PeerReshape.
    static MirrorTable sectorPerformance(qint64 sectorId);
    static MirrorTable sectorMapping(qint64 sectorId);
    //! Member assets' market data; never removes assets (other lists name them too).
    static MirrorTable sectorAssets();
    static MirrorTable sectorRotation();
    static MirrorTable predictions();
    //! The signed-in user's executions.
    static MirrorTable executions(int userId);
    // The admin page (admins only).
    static MirrorTable aiModels();
    //! The peer's current health check, kept as row 1.
    static MirrorTable systemHealth();
    static MirrorTable userActivities();
    //! The authors of activities and reviews: id and e-mail only, never removed.
    static MirrorTable activityUsers();
    static MirrorTable suggestionReviews();
    //! One asset's candles (GET assets/{id}/prices); rows carry a synthetic id, see PeerReshape.
    static MirrorTable priceData(qint64 cryptoId);
};

} // namespace cp::app
