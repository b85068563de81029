// SPDX-License-Identifier: MIT
#include "core/engine/mockservice.h"

#include <QTcpServer>
#include <QThread>

#include "core/engine/mockpipeline.h"
#include "core/engine/mockserver.h"

MockService::MockService(QObject* parent)
    : QObject(parent)
    , m_forced(std::make_shared<ForcedResponseStore>())
    , m_generation(std::make_shared<GenerationControl>())
{
    qRegisterMetaType<RequestLogEntry>();
    qRegisterMetaType<QList<RequestLogEntry>>();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("understudy-mock"));
    m_thread->start();
    // Created on the mock thread so that every QTcpServer and socket it makes is born there.
    auto* context = new QObject;
    context->moveToThread(m_thread);
    QMetaObject::invokeMethod(
        context,
        [this, context] {
            m_server = new MockServer;
            delete context;
        },
        Qt::BlockingQueuedConnection);
    connect(
        m_server, &MockServer::requestsLogged, this,
        [this](const QList<RequestLogEntry>& entries) {
            for (const RequestLogEntry& entry : entries)
                emit requestHandled(entry);
        },
        Qt::QueuedConnection);
}

MockService::~MockService()
{
    MockServer* server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    m_server = nullptr;
    m_thread->quit();
    m_thread->wait();
}

void MockService::setDefinition(DefinitionPtr definition, const MockConfig& config)
{
    m_definition = std::move(definition);
    m_config = config;
    // The pipeline (router tables, validation plans; tens of milliseconds for big definitions) is built on the
    // mock thread, never on the caller's (GUI) thread, and swapped in between two requests.
    MockServer* server = m_server;
    QMetaObject::invokeMethod(
        server,
        [server, definition = m_definition, config = m_config, forced = m_forced, generation = m_generation] {
            server->setPipeline(
                definition ? std::make_shared<const MockPipeline>(definition, config, forced, generation) : nullptr);
        },
        Qt::QueuedConnection);
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

std::shared_ptr<GenerationControl> MockService::generationControl() const
{
    return m_generation;
}

void MockService::setLimits(const ServerLimits& limits)
{
    m_limits = limits;
    MockServer* server = m_server;
    QMetaObject::invokeMethod(
        server, [server, limits] { server->setLimits(limits); }, Qt::BlockingQueuedConnection);
}

ServerLimits MockService::limits() const
{
    return m_limits;
}

void MockService::setRequestHookForTesting(std::function<void(const HttpRequest&)> hook)
{
    MockServer* server = m_server;
    QMetaObject::invokeMethod(
        server, [server, hook = std::move(hook)]() mutable { server->setRequestHook(std::move(hook)); },
        Qt::BlockingQueuedConnection);
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
    quint16 bound = 0;
    QString reason;
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    MockServer* server = m_server;
    QMetaObject::invokeMethod(
        server, [&] { bound = server->listenOn(host, port, &reason, &socketError); }, Qt::BlockingQueuedConnection);
    if (bound == 0) {
        result.error = StartResult::fromSocketError(socketError);
        result.message = tr("Cannot listen on %1:%2: %3").arg(host.toString()).arg(port).arg(reason);
        return result;
    }
    m_host = host;
    m_port = bound;
    result.port = bound;
    emit started(url());
    return result;
}

void MockService::stop()
{
    if (!isRunning())
        return;
    MockServer* server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { server->stopListening(); }, Qt::BlockingQueuedConnection);
    m_port = 0;
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

QUrl MockService::url() const
{
    if (!isRunning())
        return {};
    QUrl u;
    u.setScheme(QStringLiteral("http"));
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
