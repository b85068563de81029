// SPDX-License-Identifier: MIT
// Fuzzes the whole request path: raw bytes over TCP into an in-process mock of the bundled example.
//
// Client and server share one thread and one event loop: the target drives the loop itself while it waits for the
// answer, so no input waits for a thread switch (with the server on a thread of its own, each input cost two of
// them, and next to another busy process this target ran 160 inputs a second).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTimer>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "core/engine/mockserver.h"
#include "core/negotiation/forcedresponsestore.h"

namespace {

QCoreApplication* g_app = nullptr;
MockServer* g_server = nullptr;
QTimer* g_tick = nullptr;
quint16 g_port = 0;
constexpr qint64 kBoundMs = 2000; // a hang is reported as a slow input, not waited out

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    g_app = new QCoreApplication(*argc, *argv);
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    if (!loaded.definition) {
        std::fprintf(stderr, "fuzz_requestpath: the bundled example does not load\n");
        std::abort();
    }
    g_server = new MockServer;
    g_server->setPipeline(
        std::make_shared<const MockPipeline>(loaded.definition, MockConfig(), std::make_shared<ForcedResponseStore>()));
    QString error;
    g_port = g_server->listenOn(QHostAddress::LocalHost, 0, &error);
    if (g_port == 0) {
        std::fprintf(stderr, "fuzz_requestpath: %s\n", qPrintable(error));
        std::abort();
    }
    // Wakes the loop now and then, so a wait never outlasts the bound when nothing else happens.
    g_tick = new QTimer;
    g_tick->start(50);
    return 0;
}

// One connection per input: send it, half-close (so an incomplete request ends instead of waiting for a timeout),
// read until the server closes, within the bound.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        std::perror("fuzz_requestpath: socket");
        std::abort();
    }
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(g_port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 && errno != EINPROGRESS) {
        std::perror("fuzz_requestpath: connect");
        std::abort();
    }
    QElapsedTimer timer;
    timer.start();
    {
        QSocketNotifier readable(fd, QSocketNotifier::Read); // the client's bytes wake the shared loop too
        size_t sent = 0;
        bool halfClosed = false;
        char buffer[16384];
        while (timer.elapsed() < kBoundMs) {
            while (sent < size) {
                const ssize_t n = ::send(fd, data + sent, size - sent, MSG_NOSIGNAL);
                if (n <= 0)
                    break; // the kernel's buffer is full (the server reads on), or the server has closed
                sent += size_t(n);
            }
            if ((sent == size || timer.elapsed() > kBoundMs / 2) && !halfClosed) {
                ::shutdown(fd, SHUT_WR);
                halfClosed = true;
            }
            bool closed = false;
            while (true) {
                const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
                if (n > 0)
                    continue;
                closed = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
                break;
            }
            if (closed)
                break;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
    }
    ::close(fd);
    QCoreApplication::processEvents(); // the server sees the close and drops the connection
    return 0;
}
