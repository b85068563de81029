// SPDX-License-Identifier: MIT
#include "core/engine/mockserver.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMutex>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QThread>
#include <QThreadPool>

#include "core/engine/gatedtcpserver.h"
#include "core/state/stateadmin.h"

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {
QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    default:
        // QtHttpServer 6.4 reports TRACE and custom verbs as Unknown without their text.
        return QByteArrayLiteral("UNKNOWN");
    }
}

std::atomic<int> g_inFlight { 0 };
constexpr qint64 inlineBelowUs = 5000; // answers that took less than this last time are made on the serving thread
constexpr qsizetype inlineBodyBytes = 64 * 1024;
constexpr int costEntries = 4096;
} // namespace

struct MockServer::Sink
{
    QMutex mutex;
    MockServer* server = nullptr;
};

MockServer::MockServer(QObject* parent)
    : QAbstractHttpServer(parent)
    , m_pool(new QThreadPool)
    , m_sink(std::make_shared<Sink>())
    , m_logTimer(new QTimer(this))
{
    m_sink->server = this;
    // Never fewer than 4 workers: a few slow generations must not queue up every other new request.
    m_pool->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
    m_pool->setObjectName(QStringLiteral("understudy-answers"));
    m_logTimer->setSingleShot(true);
    m_logTimer->setInterval(5);
    connect(m_logTimer, &QTimer::timeout, this, &MockServer::flushLog);
}

void MockServer::flushLog()
{
    if (m_pendingLog.isEmpty())
        return;
    emit requestsLogged(m_pendingLog);
    m_pendingLog.clear();
}

MockServer::~MockServer()
{
    {
        QMutexLocker lock(&m_sink->mutex);
        m_sink->server = nullptr;
    }
    m_pool->clear();
    // A generation cannot be interrupted. If one is still running, its thread is left to finish (or to end with
    // the process): waiting here would keep SIGTERM or closing the window from taking effect.
    if (m_pool->waitForDone(100))
        delete m_pool;
}

int MockServer::answersInFlight()
{
    return g_inFlight.load();
}

void MockServer::setPipeline(std::shared_ptr<const MockPipeline> pipeline)
{
    m_pipeline = std::move(pipeline);
    m_cost.clear(); // a new pipeline starts with cold caches
}

GatedSocket::ConfigPtr MockServer::configFor(const QHostAddress& host, bool tls) const
{
    auto config = std::make_shared<GatedSocket::Config>();
    config->tls = tls;
    if (tls)
        config->tlsConfiguration = m_tlsConfiguration;
    config->limits = m_limits.clamped();
    config->framing = m_limits.framing();
    const bool any = host == QHostAddress(QHostAddress::Any) || host == QHostAddress(QHostAddress::AnyIPv4)
        || host == QHostAddress(QHostAddress::AnyIPv6);
    config->hosts =
        HostPolicy(host, m_limits.allowedHosts, any ? QNetworkInterface::allAddresses() : QList<QHostAddress>());
    // The connections live on this server's thread and die with its listeners, which it owns.
    config->serve = [server = QPointer<MockServer>(const_cast<MockServer*>(this))](
                        QTcpSocket* socket, HttpRequest&& request) {
        if (server)
            server->serve(socket, std::move(request));
        else
            socket->abort();
    };
    return config;
}

void MockServer::setLimits(const ServerLimits& limits)
{
    m_limits = limits;
    for (auto it = m_listeners.cbegin(); it != m_listeners.cend(); ++it)
        it.key()->setConfig(configFor(it.value(), m_tlsListeners.contains(it.key())));
}

namespace {

#ifdef Q_OS_LINUX
QAbstractSocket::SocketError socketErrorOf(int error)
{
    switch (error) {
    case EADDRINUSE:
        return QAbstractSocket::AddressInUseError;
    case EACCES:
    case EPERM:
        return QAbstractSocket::SocketAccessError;
    case EADDRNOTAVAIL:
        return QAbstractSocket::SocketAddressNotAvailableError;
    default:
        return QAbstractSocket::UnknownSocketError;
    }
}

// A listening socket bound with SO_REUSEPORT (and SO_REUSEADDR, as QTcpServer does); -1 with `error` set.
int sharedListeningSocket(const QHostAddress& host, quint16 port, int* error)
{
    const bool any = host == QHostAddress(QHostAddress::Any);
    const bool v6 = any || host.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = errno;
        return -1;
    }
    const int on = 1;
    const int off = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on);
    int bound = -1;
    if (v6) {
        if (any)
            ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
        sockaddr_in6 a {};
        a.sin6_family = AF_INET6;
        a.sin6_port = htons(port);
        if (!any) {
            const Q_IPV6ADDR ip = host.toIPv6Address();
            std::memcpy(&a.sin6_addr, &ip, sizeof ip);
            a.sin6_scope_id = host.scopeId().toUInt();
        } else {
            a.sin6_addr = in6addr_any;
        }
        bound = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    } else {
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr =
            host == QHostAddress(QHostAddress::AnyIPv4) ? htonl(INADDR_ANY) : htonl(host.toIPv4Address());
        bound = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    }
    if (bound != 0 || ::listen(fd, SOMAXCONN) != 0) {
        *error = errno;
        ::close(fd);
        return -1;
    }
    return fd;
}
#endif

} // namespace

