// SPDX-License-Identifier: MIT
// The listening socket of the mock: gated connections, a cap on open ones, timeouts, and accept pauses on EMFILE.
#pragma once

#include <QSet>
#include <QTcpServer>

#include "core/engine/gatedsocket.h"

class QTimer;

class GatedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatedTcpServer)

public:
    GatedTcpServer(GatedSocket::ConfigPtr config, QObject* parent = nullptr);
    ~GatedTcpServer() override;

    // Applies to connections accepted from now on.
    void setConfig(GatedSocket::ConfigPtr config);
    int openConnections() const
    {
        return int(m_sockets.size());
    }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void sweep();
    void onAcceptError(QAbstractSocket::SocketError error);

    GatedSocket::ConfigPtr m_config;
    QSet<GatedSocket*> m_sockets;
    QTimer* m_sweep = nullptr;
    QTimer* m_resume = nullptr;
};
