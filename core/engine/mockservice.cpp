// SPDX-License-Identifier: MIT
#include "core/engine/mockservice.h"

#include <algorithm>
#include <future>

#include <QTcpServer>
#include <QThread>

#include "core/engine/mockpipeline.h"
#include "core/engine/mockserver.h"

MockService::MockService(QObject* parent)
    : QObject(parent)
    , m_openCount(std::make_shared<std::atomic<int>>(0))
    , m_forced(std::make_shared<ForcedResponseStore>())
    , m_state(std::make_shared<StateStore>())
    , m_scenarios(std::make_shared<ScenarioStore>())
    , m_generation(std::make_shared<GenerationControl>())
{
    m_state->setGeneration(m_generation);
    qRegisterMetaType<RequestLogEntry>();
    qRegisterMetaType<QList<RequestLogEntry>>();
    std::promise<std::shared_ptr<const MockPipeline>> none;
    none.set_value(nullptr);
    m_pipeline = none.get_future().share();
    ensureServers(1);
}

MockService::~MockService()
{
    // In creation order: a pipeline being built on the first thread may still hand itself to the others.
    for (Worker& worker : m_workers) {
        MockServer* server = worker.server;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        worker.thread->quit();
        worker.thread->wait();
    }
}

void MockService::ensureServers(int count)
{
    // Serving threads run Qt's own poll() dispatcher rather than GLib's: GLib wakes its loop with an eventfd write
    // whenever a socket notifier is switched on or off, which a connection does several times per request (three
    // extra system calls per GET). Qt reads the variable when a thread starts its event loop; the GUI thread keeps
    // GLib.
    if (qEnvironmentVariableIsEmpty("QT_NO_THREADED_GLIB"))
        qputenv("QT_NO_THREADED_GLIB", "1");
    while (static_cast<int>(m_workers.size()) < count) {
        Worker worker;
        worker.thread = new QThread(this);
        worker.thread->setObjectName(QStringLiteral("understudy-mock-%1").arg(m_workers.size() + 1));
        worker.thread->start();
        // Created on its thread so that every QTcpServer and socket it makes is born there.
        auto* context = new QObject;
        context->moveToThread(worker.thread);
        MockServer* server = nullptr;
        QMetaObject::invokeMethod(
            context,
            [&server, context] {
                server = new MockServer;
                delete context;
            },
            Qt::BlockingQueuedConnection);
        worker.server = server;
        // Entries are numbered here, on the owner's thread, in the order they arrive: per connection that is the
        // order of its requests, whichever thread served it.
        connect(
            server, &MockServer::requestsLogged, this,
            [this](const QList<RequestLogEntry>& entries) {
                for (RequestLogEntry entry : entries) {
                    entry.id = m_nextEntryId++;
                    emit requestHandled(entry);
                }
            },
            Qt::QueuedConnection);
        QMetaObject::invokeMethod(
            server,
            [server, limits = m_limits, hook = m_hook, counter = m_openCount, proxy = m_proxy, recorder = m_recorder] {
                server->setConnectionCounter(counter);
                server->setLimits(limits);
                server->setRequestHook(hook);
                server->setProxy(proxy);
                server->setRecorder(recorder);
            },
            Qt::BlockingQueuedConnection);
        // Queued ahead of anything else this server will do, so it never serves before it has the pipeline.
        QMetaObject::invokeMethod(
            server, [server, pipeline = m_pipeline] { server->setPipeline(pipeline.get()); }, Qt::QueuedConnection);
        m_workers.push_back(worker);
    }
}

template<typename F>
void MockService::onEveryServer(F&& f, Qt::ConnectionType type)
{
    for (const Worker& worker : m_workers) {
        MockServer* server = worker.server;
        QMetaObject::invokeMethod(
            server, [server, f] { f(server); }, type);
    }
}

