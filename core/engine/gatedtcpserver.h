// SPDX-License-Identifier: MIT
// The listening socket of the mock: gated connections, a cap on open ones, timeouts, and accept pauses on EMFILE.
#pragma once

#include <atomic>
#include <memory>

#include <QHash>
#include <QTcpServer>

#include "core/engine/gatedsocket.h"

class QTimer;

class GatedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatedTcpServer)

public:
    // `openCount` counts open connections over every listener that shares it (the serving threads of one mock),
    // so that the cap on open connections holds for all of them together; null: this listener alone.
    // With `config->tls`, connections speak TLS: each is handed to QtHttpServer once its handshake is done (a failed
    // or late handshake just closes it).
    GatedTcpServer(GatedSocket::ConfigPtr config, std::shared_ptr<std::atomic<int>> openCount = nullptr,
        QObject* parent = nullptr);
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
    void startTls(GatedSslSocket* socket, bool busy);
    void sweep();
    void onAcceptError(QAbstractSocket::SocketError error);

    GatedSocket::ConfigPtr m_config;
    QHash<QObject*, GatedConnection*> m_sockets;
    std::shared_ptr<std::atomic<int>> m_openCount;
    QTimer* m_sweep = nullptr;
    QTimer* m_resume = nullptr;
};
