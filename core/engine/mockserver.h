// SPDX-License-Identifier: MIT
// The only unit that touches QtHttpServer: adapts requests to HttpRequest, runs the pipeline, writes back.
#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>

#include "core/engine/gatedsocket.h"
#include "core/engine/mockpipeline.h"
#include "core/engine/requestlogentry.h"
#include "core/engine/serverlimits.h"
#include "core/proxy/proxysettings.h"

class CallbackDispatcher;
struct CallbackOutcome;
class ResponseRecorder;

class GatedTcpServer;
class QThreadPool;
class UpstreamClient;

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
    // Limits, timeouts and allowed hosts; new connections use them at once.
    void setLimits(const ServerLimits& limits);
    const ServerLimits& limits() const
    {
        return m_limits;
    }
    // Tests only: called on the worker thread before the pipeline, e.g. to make an answer slow.
    void setRequestHook(std::function<void(const HttpRequest&)> hook)
    {
        m_hook = std::move(hook);
    }

    // Proxy mode (see core/proxy): requests go to the upstream, answers are checked against the definition.
    void setProxy(const ProxySettings& settings)
    {
        m_proxy = settings;
    }
    // Proxy mode: distinct upstream answers are kept as examples (--record); null records nothing.
    void setRecorder(std::shared_ptr<ResponseRecorder> recorder)
    {
        m_recorder = std::move(recorder);
    }

    // Open connections counted together with the other serving threads of the same mock (see GatedTcpServer).
    void setConnectionCounter(std::shared_ptr<std::atomic<int>> counter)
    {
        m_openCount = std::move(counter);
    }

    // Binds a new listening socket; on failure returns 0 and sets `error` (and `socketError`, when given).
    // `sharedPort`: the socket is bound with SO_REUSEPORT, so that the servers of several threads listen on the
    // same port and the kernel spreads the connections over them.
    quint16 listenOn(const QHostAddress& host, quint16 port, QString* error,
        QAbstractSocket::SocketError* socketError = nullptr, bool sharedPort = false, bool tls = false);
    // The certificate and key of listeners bound with `tls` (set before listenOn).
    void setTlsConfiguration(const QSslConfiguration& configuration)
    {
        m_tlsConfiguration = configuration;
    }
    // Whether this platform can share a port between listening sockets (SO_REUSEPORT).
    static bool canSharePort();
    // Stops listening and drops every open connection (so the port is free again at once).
    void stopListening();

    static HttpRequest toHttpRequest(const QHttpServerRequest& request);
    // Requests being answered on worker threads right now, over every server of the process.
    static int answersInFlight();

signals:
    // Entries in arrival order, delivered in batches (every few milliseconds under load) so that a busy mock
    // does not post one cross-thread event per request.
    void requestsLogged(const QList<RequestLogEntry>& entries);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    // Answers one request, from handleRequest (Qt's parser read it) or straight from the gate (GatedConnection's
    // Config::serve): inline when it was cheap last time, else on the pool.
    void serve(QTcpSocket* socket, HttpRequest request);
    struct Sink; // where worker threads post their answers; outlives the server while they run
    struct CallbackTrigger; // an answered request whose operation has callbacks (mockservercallbacks.cpp)

    void finish(const QPointer<QTcpSocket>& socket, const HttpRequest& request, MockResult result,
        const QDateTime& arrived, qint64 durationUs);
    // Sends the answer (or acts out the fault) and logs the request.
    void deliver(const QPointer<QTcpSocket>& socket, HttpResponse response, bool isHead, FaultSpec::Kind fault,
        RequestLogEntry entry, std::shared_ptr<const CallbackTrigger> trigger = nullptr);
    void logEntry(RequestLogEntry entry);
    void flushLog();
    // Callbacks (mockservercallbacks.cpp): null unless the answered operation has callbacks and the mock answered it.
    std::shared_ptr<const CallbackTrigger> callbackTrigger(
        const QPointer<QTcpSocket>& socket, const HttpRequest& request, const MockResult& result) const;
    // After the answer is written: plans the callbacks (their sentences go into `entry`'s trace), logs `entry`, then
    // sends them (refused ones are only logged).
    void fireCallbacks(const CallbackTrigger& trigger, RequestLogEntry entry);
    void logCallback(const CallbackOutcome& outcome, bool refused);
    // Proxy mode (mockserverproxy.cpp): forwards the request and finishes it when the upstream has answered.
    void proxyRequest(QTcpSocket* socket, HttpRequest request, const QDateTime& arrived);
    GatedSocket::ConfigPtr configFor(const QHostAddress& host, bool tls = false) const;

    std::shared_ptr<const MockPipeline> m_pipeline;
    ServerLimits m_limits;
    QHash<GatedTcpServer*, QHostAddress> m_listeners;
    QSet<GatedTcpServer*> m_tlsListeners;
    QSslConfiguration m_tlsConfiguration;
    std::shared_ptr<std::atomic<int>> m_openCount;
    QThreadPool* m_pool = nullptr;
    std::shared_ptr<Sink> m_sink;
    std::function<void(const HttpRequest&)> m_hook;
    // Microseconds the last answer per "METHOD path" took: answers known to be cheap are made inline (no thread
    // hop); new, slow or large ones go to the pool so that they never hold up other connections.
    QHash<QByteArray, qint64> m_cost;

    quint64 m_nextId = 1;
    QList<RequestLogEntry> m_pendingLog;
    QTimer* m_logTimer = nullptr;
    bool m_logBodies = true;
    ProxySettings m_proxy;
    UpstreamClient* m_upstream = nullptr; // created on first use, on this (the serving) thread
    CallbackDispatcher* m_callbacks = nullptr; // likewise
    std::shared_ptr<ResponseRecorder> m_recorder;
};