bool MockServer::canSharePort()
{
#ifdef Q_OS_LINUX
    return true;
#else
    return false;
#endif
}

quint16 MockServer::listenOn(const QHostAddress& host, quint16 port, QString* error,
    QAbstractSocket::SocketError* socketError, bool sharedPort, bool tls)
{
    auto* tcp = new GatedTcpServer(configFor(host, tls), m_openCount, this);
    bool listening = false;
#ifdef Q_OS_LINUX
    if (sharedPort) {
        int errorNumber = 0;
        const int fd = sharedListeningSocket(host, port, &errorNumber);
        if (fd < 0) {
            if (error)
                *error = QString::fromLocal8Bit(std::strerror(errorNumber));
            if (socketError)
                *socketError = socketErrorOf(errorNumber);
            delete tcp;
            return 0;
        }
        listening = tcp->setSocketDescriptor(fd);
        if (!listening)
            ::close(fd);
    } else {
        listening = tcp->listen(host, port);
    }
#else
    Q_UNUSED(sharedPort);
    listening = tcp->listen(host, port);
#endif
    if (!listening) {
        if (error)
            *error = tcp->errorString();
        if (socketError)
            *socketError = tcp->serverError();
        delete tcp;
        return 0;
    }
    m_listeners.insert(tcp, host);
    if (tls)
        m_tlsListeners.insert(tcp);
    connect(tcp, &QObject::destroyed, this, [this, tcp] {
        m_listeners.remove(tcp);
        m_tlsListeners.remove(tcp);
    });
    bind(tcp);
    return tcp->serverPort();
}

void MockServer::stopListening()
{
    // Open keep-alive sockets are children of their QTcpServer: deleting it drops them too.
    const QList<QTcpServer*> servers = this->servers();
    qDeleteAll(servers);
}

HttpRequest MockServer::toHttpRequest(const QHttpServerRequest& request)
{
    HttpRequest r;
    r.method = methodName(request.method());
    const QUrl& url = request.url();
    r.path = url.path(QUrl::FullyEncoded);
    if (r.path.isEmpty())
        r.path = QStringLiteral("/");
    r.query = url.query(QUrl::FullyEncoded).toUtf8();
    r.headers = request.headers();
    r.body = request.body();
    r.remoteAddress = request.remoteAddress().toString();
    return r;
}

namespace {

// The pipeline's answer, or a problem when no definition is loaded (inline and on the pool alike).
MockResult answer(const MockPipeline* pipeline, const HttpRequest& request)
{
    if (pipeline)
        return pipeline->handle(request);
    MockResult result;
    result.response = Problem::mockOff(QStringLiteral("No definition is loaded")).toResponse();
    return result;
}

} // namespace

bool MockServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    GatedConnection* gated = GatedConnection::of(socket);
    if (!gated || !gated->awaitingResponse()) {
        // Every connection comes through GatedTcpServer; anything else is dropped rather than served unchecked.
        socket->abort();
        return true;
    }
    HttpRequest httpRequest = toHttpRequest(request);
    const RequestHead& head = gated->currentHead();
    httpRequest.httpVersion = head.minorVersion == 0 ? QByteArrayLiteral("1.0") : QByteArrayLiteral("1.1");
    // QtHttpServer reports TRACE and custom verbs as Unknown; the gate read the real method.
    if (httpRequest.method == "UNKNOWN" && !head.method.isEmpty())
        httpRequest.method = head.method;
    serve(socket, std::move(httpRequest));
    return true;
}

void MockServer::serve(QTcpSocket* socket, HttpRequest httpRequest)
{
    const QDateTime arrived = QDateTime::currentDateTimeUtc();
    if (m_proxy.active() && m_pipeline && !StateAdmin::isAdminPath(httpRequest.path)) {
        proxyRequest(socket, std::move(httpRequest), arrived);
        return;
    }
    const QByteArray costKey = httpRequest.method + ' ' + httpRequest.path.toUtf8();
    const auto cost = m_cost.constFind(costKey);
    const bool cheap =
        !m_hook && cost != m_cost.cend() && cost.value() < inlineBelowUs && httpRequest.body.size() <= inlineBodyBytes;
    if (cheap) {
        QElapsedTimer timer;
        timer.start();
        MockResult result = answer(m_pipeline.get(), httpRequest);
        finish(socket, httpRequest, std::move(result), arrived, timer.nsecsElapsed() / 1000);
        return;
    }

    // Off the serving thread: the answer comes back through the sink, in a queued call, and is written there. The
    // connection hands Qt no further request until then, so answers stay in order.
    ++g_inFlight;
    m_pool->start([sink = m_sink, pipeline = m_pipeline, hook = m_hook, request = std::move(httpRequest),
                      socket = QPointer<QTcpSocket>(socket), arrived]() mutable {
        QElapsedTimer timer;
        timer.start();
        if (hook)
            hook(request);
        MockResult result = answer(pipeline.get(), request);
        const qint64 us = timer.nsecsElapsed() / 1000;
        --g_inFlight;
        QMutexLocker lock(&sink->mutex);
        if (!sink->server)
            return;
        MockServer* server = sink->server;
        QMetaObject::invokeMethod(
            server,
            [server, socket = std::move(socket), request = std::move(request), result = std::move(result), arrived,
                us]() mutable { server->finish(socket, request, std::move(result), arrived, us); },
            Qt::QueuedConnection);
    });
}

