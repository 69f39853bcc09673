#include "passwordhasher.h"

#include <sodium.h>

namespace cp::app::PasswordHasher {

namespace {
bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

std::optional<QString> weakness(const QString &password)
{
    if (password.size() < kMinimumLength)
        return QStringLiteral("The password must be at least %1 characters long.")
            .arg(kMinimumLength);
    if (password.toUtf8().size() > 4096)
        return QStringLiteral("The password must be shorter than 4096 bytes.");
    return std::nullopt;
}

Result<QString> hash(const QString &password)
{
    if (!ensureSodium())
        return Result<QString>::failure(QStringLiteral("libsodium could not be initialised."));
    const QByteArray utf8 = password.toUtf8();
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            encoded, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
            crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Result<QString>::failure(QStringLiteral("Not enough memory to hash the password."));
    }
    return QString::fromLatin1(encoded);
}

bool verify(const QString &password, const QString &encodedHash)
{
    if (!ensureSodium() || encodedHash.isEmpty())
        return false;
    const QByteArray utf8 = password.toUtf8();
    const QByteArray stored = encodedHash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

} // namespace cp::app::PasswordHasher
