#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace cp {

/**
 * A value or a one-sentence error for the user. Used wherever a failure is part of normal
 * operation (bad input, unreachable server) rather than a programming error.
 */
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    static Result failure(QString message, int code = 0)
    {
        Result r(std::nullopt, std::move(message));
        r.m_code = code;
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const QString &error() const { return m_error; }
    //! Machine-readable kind of failure (an enum of the layer that failed); 0 when unspecified.
    int errorCode() const { return m_code; }

private:
    Result(std::nullopt_t, QString message)
        : m_error(std::move(message))
    {
    }

    std::optional<T> m_value;
    QString m_error;
    int m_code = 0;
};

/** Result of an operation that produces nothing but can fail. */
class Status
{
public:
    Status() = default;
    static Status failure(QString message, int code = 0)
    {
        Status s;
        s.m_error = std::move(message);
        s.m_failed = true;
        s.m_code = code;
        return s;
    }
    template<typename T>
    static Status from(const Result<T> &r)
    {
        return r.ok() ? Status() : failure(r.error(), r.errorCode());
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }
    int errorCode() const { return m_code; }

private:
    QString m_error;
    bool m_failed = false;
    int m_code = 0;
};

} // namespace cp