void MockServer::finish(const QPointer<QTcpSocket>& socket, const HttpRequest& httpRequest, MockResult result,
    const QDateTime& arrived, qint64 durationUs)
{
    if (m_cost.size() > costEntries)
        m_cost.clear();
    m_cost.insert(httpRequest.method + ' ' + httpRequest.path.toUtf8(), durationUs);
    if (!socket)
        return; // the client went away while its answer was made

    HttpResponse& response = result.response;
    const bool isHead = httpRequest.method == "HEAD";
    if (!HttpResponse::statusAllowsBody(response.status))
        response.body.clear();
    else
        response.setHeader(QByteArrayLiteral("Content-Length"), response.contentLength(isHead));
    response.ensureDate(); // here rather than only on the wire, so the log shows it too

    RequestLogEntry entry;
    entry.id = m_nextId++;
    entry.time = arrived;
    entry.method = httpRequest.method;
    entry.path = httpRequest.path;
    entry.query = httpRequest.query;
    entry.requestHeaders = httpRequest.headers;
    entry.remoteAddress = httpRequest.remoteAddress;
    entry.operationId = result.operationId;
    entry.operationPath = result.operationPath;
    entry.status = response.status;
    entry.responseHeaders = response.headers;
    if (!response.chunks.isEmpty() && !isHead && httpRequest.httpVersion != "1.0"
        && HttpResponse::statusAllowsBody(response.status)) {
        // Logged as sent: GatedSocket streams the chunks (see sendResponse).
        HttpResponse sent;
        sent.headers = response.headers;
        sent.removeHeader(QByteArrayLiteral("Content-Length"));
        sent.setHeader(QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked"));
        entry.responseHeaders = sent.headers;
    }
    if (m_logBodies) {
        entry.requestBody = httpRequest.body;
        if (!isHead)
            entry.responseBody = response.body;
    }
    entry.trace = result.trace;
    entry.validationErrors = result.validationErrors;
    entry.forced = result.forced;
    entry.invalid = result.invalid;
    entry.exampleName = result.exampleName;
    entry.durationUs = durationUs;
    entry.delayMs = result.delayMs;
    entry.scenarioRule = result.scenarioRule;
    entry.fault = result.fault.kindName();
    entry.drift = result.drift;
    entry.answeredBy = result.answeredBy;

    std::shared_ptr<const CallbackTrigger> trigger =
        result.fault.kind == FaultSpec::Kind::None ? callbackTrigger(socket, httpRequest, result) : nullptr;
    const qint64 waitMs = result.delayMs - durationUs / 1000;
    if (waitMs <= 0) {
        deliver(socket, std::move(response), isHead, result.fault.kind, std::move(entry), std::move(trigger));
        return;
    }
    // Latency never holds up other requests: a timer on this (the serving) thread sends the answer later, and the
    // connection reads no further request meanwhile.
    QTimer::singleShot(int(waitMs), Qt::PreciseTimer, this,
        [this, socket, response = std::move(response), isHead, kind = result.fault.kind, entry = std::move(entry),
            trigger = std::move(trigger)]() mutable {
            deliver(socket, std::move(response), isHead, kind, std::move(entry), std::move(trigger));
        });
}

void MockServer::deliver(const QPointer<QTcpSocket>& socket, HttpResponse response, bool isHead, FaultSpec::Kind fault,
    RequestLogEntry entry, std::shared_ptr<const CallbackTrigger> trigger)
{
    if (!socket) {
        entry.trace.append(QStringLiteral("The client closed the connection before the delayed answer was sent."));
    } else if (fault != FaultSpec::Kind::None && fault != FaultSpec::Kind::Status) {
        GatedConnection::of(socket)->sendFault(fault, response, isHead);
    } else {
        GatedConnection::of(socket)->sendResponse(std::move(response), isHead);
        if (trigger) {
            // The answer goes to the kernel first: callbacks never hold it up.
            socket->flush();
            fireCallbacks(*trigger, std::move(entry));
            return;
        }
    }
    logEntry(std::move(entry));
}

void MockServer::logEntry(RequestLogEntry entry)
{
    m_pendingLog.append(std::move(entry));
    if (!m_logTimer->isActive())
        m_logTimer->start();
}

void MockServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // handleRequest always answers; this is only reached if that ever changes.
    auto responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}
