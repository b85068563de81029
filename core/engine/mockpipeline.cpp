// SPDX-License-Identifier: MIT
#include "core/engine/mockpipeline.h"

#include "core/engine/cors.h"
#include "core/negotiation/contentchoice.h"
#include "core/negotiation/forcedchoice.h"
#include "core/negotiation/responsechoice.h"

namespace {

// A refusal answered with the definition's own error response: a generated body gets the real status,
// title, detail and violations wherever its schema has room for them.
QJsonObject refusalValues(const RequestVerdict& verdict, const ResponseChoice& choice)
{
    if (!choice.rejected)
        return {};
    QJsonObject problem = verdict.problem().toJson();
    problem.insert(QStringLiteral("status"), choice.status);
    return problem;
}

} // namespace

MockPipeline::MockPipeline(DefinitionPtr definition, MockConfig config, std::shared_ptr<ForcedResponseStore> forced,
    std::shared_ptr<GenerationControl> generation)
    : m_definition(std::move(definition))
    , m_config(std::move(config))
    , m_forced(forced ? std::move(forced) : std::make_shared<ForcedResponseStore>())
    , m_router(m_definition)
    , m_validator(std::make_shared<const RequestValidator>(m_definition))
    , m_body(m_definition, m_config.strictExamples, std::move(generation))
    , m_headers(m_body.builder())
{ }

MockResult MockPipeline::handle(const HttpRequest& request) const
{
    MockResult result;
    result.trace.reserve(8); // one allocation for the sentences of every stage
    const RouteResult route = m_router.match(request.method, request.path);
    if (!route.ok())
        return answerUnrouted(request, route.problem, &result);
    const Operation& op = *route.match->operation;
    result.operationId = op.id;
    result.operationPath = op.path;
    result.trace.append(route.match->trace);

    const ForcedChoice forced = ForcedChoice::resolve(op, ForcedRequest::read(request, m_forced->lookup(op.id)));
    result.trace.append(forced.trace);
    if (forced.request.error)
        return answerWithProblem(request, *forced.request.error, &result);

    const RequestVerdict verdict =
        forced.skipsValidation() ? RequestVerdict() : m_validator->validate(op, request, route.match->pathParameters);
    result.trace.append(verdict.trace);
    if (!verdict.ok()) {
        result.invalid = true;
        result.validationErrors = verdict.errors;
    }

    const ResponseChoice choice =
        ResponseChoice::choose({ op, forced, verdict.status(), m_config.errorIfForcedExampleNotFound });
    result.trace.append(choice.trace);
    result.forced = choice.forced;
    if (choice.outcome == ResponseChoice::Outcome::GeneratedRejection)
        return answerWithProblem(request, verdict.problem(), &result);
    if (choice.outcome == ResponseChoice::Outcome::Problem)
        return answerWithProblem(request, choice.problem, &result);
    result.response.status = choice.status;

    const ContentChoice content = ContentChoice::choose(
        *choice.response, choice.status, QString::fromLatin1(request.header("Accept")), choice.example);
    if (content.outcome == ContentChoice::Outcome::NotAcceptable)
        return answerWithProblem(request, Problem::notAcceptable(content.accept, content.available), &result);
    result.trace.append(content.trace);

    const QJsonObject refusal = refusalValues(verdict, choice);
    const BodyResult body = m_body.build({ request, content, choice.example, route.match->pathParameters, verdict.body,
        refusal, forced.request.dynamic });
    result.trace.append(body.trace);
    result.exampleName = body.exampleName;
    if (body.error)
        return answerWithProblem(request, *body.error, &result);
    if (body.present) {
        result.response.setHeader("Content-Type", body.contentType.toUtf8());
        result.response.body = body.bytes;
    }

    const HeaderResult headers = m_headers.build({ *choice.response, verdict.challenges, op.deprecated });
    result.response.headers.append(headers.headers);
    result.trace.append(headers.trace);
    finish(request, &result);
    return result;
}

MockResult& MockPipeline::answerUnrouted(const HttpRequest& request, const Problem& problem, MockResult* result) const
{
    if (!Cors::isPreflight(request))
        return answerWithProblem(request, problem, result);
    result->response = Cors::preflight(request);
    result->trace.append(
        QStringLiteral("Answered the CORS preflight with 204 (the definition has no OPTIONS operation here)."));
    return *result;
}

MockResult& MockPipeline::answerWithProblem(
    const HttpRequest& request, const Problem& problem, MockResult* result) const
{
    result->trace.append(
        problem.detail.endsWith(QLatin1Char('.')) ? problem.detail : problem.detail + QLatin1Char('.'));
    result->response = problem.toResponse();
    finish(request, result);
    return *result;
}

void MockPipeline::finish(const HttpRequest& request, MockResult* result) const
{
    Cors::decorate(request, &result->response);
}
