#pragma once

#include <QHash>
#include <QString>

namespace cp::app {

/**
 * Where a peer's access token lives between requests. Tokens are secrets: they never go into
 * AppSettings. The in-memory store forgets them at exit; a keychain store can replace it later
 * without touching the peer code.
 */
class PeerTokenStore
{
public:
    virtual ~PeerTokenStore() = default;
    //! The token for `account` ("email@peer-url"); empty when there is none.
    virtual QString token(const QString &account) const = 0;
    virtual void setToken(const QString &account, const QString &token) = 0;
    virtual void clear(const QString &account) = 0;
};

/** Keeps tokens for the life of the process only. */
class MemoryTokenStore : public PeerTokenStore
{
public:
    QString token(const QString &account) const override { return m_tokens.value(account); }
    void setToken(const QString &account, const QString &token) override
    {
        m_tokens.insert(account, token);
    }
    void clear(const QString &account) override { m_tokens.remove(account); }

private:
    QHash<QString, QString> m_tokens;
};

} // namespace cp::app
