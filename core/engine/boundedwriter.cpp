// SPDX-License-Identifier: MIT
#include "core/engine/boundedwriter.h"

#include <cerrno>
#include <climits>
#include <poll.h>
#include <unistd.h>

BoundedWriter::BoundedWriter(int fd, qsizetype maxPending)
    : m_fd(fd)
    , m_maxPending(maxPending)
{ }

void BoundedWriter::writeLine(const QByteArray& line)
{
    if (pendingBytes() + line.size() + 1 > m_maxPending) {
        ++m_droppedSinceNote;
        ++m_droppedTotal;
        flush();
        return;
    }
    if (m_droppedSinceNote > 0 && pendingBytes() == 0) {
        m_pending += QByteArrayLiteral("(") + QByteArray::number(m_droppedSinceNote)
            + QByteArrayLiteral(" log lines dropped: the output was not being read)\n");
        m_droppedSinceNote = 0;
    }
    m_pending += line;
    m_pending += '\n';
    flush();
}

void BoundedWriter::flush(bool block)
{
    while (pendingBytes() > 0 && writeSome(block)) { }
    if (pendingBytes() == 0) {
        m_pending.clear();
        m_offset = 0;
    } else if (m_offset > (1 << 20)) {
        m_pending.remove(0, m_offset); // keep the backlog compact
        m_offset = 0;
    }
}

bool BoundedWriter::writeSome(bool block)
{
    pollfd p { m_fd, POLLOUT, 0 };
    const int ready = ::poll(&p, 1, block ? 1000 : 0);
    if (ready < 0 && errno == EINTR)
        return true;
    if (ready == 0)
        return false; // the reader is behind: keep the backlog (or, at exit, give up after a second)
    if (ready < 0 || (p.revents & (POLLERR | POLLHUP | POLLNVAL))) {
        // A closed or broken reader: nothing will ever be read, so stop holding the backlog.
        m_pending.clear();
        m_offset = 0;
        return false;
    }
    // At most PIPE_BUF bytes: POLLOUT promises room for that much, so the write cannot block.
    const qsizetype chunk = qMin<qsizetype>(pendingBytes(), PIPE_BUF);
    const ssize_t written = ::write(m_fd, m_pending.constData() + m_offset, size_t(chunk));
    if (written < 0)
        return errno == EINTR;
    m_offset += written;
    return written > 0;
}
