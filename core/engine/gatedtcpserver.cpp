// SPDX-License-Identifier: MIT
#include "core/engine/gatedtcpserver.h"

#include <limits>

#include <QTimer>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace {
constexpr int resumeAfterMs = 250; // after EMFILE/ENFILE: try accepting again this much later

#ifdef Q_OS_UNIX
// Descriptors kept free for everything else the process opens (files, pipes, the event loop).
qintptr descriptorReserve(qintptr limit)
{
    return std::max<qintptr>(16, limit / 32);
}

qintptr descriptorLimit()
{
    rlimit l {};
    if (getrlimit(RLIMIT_NOFILE, &l) != 0 || l.rlim_cur == RLIM_INFINITY)
        return std::numeric_limits<int>::max();
    return qintptr(l.rlim_cur);
}
#endif

// Descriptors are handed out lowest first, so a new one near the limit means the process is nearly out of them.
bool nearDescriptorLimit(qintptr newest)
{
#ifdef Q_OS_UNIX
    const qintptr limit = descriptorLimit();
    return newest >= limit - descriptorReserve(limit);
#else
    Q_UNUSED(newest);
    return false;
#endif
}

// Whether accepting may go on: the lowest free descriptor is well below the limit.
bool descriptorsAvailable(qintptr anyDescriptor)
{
#ifdef Q_OS_UNIX
    const int probe = ::fcntl(int(anyDescriptor), F_DUPFD_CLOEXEC, 0);
    if (probe < 0)
        return false;
    ::close(probe);
    return !nearDescriptorLimit(probe);
#else
    Q_UNUSED(anyDescriptor);
    return true;
#endif
}
} // namespace

GatedTcpServer::GatedTcpServer(
    GatedSocket::ConfigPtr config, std::shared_ptr<std::atomic<int>> openCount, QObject* parent)
    : QTcpServer(parent)
    , m_openCount(openCount ? std::move(openCount) : std::make_shared<std::atomic<int>>(0))
    , m_sweep(new QTimer(this))
    , m_resume(new QTimer(this))
{
    connect(m_sweep, &QTimer::timeout, this, &GatedTcpServer::sweep);
    m_resume->setSingleShot(true);
    m_resume->setInterval(resumeAfterMs);
    connect(m_resume, &QTimer::timeout, this, [this] {
        if (descriptorsAvailable(socketDescriptor()))
            resumeAccepting();
        else
            m_resume->start();
    });
    // Out of file descriptors, accept() fails while the listening socket stays readable: QtNetwork 6.4 then either
    // spins on it or pauses for good. The server pauses itself before that point (a new descriptor close to the
    // limit) or on an accept error, and resumes once descriptors are free again.
    connect(this, &QTcpServer::acceptError, this, &GatedTcpServer::onAcceptError);
    setConfig(std::move(config));
}

GatedTcpServer::~GatedTcpServer()
{
    // The sockets are children and are deleted after this destructor: forget them first.
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it)
        disconnect(it.key(), nullptr, this, nullptr);
    *m_openCount -= int(m_sockets.size());
    m_sockets.clear();
}

void GatedTcpServer::setConfig(GatedSocket::ConfigPtr config)
{
    m_config = std::move(config);
    const ServerLimits& l = m_config->limits;
    const int shortest = std::min({ l.headerTimeoutMs, l.bodyTimeoutMs, l.idleTimeoutMs, 2000 });
    m_sweep->start(std::clamp(shortest / 4, 5, 500));
}

void GatedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket* socket = nullptr;
    GatedConnection* gate = nullptr;
    if (m_config->tls) {
        auto* tls = new GatedSslSocket(m_config, this);
        socket = tls;
        gate = tls;
    } else {
        auto* plain = new GatedSocket(m_config, this);
        socket = plain;
        gate = plain;
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Answers go out as soon as they are written (no Nagle delay for pipelined or small answers).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (nearDescriptorLimit(descriptor)) {
        pauseAccepting();
        m_resume->start();
    }
    m_sockets.insert(socket, gate);
    const int open = ++*m_openCount;
    connect(socket, &QObject::destroyed, this, [this, socket] {
        if (m_sockets.remove(socket))
            --*m_openCount;
    });
    const bool busy = open > m_config->limits.maxConnections;
    if (m_config->tls) {
        startTls(static_cast<GatedSslSocket*>(socket), busy);
        return;
    }
    if (busy) {
        gate->refuseBusy();
        return;
    }
    addPendingConnection(socket);
}

void GatedTcpServer::startTls(GatedSslSocket* socket, bool busy)
{
    // Until the handshake is done the socket is this server's alone: QtHttpServer gets it encrypted, or never.
    connect(socket, &QSslSocket::encrypted, this, [this, socket, busy] {
        if (busy)
            socket->refuseBusy(); // the 503 goes out encrypted, so the client can read it
        else
            addPendingConnection(socket);
    });
    const auto drop = [socket] {
        if (!socket->isEncrypted()) {
            socket->abort();
            socket->deleteLater();
        }
    };
    // A client that speaks plain HTTP, distrusts the certificate or leaves mid-handshake ends here.
    connect(socket, &QAbstractSocket::errorOccurred, socket, drop);
    connect(socket, &QAbstractSocket::disconnected, socket, drop);
    socket->setSslConfiguration(m_config->tlsConfiguration);
    socket->startServerEncryption();
}

void GatedTcpServer::sweep()
{
    const qint64 now = GatedSocket::nowMs();
    const QList<QObject*> sockets = m_sockets.keys();
    for (QObject* socket : sockets)
        if (GatedConnection* gate = m_sockets.value(socket))
            gate->checkDeadline(now);
}

void GatedTcpServer::onAcceptError(QAbstractSocket::SocketError)
{
    pauseAccepting();
    if (!m_resume->isActive())
        m_resume->start();
}
