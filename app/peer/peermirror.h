#pragma once

#include "mirrortable.h"

#include <engine/result.h>

#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

#include <functional>

namespace cp::app {

/**
 * The desktop's private SQLite copy of a peer's data, in the application's own schema so that
 * the unchanged pages read it. Filled only from the peer's API answers; it also keeps the last
 * synchronised state for reading while the peer is away. One file per peer, written on the
 * thread that opened it.
 */
class PeerMirror
{
public:
    explicit PeerMirror(QString connectionName = QStringLiteral("cp_peer_mirror"));
    ~PeerMirror();
    PeerMirror(const PeerMirror &) = delete;
    PeerMirror &operator=(const PeerMirror &) = delete;

    //! Where the mirror of `peer` lives by default (the application's data directory).
    static QString defaultPath(const QUrl &peer);

    //! Opens (creating if needed) the file and brings its schema up to date.
    Status open(const QString &filePath);
    QString filePath() const { return m_path; }
    QSqlDatabase database() const;

    //! Records the signed-in user (reads join users; the password stays on the peer).
    Result<bool> putUser(int id, const QString &email, const QString &role);
    /**
     * Makes `spec`'s rows equal `rows` within its scope: upserts each row (and the asset it
     * names), removes rows the list no longer has. True when the stored rows changed.
     */
    Result<bool> replace(const MirrorTable &spec, const QJsonArray &rows);
    //! Upserts one row (a WebSocket payload); true when it changed anything.
    Result<bool> upsert(const MirrorTable &spec, const QJsonObject &row);
    //! Deletes one row by id; true when it existed.
    Result<bool> remove(const MirrorTable &spec, qint64 id);
    //! Labels every copied asset as simulated demo data (or not), as the peer says.
    Result<bool> markSimulated(bool simulated);
    //! Ids of `table`'s rows matching the SQL condition `where` (a fixed text, no input).
    Result<QList<qint64>> ids(const QString &table, const QString &where) const;

private:
    Status upsertAsset(const QJsonObject &row);
    Status upsertRow(const MirrorTable &spec, const QJsonObject &row);
    Result<QByteArray> fingerprint(const QString &table, const QStringList &columns,
                                   const QString &scope, const QVariantList &binds);
    Result<bool> changing(const MirrorTable &spec, const std::function<Status()> &work);

    QString m_connectionName;
    QString m_path;
};

} // namespace cp::app
