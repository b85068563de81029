// SPDX-License-Identifier: MIT
// The only unit that touches QtHttpServer: adapts requests to HttpRequest, runs the pipeline, writes back.
#pragma once

#include <atomic>
#include <memory>

#include <QAbstractHttpServer>
#include <QTimer>

#include "core/engine/mockpipeline.h"
#include "core/engine/requestlogentry.h"

class MockServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockServer)

public:
    explicit MockServer(QObject* parent = nullptr);
    ~MockServer() override;

    // Called on the server's thread (MockService goes through invokeMethod).
    void setPipeline(std::shared_ptr<const MockPipeline> pipeline);
    void setLogBodies(bool enabled)
    {
        m_logBodies = enabled;
    }

    // Binds a new listening socket; on failure returns 0 and sets `error` (and `socketError`, when given).
    quint16 listenOn(
        const QHostAddress& host, quint16 port, QString* error, QAbstractSocket::SocketError* socketError = nullptr);
    // Stops listening and drops every open connection (so the port is free again at once).
    void stopListening();

    static HttpRequest toHttpRequest(const QHttpServerRequest& request);

signals:
    // Entries in arrival order, delivered in batches (every few milliseconds under load) so that a busy mock
    // does not post one cross-thread event per request.
    void requestsLogged(const QList<RequestLogEntry>& entries);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    std::shared_ptr<const MockPipeline> m_pipeline;
    void flushLog();

    quint64 m_nextId = 1;
    QList<RequestLogEntry> m_pendingLog;
    QTimer* m_logTimer = nullptr;
    bool m_logBodies = true;
};
