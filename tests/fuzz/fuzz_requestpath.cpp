// SPDX-License-Identifier: MIT
// Fuzzes the whole request path: raw bytes over TCP into an in-process mock of the bundled example.
#include <cstdio>
#include <cstdlib>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"

namespace {

QCoreApplication* g_app = nullptr;
MockService* g_service = nullptr;
quint16 g_port = 0;

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    g_app = new QCoreApplication(*argc, *argv);
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    if (!loaded.definition) {
        std::fprintf(stderr, "fuzz_requestpath: the bundled example does not load\n");
        std::abort();
    }
    g_service = new MockService;
    g_service->setDefinition(loaded.definition);
    const StartResult started = g_service->start(QHostAddress::LocalHost, 0);
    if (!started) {
        std::fprintf(stderr, "fuzz_requestpath: %s\n", qPrintable(started.message));
        std::abort();
    }
    g_port = g_service->port();
    return 0;
}

// One connection per input: send it, half-close (so an incomplete request ends instead of waiting for a timeout),
// read until the server closes, with a bound of 2 s (a hang is reported as a slow input, not waited out).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, g_port);
    if (!socket.waitForConnected(2000)) {
        std::fprintf(stderr, "fuzz_requestpath: cannot connect: %s\n", qPrintable(socket.errorString()));
        std::abort();
    }
    socket.write(reinterpret_cast<const char*>(data), qint64(size));
    while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(2000)) { }
    ::shutdown(int(socket.socketDescriptor()), SHUT_WR);
    QElapsedTimer timer;
    timer.start();
    const int fd = int(socket.socketDescriptor());
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 2000) {
        // Acknowledge at once: with delayed ACKs the server's next segment waits 40 ms for ours (Nagle), which
        // made this target eight times slower. The kernel clears the flag again, so it is set before each wait.
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
        socket.waitForReadyRead(int(2000 - timer.elapsed()));
        socket.readAll();
    }
    socket.abort();
    QCoreApplication::processEvents(); // the log entries queued to this thread
    return 0;
}
