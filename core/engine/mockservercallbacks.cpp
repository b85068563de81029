// SPDX-License-Identifier: MIT
// MockServer's callbacks: once an answer is written, the operation's callbacks are planned, logged and sent without
// blocking the serving thread; each outgoing call becomes a log entry of its own.
#include <QSslSocket>

#include "core/callbacks/callbackdispatcher.h"
#include "core/callbacks/callbackplanner.h"
#include "core/engine/mockserver.h"

struct MockServer::CallbackTrigger
{
    std::shared_ptr<const MockPipeline> pipeline;
    const Operation* operation = nullptr; // owned by the pipeline's definition
    HttpRequest request;
    HttpResponse response;
    QString url; // the request's full URL ($url)
};

std::shared_ptr<const MockServer::CallbackTrigger> MockServer::callbackTrigger(
    const QPointer<QTcpSocket>& socket, const HttpRequest& request, const MockResult& result) const
{
    if (!socket || !m_pipeline || m_proxy.active() || result.operationId.isEmpty())
        return nullptr;
    const Operation* operation = m_pipeline->definition().operation(result.operationId);
    if (!operation || operation->callbacks.isEmpty())
        return nullptr;
    auto trigger = std::make_shared<CallbackTrigger>();
    trigger->pipeline = m_pipeline;
    trigger->operation = operation;
    trigger->request = request;
    trigger->response = result.response;
    trigger->response.chunks.clear();
    const bool tls = qobject_cast<QSslSocket*>(socket.data()) != nullptr;
    QString authority = QString::fromLatin1(request.header("Host"));
    if (authority.isEmpty()) {
        const QHostAddress local = socket->localAddress();
        const QString address = local.protocol() == QAbstractSocket::IPv6Protocol
            ? QLatin1Char('[') + local.toString() + QLatin1Char(']')
            : local.toString();
        authority = QStringLiteral("%1:%2").arg(address).arg(socket->localPort());
    }
    trigger->url = (tls ? QStringLiteral("https://") : QStringLiteral("http://")) + authority + request.path
        + (request.query.isEmpty() ? QString() : QLatin1Char('?') + QString::fromUtf8(request.query));
    return trigger;
}

void MockServer::fireCallbacks(const CallbackTrigger& trigger, RequestLogEntry entry)
{
    const RouteResult route = trigger.pipeline->router().match(trigger.request.method, trigger.request.path);
    RuntimeContext context;
    context.url = trigger.url;
    context.request = &trigger.request;
    context.response = &trigger.response;
    if (route.ok())
        context.pathParameters = route.match->pathParameters;
    CallbackPlan plan = CallbackPlanner::plan(trigger.pipeline->definition(), *trigger.operation, context,
        CallbackAllowList(m_limits.callbackHosts), trigger.pipeline->generationSeed());
    if (!m_callbacks) {
        m_callbacks = new CallbackDispatcher(this);
        m_callbacks->setOnFinished([this](const CallbackOutcome& outcome) { logCallback(outcome, false); });
    }
    m_callbacks->setTimeoutMs(m_limits.callbackTimeoutMs);
    entry.trace.append(plan.trace);
    QList<CallbackCall> refused;
    for (CallbackCall& call : plan.calls) {
        if (!call.refusal.isEmpty()) {
            refused.append(std::move(call));
            continue;
        }
        const QString name = call.name;
        if (!m_callbacks->enqueue(std::move(call)))
            entry.trace.append(
                QStringLiteral("Callback %1 dropped: %2 callbacks are already waiting (%3 dropped so far).")
                    .arg(name)
                    .arg(m_callbacks->queued())
                    .arg(m_callbacks->dropped()));
    }
    logEntry(std::move(entry));
    for (CallbackCall& call : refused) {
        UpstreamReply none;
        none.error = call.refusal;
        logCallback(CallbackOutcome { std::move(call), std::move(none), QDateTime::currentDateTimeUtc() }, true);
    }
}

void MockServer::logCallback(const CallbackOutcome& outcome, bool refused)
{
    const CallbackCall& call = outcome.call;
    const UpstreamReply& reply = outcome.reply;
    RequestLogEntry entry;
    entry.kind = RequestLogEntry::Kind::Callback;
    entry.id = m_nextId++;
    entry.time = outcome.sent.toLocalTime(); // as requests: local time
    entry.method = call.method;
    entry.path = call.url.path(QUrl::FullyEncoded);
    if (entry.path.isEmpty())
        entry.path = QStringLiteral("/");
    entry.query = call.url.query(QUrl::FullyEncoded).toUtf8();
    entry.requestHeaders = call.headers;
    entry.remoteAddress = call.url.host();
    entry.operationId = call.operationId;
    entry.callbackName = call.name;
    entry.target = call.url.toString(QUrl::FullyEncoded);
    entry.callbackRefused = refused;
    entry.callbackError = refused ? call.refusal : reply.error;
    entry.status = reply.status;
    entry.responseHeaders = reply.headers;
    entry.durationUs = reply.elapsedUs;
    if (m_logBodies) {
        entry.requestBody = call.body;
        entry.responseBody = reply.body;
    }
    entry.trace = call.trace;
    if (reply.answered())
        entry.trace.append(
            QStringLiteral("The receiver answered %1 in %2 ms%3.")
                .arg(reply.status)
                .arg(double(reply.elapsedUs) / 1000.0, 0, 'f', 1)
                .arg(reply.status >= 200 && reply.status < 300 ? QString() : QStringLiteral(" (not a 2xx)")));
    else if (!refused)
        entry.trace.append(QStringLiteral("No answer: %1.").arg(reply.error));
    logEntry(std::move(entry));
}
