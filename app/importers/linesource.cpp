#include "linesource.h"

#include <QIODevice>

#include <cstring>

namespace cp::app::importers {

LineSource::LineSource(QIODevice &in, qsizetype chunkBytes)
    : m_in(in)
{
    m_buffer.resize(chunkBytes);
}

bool LineSource::next(QByteArrayView &line)
{
    while (true) {
        const char *begin = m_buffer.constData() + m_pos;
        const void *newline = std::memchr(begin, '\n', static_cast<std::size_t>(m_end - m_pos));
        qsizetype length = -1;
        if (newline) {
            length = static_cast<const char *>(newline) - begin;
        } else if (m_eof) {
            if (m_pos >= m_end)
                return false;
            length = m_end - m_pos;
        } else {
            if (!refill())
                return false;
            continue;
        }
        m_pos += length + (newline ? 1 : 0);
        ++m_line;
        line = QByteArrayView(begin, length);
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_line == 1 && line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
        return true;
    }
}

bool LineSource::refill()
{
    // Keep the unfinished line, grow only for a line longer than the buffer.
    const qsizetype rest = m_end - m_pos;
    if (rest > 0 && m_pos > 0)
        std::memmove(m_buffer.data(), m_buffer.constData() + m_pos, static_cast<std::size_t>(rest));
    m_pos = 0;
    m_end = rest;
    if (m_end == m_buffer.size())
        m_buffer.resize(m_buffer.size() * 2);
    const qint64 n = m_in.read(m_buffer.data() + m_end, m_buffer.size() - m_end);
    if (n < 0) {
        m_error = m_in.errorString();
        m_eof = true;
        return false;
    }
    if (n == 0)
        m_eof = true;
    m_end += static_cast<qsizetype>(n);
    return true;
}

} // namespace cp::app::importers
