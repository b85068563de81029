// SPDX-License-Identifier: MIT
#include "core/proxy/proxystage.h"

#include "core/proxy/upstreammapping.h"

ProxyPlan ProxyStage::plan(const Router& router, const RequestValidator& validator, const Definition& definition,
    const ProxySettings& settings, const HttpRequest& request)
{
    ProxyPlan plan;
    plan.target = UpstreamMapping::target(settings.upstream, definition.basePath(), request.path, request.query);
    plan.headers = UpstreamMapping::forwardedRequestHeaders(request.headers);
    const RouteResult route = router.match(request.method, request.path);
    if (!route.ok()) {
        plan.operationKey = QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
        plan.trace.append(
            QStringLiteral("Not in the definition (%1): forwarded to the upstream as it is.")
                .arg(route.problem.title.isEmpty() ? QString::number(route.problem.status) : route.problem.title));
    } else {
        plan.operation = route.match->operation;
        plan.operationKey = plan.operation->method + QLatin1Char(' ') + plan.operation->path;
        plan.trace.append(route.match->trace);
        const RequestVerdict verdict = validator.validate(*plan.operation, request, route.match->pathParameters);
        plan.trace.append(verdict.trace);
        if (!verdict.ok()) {
            plan.invalid = true;
            plan.requestErrors = verdict.errors;
            plan.reject = settings.rejectInvalid;
            plan.trace.append(plan.reject
                    ? QStringLiteral("The request breaks the definition; it is answered here, not forwarded "
                                     "(--proxy-reject-invalid).")
                    : QStringLiteral("The request breaks the definition; it is forwarded all the same."));
        }
    }
    if (!plan.reject)
        plan.trace.append(QStringLiteral("Forwarded to %1.").arg(plan.target.toString(QUrl::RemoveUserInfo)));
    return plan;
}

QString ProxyStage::fallbackReason(
    const ProxySettings& settings, const ProxyPlan& plan, int status, const QString& networkError)
{
    if (!settings.fallback() || !plan.operation)
        return {}; // without an operation the mock has nothing better than the upstream's answer
    if (status == 0)
        return QStringLiteral("The upstream could not be reached (%1); the mock answers instead.")
            .arg(networkError.isEmpty() ? QStringLiteral("no answer") : networkError);
    if (status == 501)
        return QStringLiteral("The upstream answered 501 (not implemented); the mock answers instead.");
    if (status == 404 && !plan.operation->response(QStringLiteral("404")))
        return QStringLiteral("The upstream answered 404 for %1, which defines no 404 (the route is not built "
                              "yet); the mock answers instead.")
            .arg(plan.operation->id);
    return {};
}
