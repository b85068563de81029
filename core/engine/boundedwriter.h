// SPDX-License-Identifier: MIT
// Writes lines to a file descriptor without ever blocking, holding at most a bounded backlog (headless output).
#pragma once

#include <QByteArray>
#include <QtGlobal>

/**
 * Headless mode prints one line per request. When nobody reads its stdout (a full pipe, a stopped terminal), a
 * blocking write would stall the main thread while log entries pile up behind it without bound. This writer
 * only writes what the descriptor takes at once (poll with a zero timeout, at most PIPE_BUF bytes per write),
 * keeps up to `maxPending` bytes waiting, and drops whole lines beyond that, counting them; once the reader
 * catches up it says how many lines were dropped. Not thread-safe: one writer per thread.
 */
class BoundedWriter
{
public:
    explicit BoundedWriter(int fd, qsizetype maxPending = 4 << 20);

    // Queues `line` (a newline is added) and writes what can be written now.
    void writeLine(const QByteArray& line);
    // Writes what can be written now; with `block`, waits until everything pending is written (at exit).
    void flush(bool block = false);

    qsizetype pendingBytes() const
    {
        return m_pending.size() - m_offset;
    }
    quint64 droppedLines() const
    {
        return m_droppedTotal;
    }

private:
    bool writeSome(bool block);

    int m_fd;
    qsizetype m_maxPending;
    QByteArray m_pending;
    qsizetype m_offset = 0; // bytes of m_pending already written
    quint64 m_droppedSinceNote = 0;
    quint64 m_droppedTotal = 0;
};
