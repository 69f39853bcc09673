#pragma once

#include <QString>

#include <functional>

namespace cp::app::marketdata {

/**
 * Where provider API keys come from: the OS keychain (the credential store plugs in here), never
 * settings files. Called on worker threads, so implementations must be thread-safe; a keychain
 * implementation reads the key once (asynchronously, at start-up or when the user edits it) and
 * answers from memory. An empty string means "no key": the public tier is used.
 */
class ApiKeyProvider
{
public:
    virtual ~ApiKeyProvider() = default;
    //! `provider` is "coingecko" (the only one that takes a key today).
    virtual QString apiKey(const QString &provider) const = 0;
};

/** An ApiKeyProvider from a function: for tests, the CLI (environment) and quick adapters. */
class FunctionApiKeyProvider : public ApiKeyProvider
{
public:
    explicit FunctionApiKeyProvider(std::function<QString(const QString &)> function)
        : m_function(std::move(function))
    {
    }
    QString apiKey(const QString &provider) const override
    {
        return m_function ? m_function(provider) : QString();
    }

private:
    std::function<QString(const QString &)> m_function;
};

} // namespace cp::app::marketdata
