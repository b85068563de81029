// SPDX-License-Identifier: MIT
// Owns the mock's thread and server; the one object the GUI and headless mode talk to.
#pragma once

#include <atomic>
#include <functional>
#include <future>
#include <memory>
#include <vector>

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include "core/config/mockconfig.h"
#include "core/definition/definition.h"
#include "core/engine/requestlogentry.h"
#include "core/engine/serverlimits.h"
#include "core/engine/startresult.h"
#include "core/engine/tlsidentity.h"
#include "core/generation/generationcontrol.h"
#include "core/negotiation/forcedresponsestore.h"
#include "core/proxy/proxysettings.h"
#include "core/scenarios/scenariostore.h"
#include "core/state/statestore.h"

class MockPipeline;
class MockServer;
class ResponseRecorder;
class QThread;

class MockService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockService)

public:
    explicit MockService(QObject* parent = nullptr);
    ~MockService() override;

    // Swaps the definition (and configuration) the mock answers from; safe while running:
    // requests in flight finish with the old one, the next request sees the new one.
    void setDefinition(DefinitionPtr definition, const MockConfig& config = {});
    DefinitionPtr definition() const;
    MockConfig config() const;

    std::shared_ptr<ForcedResponseStore> forcedResponses() const;
    // Stateful mode's store (off by default): shared by every pipeline of this service, so that a definition swap
    // keeps the collections that still exist.
    std::shared_ptr<StateStore> state() const;
    // The scenarios (understudy.yaml), seed and network profile every request consults; changes apply to the next
    // request, without rebuilding the pipeline.
    std::shared_ptr<ScenarioStore> scenarios() const;
    // The seed and dynamic mode of generated bodies (--seed, --dynamic, the window's settings); takes effect at once.
    std::shared_ptr<GenerationControl> generationControl() const;

    // Body, header and connection limits, timeouts and allowed hosts. Takes effect for new connections at once,
    // also while running.
    void setLimits(const ServerLimits& limits);
    ServerLimits limits() const;
    // Tests only: runs on a worker thread before each request is answered (e.g. to make one slow).
    void setRequestHookForTesting(std::function<void(const HttpRequest&)> hook);

    // Proxy mode: forward to an upstream and check its answers (Mock: off). Takes effect with the next request.
    void setProxy(const ProxySettings& settings);
    ProxySettings proxy() const;
    // Proxy mode: where upstream answers are recorded as examples (null: nowhere). Takes effect with the next answer.
    void setRecorder(std::shared_ptr<ResponseRecorder> recorder);

    // Serving threads: 0 (the default) is one per core, at most 8; 1 serves on one thread as before. Each thread
    // runs its own server on the same port (SO_REUSEPORT; one thread where the platform cannot share a port),
    // all sharing one pipeline. Applies from the next start().
    void setThreads(int threads);
    int threads() const;
    int servingThreads() const; // what start() uses
    int listeningThreads() const; // the serving threads listening now (0 while stopped)
    static constexpr int kMaxThreads = 8;

    // Listens on host:port (port 0 = any free port). Blocks only for the bind itself (a few
    // microseconds on the mock thread). On failure says why (port taken, permission, address not
    // available, turned off by the configuration, ...) with a readable message.
    StartResult start(const QHostAddress& host, quint16 port);
    // HTTPS, from the next start(): with `tlsPort` < 0 the mock serves HTTPS instead of HTTP on start()'s port;
    // otherwise HTTP stays there and HTTPS is served on `tlsPort` too (0: any free port). A null identity: HTTP only.
    void setTls(const TlsIdentity& identity, int tlsPort = -1);
    const TlsIdentity& tlsIdentity() const;
    quint16 tlsPort() const; // the port serving HTTPS (0: none)
    QUrl httpsUrl() const; // "https://127.0.0.1:4443" (empty without HTTPS)
    void stop();
    bool isRunning() const;
    quint16 port() const;
    QHostAddress host() const;
    QUrl url() const; // "http://127.0.0.1:4010" (empty when stopped; https when only HTTPS is served)

    // Requests being answered on worker threads right now (in every MockService of the process).
    static int answersInFlight();

    // A free TCP port on `host` near `preferred`, or 0.
    static quint16 findFreePort(const QHostAddress& host, quint16 preferred);

signals:
    void requestHandled(const RequestLogEntry& entry); // queued from the mock thread
    void started(const QUrl& url);
    void stopped();

private:
    struct Worker
    {
        QThread* thread = nullptr;
        MockServer* server = nullptr; // lives on `thread`
    };
    void ensureServers(int count); // servers are created on demand and kept until the service goes
    void stopListeners(); // the listening servers stop (and drop their connections)
    template<typename F>
    void onEveryServer(F&& f, Qt::ConnectionType type);

    std::vector<Worker> m_workers;
    int m_listening = 0; // the first m_listening servers are listening
    int m_threads = 0;
    std::shared_future<std::shared_ptr<const MockPipeline>> m_pipeline; // the latest, maybe still being built
    std::function<void(const HttpRequest&)> m_hook;
    std::shared_ptr<std::atomic<int>> m_openCount; // open connections over every serving thread
    quint64 m_nextEntryId = 1;
    std::shared_ptr<ForcedResponseStore> m_forced;
    std::shared_ptr<StateStore> m_state;
    std::shared_ptr<ScenarioStore> m_scenarios;
    std::shared_ptr<GenerationControl> m_generation;
    DefinitionPtr m_definition;
    MockConfig m_config;
    ServerLimits m_limits;
    ProxySettings m_proxy;
    std::shared_ptr<ResponseRecorder> m_recorder;
    QHostAddress m_host;
    quint16 m_port = 0;
    TlsIdentity m_tls;
    int m_tlsPortWanted = -1;
    quint16 m_tlsPort = 0;
};
