// SPDX-License-Identifier: MIT
#include "core/engine/mockpipeline.h"

#include "core/engine/cors.h"
#include "core/negotiation/contentchoice.h"
#include "core/negotiation/forcedchoice.h"
#include "core/negotiation/responsechoice.h"
#include "core/negotiation/responseselector.h"
#include "core/scenarios/scenariostage.h"
#include "core/state/stateadmin.h"

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
    std::shared_ptr<StateStore> state, std::shared_ptr<const ScenarioStore> scenarios,
    std::shared_ptr<GenerationControl> generation)
    : m_definition(std::move(definition))
    , m_config(std::move(config))
    , m_forced(forced ? std::move(forced) : std::make_shared<ForcedResponseStore>())
    , m_scenarios(scenarios ? std::move(scenarios) : std::make_shared<const ScenarioStore>())
    , m_generation(generation)
    , m_router(m_definition)
    , m_validator(std::make_shared<const RequestValidator>(m_definition))
    , m_body(m_definition, m_config.strictExamples, std::move(generation))
    , m_headers(m_body.builder())
    , m_state(m_definition, std::move(state))
{
    m_state.store()->adopt(m_state.model());
}

MockResult MockPipeline::handle(const HttpRequest& request) const
{
    MockResult result;
    result.trace.reserve(8); // one allocation for the sentences of every stage
    if (StateAdmin::isAdminPath(request.path)) {
        result.operationId = QStringLiteral("__understudy");
        result.response = StateAdmin::handle(request, *m_state.store(), &result.trace);
        finish(request, &result);
        return result;
    }
    if (request.method == "OPTIONS" && Cors::isPreflightRequest(request))
        return answerPreflight(request, &result);
    const RouteResult route = m_router.match(request.method, request.path);
    if (!route.ok())
        return answerUnrouted(request, route.problem, &result);
    const Operation& op = *route.match->operation;
    result.operationId = op.id;
    result.operationPath = op.path;
    result.trace.append(route.match->trace);

    const ScenarioDecision scenario = ScenarioStage::decide(*m_scenarios, op, request, route.match->pathParameters);
    result.trace.append(scenario.trace);
    result.delayMs = scenario.delayMs;
    result.scenarioRule = scenario.rule;
    if (scenario.fault.isSocketLevel())
        result.fault = scenario.fault;

    ForcedRequest forcedRequest = ForcedRequest::read(request, m_forced->lookup(op.id));
    if (!applyScenario(op, scenario, &forcedRequest, &result))
        return answerWithProblem(request,
            Problem::make(scenario.fault.status, QStringLiteral("injected-fault"), QStringLiteral("Injected fault"),
                QStringLiteral("A scenario fault answered %1 (from %2); %3 defines no such response")
                    .arg(scenario.fault.status)
                    .arg(scenario.faultSource, op.id)),
            &result);
    const ForcedChoice forced = ForcedChoice::resolve(op, std::move(forcedRequest));
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

    if (m_state.store()->isEnabled()) {
        const StateAnswer state =
            m_state.answer({ op, request, route.match->pathParameters, verdict.body, choice, content });
        result.trace.append(state.trace);
        if (state.outcome != StateAnswer::Outcome::Static)
            return answerFromState(request, op, *route.match, state, &result);
    }

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
        result.response.chunks = body.chunks;
        result.response.chunkIntervalMs = body.chunkIntervalMs;
    }

    const HeaderResult headers = m_headers.build({ *choice.response, verdict.challenges, op.deprecated });
    result.response.headers.append(headers.headers);
    result.trace.append(headers.trace);
    // Proxies and browsers must not hold a stream back to cache it (unless the definition says otherwise).
    if (!body.chunks.isEmpty() && result.response.header("Cache-Control").isEmpty())
        result.response.setHeader("Cache-Control", "no-cache");
    for (const auto& h : scenario.headers)
        result.response.setHeader(h.first, h.second);
    finish(request, &result);
    return result;
}

