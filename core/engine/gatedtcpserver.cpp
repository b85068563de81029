// SPDX-License-Identifier: MIT
#include "core/engine/gatedtcpserver.h"

#include <QTimer>

namespace {
constexpr int resumeAfterMs = 250; // after EMFILE/ENFILE: try accepting again this much later
}

GatedTcpServer::GatedTcpServer(GatedSocket::ConfigPtr config, QObject* parent)
    : QTcpServer(parent)
    , m_sweep(new QTimer(this))
    , m_resume(new QTimer(this))
{
    connect(m_sweep, &QTimer::timeout, this, &GatedTcpServer::sweep);
    m_resume->setSingleShot(true);
    m_resume->setInterval(resumeAfterMs);
    connect(m_resume, &QTimer::timeout, this, [this] { resumeAccepting(); });
    // QTcpServer pauses accepting on any accept() error other than EAGAIN and never resumes by itself, so that
    // running out of file descriptors would end serving for good; resume a little later instead (no busy loop:
    // a failing accept pauses again).
    connect(this, &QTcpServer::acceptError, this, &GatedTcpServer::onAcceptError);
    setConfig(std::move(config));
}

GatedTcpServer::~GatedTcpServer()
{
    // The sockets are children and are deleted after this destructor: forget them first.
    for (GatedSocket* socket : std::as_const(m_sockets))
        disconnect(socket, nullptr, this, nullptr);
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
    auto* socket = new GatedSocket(m_config, this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Answers go out as soon as they are written (no Nagle delay for pipelined or small answers).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_sockets.insert(socket);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_sockets.remove(socket); });
    if (m_sockets.size() > m_config->limits.maxConnections) {
        socket->refuseBusy();
        return;
    }
    addPendingConnection(socket);
}

void GatedTcpServer::sweep()
{
    const qint64 now = GatedSocket::nowMs();
    const QList<GatedSocket*> sockets = m_sockets.values();
    for (GatedSocket* socket : sockets)
        if (m_sockets.contains(socket))
            socket->checkDeadline(now);
}

void GatedTcpServer::onAcceptError(QAbstractSocket::SocketError)
{
    pauseAccepting();
    if (!m_resume->isActive())
        m_resume->start();
}
