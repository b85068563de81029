// SPDX-License-Identifier: MIT
#include "core/engine/mockpipeline.h"

#include <QJsonDocument>

MockPipeline::MockPipeline(DefinitionPtr definition, MockConfig config, std::shared_ptr<ForcedResponseStore> forced)
    : m_definition(std::move(definition))
    , m_config(std::move(config))
    , m_forced(forced ? std::move(forced) : std::make_shared<ForcedResponseStore>())
    , m_router(m_definition)
{
}

MockResult MockPipeline::handle(const HttpRequest& request) const
{
    MockResult result;
    const RouteResult route = m_router.match(request.method, request.path);
    if (!route.ok()) {
        result.trace.append(route.problem.detail + QLatin1Char('.'));
        result.response = route.problem.toResponse();
        return result;
    }
    const Operation& op = *route.match->operation;
    result.operationId = op.id;
    result.operationPath = op.path;
    result.trace.append(route.match->trace);

    const Response* chosen = nullptr;
    for (const Response& r : op.responses) {
        const int s = r.status();
        if (s >= 200 && s < 300 && (!chosen || s < chosen->status()))
            chosen = &r;
    }
    if (!chosen) {
        const Problem p = Problem::noResponseDefined(op.id);
        result.response = p.toResponse();
        result.trace.append(p.detail + QLatin1Char('.'));
        return result;
    }
    result.response.status = chosen->status();
    result.trace.append(QStringLiteral("Chose %1, the lowest 2xx response.").arg(chosen->code));
    if (!chosen->content.isEmpty()) {
        const MediaType& media = chosen->content.first();
        QJsonValue body;
        if (!media.examples.isEmpty() && media.examples.first().hasValue) {
            body = media.examples.first().value;
            result.exampleName = media.examples.first().name;
        } else if (media.hasExample) {
            body = media.example;
        }
        result.response.setHeader("Content-Type", media.name.toUtf8());
        if (body.isString())
            result.response.body = body.toString().toUtf8();
        else if (!body.isUndefined())
            result.response.body = QJsonDocument::fromVariant(body.toVariant()).toJson(QJsonDocument::Compact);
    }
    return result;
}
