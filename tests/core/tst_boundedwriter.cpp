// SPDX-License-Identifier: MIT
// BoundedWriter: never blocks on a reader that does not read, holds a bounded backlog, says what it dropped.
#include <fcntl.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QTest>

#include "core/engine/boundedwriter.h"

namespace {

// Reads everything the pipe holds now (its read end is non-blocking).
QByteArray drain(int fd)
{
    QByteArray all;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        all.append(buffer, n);
    }
    return all;
}

} // namespace

class TestBoundedWriter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void linesArriveInOrder();
    void unreadPipeNeitherBlocksNorGrows_data();
    void unreadPipeNeitherBlocksNorGrows();
    void closedReaderDropsTheBacklog();

private:
    int m_fds[2] = { -1, -1 };
};

void TestBoundedWriter::init()
{
    QCOMPARE(::pipe2(m_fds, O_NONBLOCK | O_CLOEXEC), 0);
    // The writer must not rely on a non-blocking descriptor: make the write end blocking, as stdout is.
    QCOMPARE(::fcntl(m_fds[1], F_SETFL, 0), 0);
}

void TestBoundedWriter::cleanup()
{
    for (int& fd : m_fds)
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
}

void TestBoundedWriter::linesArriveInOrder()
{
    BoundedWriter writer(m_fds[1]);
    writer.writeLine("GET /books 200");
    writer.writeLine("POST /books 201");
    QCOMPARE(writer.pendingBytes(), 0);
    QCOMPARE(drain(m_fds[0]), QByteArray("GET /books 200\nPOST /books 201\n"));
}

void TestBoundedWriter::unreadPipeNeitherBlocksNorGrows_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<int>("lines");
    QTest::addRow("64 KiB backlog, 100k lines") << (64 << 10) << 100000;
    QTest::addRow("1 MiB backlog, 200k lines") << (1 << 20) << 200000;
}

void TestBoundedWriter::unreadPipeNeitherBlocksNorGrows()
{
    QFETCH(int, cap);
    QFETCH(int, lines);
    BoundedWriter writer(m_fds[1], cap);
    const QByteArray line = "GET /v1/books/7 200 0.1 ms getBook and some padding to make the line longer";
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < lines; ++i)
        writer.writeLine(line);
    QVERIFY2(timer.elapsed() < 10000, "writing to a full pipe must not block");
    QVERIFY(writer.pendingBytes() <= cap);
    QVERIFY(writer.droppedLines() > 0);

    // The reader catches up: the backlog is written, then a note says how many lines were lost.
    QByteArray read;
    for (int round = 0; round < 1000 && (writer.pendingBytes() > 0 || read.isEmpty()); ++round) {
        read += drain(m_fds[0]);
        writer.flush();
    }
    read += drain(m_fds[0]);
    QCOMPARE(writer.pendingBytes(), 0);
    writer.writeLine("GET /health 200");
    read += drain(m_fds[0]);
    QVERIFY2(read.contains(QByteArray::number(writer.droppedLines()) + " log lines dropped"), read.right(300));
    QVERIFY(read.endsWith("GET /health 200\n"));
    const qsizetype written = read.count('\n');
    QCOMPARE(quint64(written), quint64(lines) - writer.droppedLines() + 2); // + the note + the last line
}

void TestBoundedWriter::closedReaderDropsTheBacklog()
{
    BoundedWriter writer(m_fds[1], 1 << 20);
    for (int i = 0; i < 20000; ++i)
        writer.writeLine("a line that fills the pipe until it is full");
    QVERIFY(writer.pendingBytes() > 0);
    ::close(m_fds[0]);
    m_fds[0] = -1;
    writer.flush(true);
    QCOMPARE(writer.pendingBytes(), 0);
}

QTEST_GUILESS_MAIN(TestBoundedWriter)
#include "tst_boundedwriter.moc"
