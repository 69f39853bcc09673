#pragma once

#include <engine/result.h>

#include <QString>

#include <optional>

namespace cp::app {

/** Argon2id password hashes (libsodium's crypto_pwhash_str, interactive limits). */
namespace PasswordHasher {

//! Shortest password we accept; longer is better, there is no upper limit below 4 KiB.
constexpr int kMinimumLength = 10;

//! Why `password` is not acceptable, or nothing.
std::optional<QString> weakness(const QString &password);
//! The encoded hash ("$argon2id$v=19$m=...") to store in users.password_hash.
Result<QString> hash(const QString &password);
//! True when `password` matches `encodedHash`.
bool verify(const QString &password, const QString &encodedHash);

} // namespace PasswordHasher

} // namespace cp::app
