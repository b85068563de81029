// SPDX-License-Identifier: MIT
// MockServer's proxy mode: the request is checked, forwarded without blocking the serving thread, and the
// upstream's answer (or the mock's, in fallback mode) is finished like any other answer.
#include <QElapsedTimer>

#include "core/engine/mockserver.h"
#include "core/proxy/proxystage.h"
#include "core/proxy/responsedrift.h"
#include "core/proxy/responserecorder.h"
#include "core/proxy/upstreamclient.h"
#include "core/proxy/upstreammapping.h"

namespace {

MockResult fromUpstream(const ProxyPlan& plan, const UpstreamReply& reply)
{
    MockResult result;
    result.answeredBy = QStringLiteral("upstream");
    result.response.status = reply.status;
    result.response.headers = UpstreamMapping::returnedResponseHeaders(reply.headers);
    result.response.body = reply.body;
    result.trace = plan.trace;
    result.trace.append(QStringLiteral("The upstream answered %1 in %2 ms.")
                            .arg(reply.status)
                            .arg(double(reply.elapsedUs) / 1000.0, 0, 'f', 1));
    return result;
}

MockResult upstreamFailed(const ProxyPlan& plan, const UpstreamReply& reply)
{
    MockResult result;
    result.answeredBy = QStringLiteral("proxy");
    const Problem problem = reply.timedOut
        ? Problem::make(504, QStringLiteral("upstream-timeout"), QStringLiteral("Upstream timeout"),
            QStringLiteral("The upstream %1 sent no answer in time: %2").arg(plan.target.host(), reply.error))
        : Problem::make(502, QStringLiteral("upstream-unreachable"), QStringLiteral("Upstream unreachable"),
            QStringLiteral("The upstream %1 could not be reached: %2").arg(plan.target.host(), reply.error));
    result.response = problem.toResponse();
    result.trace = plan.trace;
    result.trace.append(problem.detail + QLatin1Char('.'));
    return result;
}

} // namespace

void MockServer::proxyRequest(QTcpSocket* socket, HttpRequest request, const QDateTime& arrived)
{
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<const MockPipeline> pipeline = m_pipeline;
    ProxyPlan plan =
        ProxyStage::plan(pipeline->router(), pipeline->validator(), pipeline->definition(), m_proxy, request);
    const auto withPlan = [](const ProxyPlan& plan, MockResult result) {
        result.operationId = plan.operation ? plan.operation->id : QString();
        result.operationPath = plan.operation ? plan.operation->path : QString();
        result.validationErrors = plan.requestErrors;
        result.invalid = plan.invalid;
        return result;
    };
    if (plan.reject) {
        MockResult result = pipeline->handle(request);
        result.trace = plan.trace + result.trace;
        result.answeredBy = QStringLiteral("mock");
        finish(socket, request, withPlan(plan, std::move(result)), arrived, timer.nsecsElapsed() / 1000);
        return;
    }
    if (!m_upstream)
        m_upstream = new UpstreamClient(this);
    const QByteArray method = request.method;
    const QUrl target = plan.target;
    const HeaderList headers = plan.headers;
    const QByteArray body = request.body;
    const ProxySettings settings = m_proxy;
    std::shared_ptr<ResponseRecorder> recorder = m_recorder;
    m_upstream->send(method, target, headers, body, settings.timeoutMs, settings.maxBodyBytes, this,
        [this, socket = QPointer<QTcpSocket>(socket), request = std::move(request), plan = std::move(plan), pipeline,
            settings, recorder, arrived, timer, withPlan](UpstreamReply reply) {
            const QString why = ProxyStage::fallbackReason(settings, plan, reply.status, reply.error);
            MockResult result;
            if (!why.isEmpty()) {
                result = pipeline->handle(request);
                result.trace = plan.trace + QStringList { why } + result.trace;
                result.answeredBy = QStringLiteral("mock");
            } else if (!reply.answered()) {
                result = upstreamFailed(plan, reply);
            } else {
                result = fromUpstream(plan, reply);
                const DriftResult drift = ResponseDrift::check(pipeline->definition(), plan.operation,
                    { reply.status, reply.headers, reply.body, request.method == "HEAD" });
                result.drift = drift.errors;
                result.trace.append(drift.trace);
                if (recorder && plan.operation)
                    result.trace.append(recorder->record(pipeline->definition(), *plan.operation,
                        { request.method,
                            request.query.isEmpty()
                                ? request.path
                                : request.path + QLatin1Char('?') + QString::fromUtf8(request.query),
                            reply.status, reply.headers, reply.body }));
            }
            finish(socket, request, withPlan(plan, std::move(result)), arrived, timer.nsecsElapsed() / 1000);
        });
}