MockResult& MockPipeline::answerFromState(const HttpRequest& request, const Operation& op, const RouteMatch& route,
    const StateAnswer& state, MockResult* result) const
{
    if (!state.response)
        return answerWithProblem(request, state.problem, result);
    result->response.status = state.status;
    const ContentChoice content =
        ContentChoice::choose(*state.response, state.status, QString::fromLatin1(request.header("Accept")), QString());
    if (content.outcome == ContentChoice::Outcome::NotAcceptable)
        return answerWithProblem(request, Problem::notAcceptable(content.accept, content.available), result);
    if (state.outcome == StateAnswer::Outcome::Serve) {
        if (state.hasBody && content.outcome == ContentChoice::Outcome::Chosen) {
            result->response.setHeader("Content-Type", content.contentType.toUtf8());
            result->response.body = BodyBuilder::serialize(state.body, content.contentType);
        }
    } else {
        // Refused by the state (unknown id, taken id, invalid result): the operation's own response for it.
        const QJsonObject problem = state.problem.toJson();
        const QJsonValue none;
        const BodyResult body = m_body.build({ request, content, QString(), route.pathParameters, none, problem });
        result->trace.append(body.trace);
        result->exampleName = body.exampleName;
        if (body.error)
            return answerWithProblem(request, *body.error, result);
        if (body.present) {
            result->response.setHeader("Content-Type", body.contentType.toUtf8());
            result->response.body = body.bytes;
        }
    }
    const QList<QByteArray> challenges;
    const HeaderResult headers = m_headers.build({ *state.response, challenges, op.deprecated });
    result->response.headers.append(headers.headers);
    result->trace.append(headers.trace);
    for (const auto& header : state.headers)
        result->response.setHeader(header.first, header.second);
    finish(request, result);
    return *result;
}

bool MockPipeline::applyScenario(
    const Operation& op, const ScenarioDecision& scenario, ForcedRequest* forced, MockResult* result) const
{
    // The control headers (x-redocly-*, Prefer) and the forcing panel win over a scenario's status and example; a
    // status fault wins over everything but the headers.
    const bool statusByHeader = forced->statusSource == QLatin1String("x-redocly-response-status")
        || forced->statusSource == QLatin1String("Prefer");
    if (scenario.fault.kind == FaultSpec::Kind::Status && !statusByHeader) {
        result->fault = scenario.fault;
        if (!ResponseSelector::defined(op, scenario.fault.status))
            return false;
        forced->status = scenario.fault.status;
        forced->statusSource = QStringLiteral("The scenario fault (%1)").arg(scenario.faultSource);
        result->scenarioRule = result->scenarioRule.isEmpty() ? scenario.faultSource : result->scenarioRule;
    } else if (scenario.status != 0 && forced->status == 0) {
        forced->status = scenario.status;
        forced->statusSource = QStringLiteral("Scenario %1").arg(scenario.answerSource);
    } else if (scenario.status != 0) {
        forced->trace.append(QStringLiteral("%1 wins over the status %2 of scenario %3.")
                                 .arg(forced->statusSource)
                                 .arg(scenario.status)
                                 .arg(scenario.answerSource));
    }
    if (!scenario.example.isEmpty() && forced->example.isEmpty()) {
        forced->example = scenario.example;
        forced->exampleSource = QStringLiteral("Scenario %1").arg(scenario.answerSource);
    }
    return true;
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

MockResult& MockPipeline::answerPreflight(const HttpRequest& request, MockResult* result) const
{
    const QStringList allowed = m_router.allowedMethods(request.path);
    result->response = Cors::preflight(request, allowed);
    result->trace.append(allowed.isEmpty()
            ? QStringLiteral("Answered the CORS preflight with 204 (no path of the definition matches).")
            : QStringLiteral("Answered the CORS preflight with 204 before routing; the path allows %1.")
                  .arg(allowed.join(QStringLiteral(", "))));
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