void MockService::setDefinition(DefinitionPtr definition, const MockConfig& config)
{
    m_definition = std::move(definition);
    m_config = config;
    // The pipeline (router tables, validation plans; tens of milliseconds for big definitions) is built once, on
    // the first mock thread, never on the caller's (GUI) thread. Every other serving thread gets a queued call that
    // waits for it: whatever a thread serves after this call is answered by the new pipeline, as with one thread.
    auto promise = std::make_shared<std::promise<std::shared_ptr<const MockPipeline>>>();
    m_pipeline = promise->get_future().share();
    MockServer* first = m_workers.front().server;
    QMetaObject::invokeMethod(
        first,
        [first, promise, definition = m_definition, config = m_config, forced = m_forced, state = m_state,
            scenarios = m_scenarios, generation = m_generation] {
            std::shared_ptr<const MockPipeline> pipeline;
            try {
                if (definition)
                    pipeline =
                        std::make_shared<const MockPipeline>(definition, config, forced, state, scenarios, generation);
            } catch (...) {
                pipeline = nullptr; // e.g. out of memory: answer "no definition" rather than die
            }
            first->setPipeline(pipeline);
            promise->set_value(pipeline);
        },
        Qt::QueuedConnection);
    for (size_t i = 1; i < m_workers.size(); ++i) {
        MockServer* server = m_workers[i].server;
        QMetaObject::invokeMethod(
            server, [server, pipeline = m_pipeline] { server->setPipeline(pipeline.get()); }, Qt::QueuedConnection);
    }
}

DefinitionPtr MockService::definition() const
{
    return m_definition;
}

MockConfig MockService::config() const
{
    return m_config;
}

std::shared_ptr<ForcedResponseStore> MockService::forcedResponses() const
{
    return m_forced;
}

std::shared_ptr<StateStore> MockService::state() const
{
    return m_state;
}

std::shared_ptr<ScenarioStore> MockService::scenarios() const
{
    return m_scenarios;
}

std::shared_ptr<GenerationControl> MockService::generationControl() const
{
    return m_generation;
}

void MockService::setLimits(const ServerLimits& limits)
{
    m_limits = limits;
    onEveryServer([limits](MockServer* server) { server->setLimits(limits); }, Qt::BlockingQueuedConnection);
}

ServerLimits MockService::limits() const
{
    return m_limits;
}

void MockService::setRequestHookForTesting(std::function<void(const HttpRequest&)> hook)
{
    m_hook = hook;
    onEveryServer([hook](MockServer* server) { server->setRequestHook(hook); }, Qt::BlockingQueuedConnection);
}

void MockService::setProxy(const ProxySettings& settings)
{
    m_proxy = settings;
    onEveryServer([settings](MockServer* server) { server->setProxy(settings); }, Qt::BlockingQueuedConnection);
}

void MockService::setRecorder(std::shared_ptr<ResponseRecorder> recorder)
{
    m_recorder = recorder;
    onEveryServer([recorder](MockServer* server) { server->setRecorder(recorder); }, Qt::BlockingQueuedConnection);
}

ProxySettings MockService::proxy() const
{
    return m_proxy;
}

void MockService::setThreads(int threads)
{
    m_threads = std::max(0, threads);
}

int MockService::threads() const
{
    return m_threads;
}

int MockService::servingThreads() const
{
    if (!MockServer::canSharePort())
        return 1;
    return m_threads > 0 ? std::min(m_threads, kMaxThreads) : std::clamp(QThread::idealThreadCount(), 1, kMaxThreads);
}

int MockService::listeningThreads() const
{
    return isRunning() ? m_listening : 0;
}

