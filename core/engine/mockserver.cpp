// SPDX-License-Identifier: MIT
#include "core/engine/mockserver.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>

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
} // namespace

MockServer::MockServer(QObject* parent)
    : QAbstractHttpServer(parent)
    , m_logTimer(new QTimer(this))
{
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

MockServer::~MockServer() = default;

void MockServer::setPipeline(std::shared_ptr<const MockPipeline> pipeline)
{
    m_pipeline = std::move(pipeline);
}

quint16 MockServer::listenOn(
    const QHostAddress& host, quint16 port, QString* error, QAbstractSocket::SocketError* socketError)
{
    auto* tcp = new QTcpServer(this);
    if (!tcp->listen(host, port)) {
        if (error)
            *error = tcp->errorString();
        if (socketError)
            *socketError = tcp->serverError();
        delete tcp;
        return 0;
    }
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

bool MockServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QElapsedTimer timer;
    timer.start();
    // Responses go out as soon as they are written (no Nagle delay for pipelined or small answers).
    if (!socket->property("understudyLowDelay").toBool()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket->setProperty("understudyLowDelay", true);
    }
    const QDateTime arrived = QDateTime::currentDateTimeUtc();
    const HttpRequest httpRequest = toHttpRequest(request);

    MockResult result;
    if (m_pipeline)
        result = m_pipeline->handle(httpRequest);
    else
        result.response = Problem::mockOff(QStringLiteral("No definition is loaded")).toResponse();

    HttpResponse& response = result.response;
    const bool isHead = httpRequest.method == "HEAD";
    const bool bodyAllowed = HttpResponse::statusAllowsBody(response.status);
    const bool close = httpRequest.header("Connection").toLower().contains("close");
    if (!bodyAllowed)
        response.body.clear();
    if (bodyAllowed)
        response.setHeader("Content-Length", QByteArray::number(response.body.size()));
    if (close)
        response.setHeader("Connection", "close");

    auto responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto& h : std::as_const(response.headers))
        responder.writeHeader(h.first, h.second);
    responder.writeBody(isHead ? QByteArray() : response.body);
    if (close)
        socket->disconnectFromHost();

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
    entry.durationUs = timer.nsecsElapsed() / 1000;
    m_pendingLog.append(entry);
    if (!m_logTimer->isActive())
        m_logTimer->start();
    return true;
}

void MockServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // handleRequest always answers; this is only reached if that ever changes.
    auto responder = makeResponder(request, socket);
    responder.write(QHttpServerResponder::StatusCode::NotFound);
}
