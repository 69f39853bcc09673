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
};

} // namespace cp::app