StartResult MockService::start(const QHostAddress& host, quint16 port)
{
    if (isRunning())
        stop();
    StartResult result;
    if (m_config.off) {
        result.error = StartError::ConfigOff;
        result.message = tr("The mock server is turned off by %1 (mockServer.off: true)")
                             .arg(m_config.sourceFile.isEmpty() ? tr("the configuration") : m_config.sourceFile);
        return result;
    }
    if (!m_definition) {
        result.error = StartError::Other;
        result.message = tr("No definition is loaded");
        return result;
    }
    const int count = servingThreads();
    ensureServers(count);
    const bool shared = count > 1;
    const auto fail = [&](const QString& reason, QAbstractSocket::SocketError socketError, quint16 shownPort) {
        stopListeners();
        result.error = StartResult::fromSocketError(socketError);
        result.message = tr("Cannot listen on %1:%2: %3").arg(host.toString()).arg(shownPort).arg(reason);
        return result;
    };
    if (shared && port != 0) {
        // Sockets bound with SO_REUSEPORT share a port with any other such socket of this user: a plain bind first
        // tells a port that is taken (by another mock, too) from a free one.
        QTcpServer probe;
        if (!probe.listen(host, port))
            return fail(probe.errorString(), probe.serverError(), port);
    }
    const bool tls = !m_tls.isNull();
    const bool tlsOnly = tls && m_tlsPortWanted < 0;
    if (tls) {
        const QSslConfiguration configuration = m_tls.serverConfiguration();
        onEveryServer([configuration](MockServer* server) { server->setTlsConfiguration(configuration); },
            Qt::BlockingQueuedConnection);
    }
    // Every serving thread listens on `wanted` (the first one picks the port when it is 0), with TLS or without.
    QString reason;
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    quint16 failedPort = 0;
    const auto listenAll = [&](quint16 wanted, bool withTls) -> quint16 {
        quint16 bound = wanted;
        for (int i = 0; i < count; ++i) {
            quint16 got = 0;
            MockServer* server = m_workers[static_cast<size_t>(i)].server;
            QMetaObject::invokeMethod(
                server, [&] { got = server->listenOn(host, bound, &reason, &socketError, shared, withTls); },
                Qt::BlockingQueuedConnection);
            if (got == 0) {
                failedPort = bound;
                return 0;
            }
            bound = got;
            m_listening = std::max(m_listening, i + 1);
        }
        return bound;
    };
    m_listening = 0;
    const quint16 bound = listenAll(port, tlsOnly);
    if (bound == 0)
        return fail(reason, socketError, failedPort);
    m_tlsPort = tlsOnly ? bound : 0;
    if (tls && !tlsOnly) {
        // HTTPS on a second port, served by the same threads.
        const quint16 tlsWanted = quint16(m_tlsPortWanted);
        if (shared && tlsWanted != 0) {
            QTcpServer probe;
            if (!probe.listen(host, tlsWanted))
                return fail(probe.errorString(), probe.serverError(), tlsWanted);
        }
        m_tlsPort = listenAll(tlsWanted, true);
        if (m_tlsPort == 0)
            return fail(reason, socketError, failedPort);
    }
    m_host = host;
    m_port = bound;
    result.port = bound;
    emit started(url());
    return result;
}

void MockService::stopListeners()
{
    for (int i = 0; i < m_listening; ++i) {
        MockServer* server = m_workers[static_cast<size_t>(i)].server;
        QMetaObject::invokeMethod(
            server, [server] { server->stopListening(); }, Qt::BlockingQueuedConnection);
    }
    m_listening = 0;
}

void MockService::stop()
{
    if (!isRunning())
        return;
    stopListeners();
    m_port = 0;
    m_tlsPort = 0;
    emit stopped();
}

bool MockService::isRunning() const
{
    return m_port != 0;
}

quint16 MockService::port() const
{
    return m_port;
}

QHostAddress MockService::host() const
{
    return m_host;
}

void MockService::setTls(const TlsIdentity& identity, int tlsPort)
{
    m_tls = identity;
    m_tlsPortWanted = tlsPort;
}

const TlsIdentity& MockService::tlsIdentity() const
{
    return m_tls;
}

quint16 MockService::tlsPort() const
{
    return m_tlsPort;
}

QUrl MockService::httpsUrl() const
{
    if (!isRunning() || m_tlsPort == 0)
        return {};
    QUrl u = url();
    u.setScheme(QStringLiteral("https"));
    u.setPort(m_tlsPort);
    return u;
}

QUrl MockService::url() const
{
    if (!isRunning())
        return {};
    QUrl u;
    u.setScheme(m_tlsPort == m_port ? QStringLiteral("https") : QStringLiteral("http"));
    QHostAddress shown = m_host;
    if (m_host == QHostAddress::Any || m_host == QHostAddress::AnyIPv4)
        shown = QHostAddress::LocalHost;
    else if (m_host == QHostAddress::AnyIPv6)
        shown = QHostAddress::LocalHostIPv6;
    u.setHost(shown.toString());
    u.setPort(m_port);
    return u;
}

int MockService::answersInFlight()
{
    return MockServer::answersInFlight();
}

quint16 MockService::findFreePort(const QHostAddress& host, quint16 preferred)
{
    for (int candidate = preferred; candidate > 0 && candidate < preferred + 100 && candidate <= 65535; ++candidate) {
        QTcpServer probe;
        if (probe.listen(host, static_cast<quint16>(candidate)))
            return static_cast<quint16>(candidate);
    }
    QTcpServer probe;
    if (probe.listen(host, 0))
        return probe.serverPort();
    return 0;
}
