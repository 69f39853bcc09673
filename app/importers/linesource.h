#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class QIODevice;

namespace cp::app::importers {

/**
 * Lines of a text device read in fixed-size chunks, so memory stays the same however long the
 * file is. A line's view is valid until the next call; it has no line break (LF or CRLF) and,
 * on line 1, no UTF-8 byte order mark.
 */
class LineSource
{
public:
    explicit LineSource(QIODevice &in, qsizetype chunkBytes = 1 << 20);

    //! False at the end of the device or when reading failed (readError() is then set).
    bool next(QByteArrayView &line);
    //! 1-based number of the line next() returned last.
    qint64 lineNumber() const { return m_line; }
    const QString &readError() const { return m_error; }

private:
    bool refill();

    QIODevice &m_in;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    qint64 m_line = 0;
    bool m_eof = false;
    QString m_error;
};

} // namespace cp::app::importers
