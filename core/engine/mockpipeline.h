// SPDX-License-Identifier: MIT
// The whole answer to one request as a list of stages: route, force, verdict, choose, negotiate, body, headers.
#pragma once

#include <memory>

#include <QStringList>

#include "core/config/mockconfig.h"
#include "core/definition/definition.h"
#include "core/generation/bodystage.h"
#include "core/generation/headerstage.h"
#include "core/http/httpresponse.h"
#include "core/http/problem.h"
#include "core/negotiation/forcedrequest.h"
#include "core/negotiation/forcedresponsestore.h"
#include "core/routing/router.h"
#include "core/scenarios/scenariostage.h"
#include "core/scenarios/scenariostore.h"
#include "core/state/statestage.h"
#include "core/validation/requestvalidator.h"

struct MockResult
{
    HttpResponse response;
    QStringList trace; // one sentence per pipeline step
    QString operationId;
    QString operationPath;
    QList<ProblemError> validationErrors;
    bool forced = false;
    bool invalid = false;
    QString exampleName;
    qint64 delayMs = 0; // scenario latency: the server answers this much later
    FaultSpec fault; // the scenario fault that fired: socket-level ones (reset, close, ...) the server acts out
    QString scenarioRule; // the scenario rule or sequence step that fired ("getBook#1"), if any
    QList<ProblemError> drift; // proxy mode: where the upstream's answer breaks the definition
    QString answeredBy; // proxy mode: "upstream", "mock" (fallback, rejected) or "proxy" (upstream failed); else empty
};

/**
 * Thread-safe: `handle` may run on several threads at once. Everything the pipeline owns is either built in the
 * constructor and read-only afterwards (router tables, validation plans, config) or guarded: the samples generated per
 * schema location and the bytes serialised per example and media type live in BodyBuilder behind a read-write lock,
 * the compiled schemas in the Definition's read-write locked SchemaCache, forced responses in the mutex-guarded
 * ForcedResponseStore. Media type parsing memoises per thread (thread_local), so it shares nothing.
 */
class MockPipeline
{
public:
    // `state` (null: a store of its own, off) adopts this definition's resources: collections that still exist keep
    // their items. `scenarios` (null: none) is consulted on every request. `generation`: the seed and dynamic mode
    // of generated bodies (null: seed 0, not dynamic).
    MockPipeline(DefinitionPtr definition, MockConfig config, std::shared_ptr<ForcedResponseStore> forced,
        std::shared_ptr<StateStore> state = nullptr, std::shared_ptr<const ScenarioStore> scenarios = nullptr,
        std::shared_ptr<GenerationControl> generation = nullptr);

    // Route -> ScenarioStage -> ForcedChoice -> RequestVerdict -> ResponseChoice -> ContentChoice -> BodyStage ->
    // HeaderStage; each stage appends its own trace sentences, and any stage may end the request with a Problem.
    MockResult handle(const HttpRequest& request) const;

    const Definition& definition() const
    {
        return *m_definition;
    }
    const MockConfig& config() const
    {
        return m_config;
    }
    const RequestValidator& validator() const
    {
        return *m_validator;
    }
    const StateStage& state() const
    {
        return m_state;
    }
    const Router& router() const
    {
        return m_router;
    }
    // The seed of generated values (--seed), for what is generated outside `handle` (callback bodies).
    quint64 generationSeed() const
    {
        return m_generation ? m_generation->seed() : 0;
    }

private:
    // No operation matched: a CORS preflight gets 204, anything else the router's 404/405 problem.
    // OPTIONS + Origin + Access-Control-Request-Method: 204 with the path's methods, before any operation.
    MockResult& answerPreflight(const HttpRequest& request, MockResult* result) const;
    MockResult& answerUnrouted(const HttpRequest& request, const Problem& problem, MockResult* result) const;
    MockResult& answerWithProblem(const HttpRequest& request, const Problem& problem, MockResult* result) const;
    void finish(const HttpRequest& request, MockResult* result) const;
    // Stateful mode answered (or refused with the operation's own 404/409/422 response, else a problem).
    MockResult& answerFromState(const HttpRequest& request, const Operation& op, const RouteMatch& route,
        const StateAnswer& state, MockResult* result) const;
    // Folds the scenario's status, example and status fault into what was forced; false: a status fault names a
    // status the operation does not define (answered with a problem of that status).
    bool applyScenario(
        const Operation& op, const ScenarioDecision& scenario, ForcedRequest* forced, MockResult* result) const;

    DefinitionPtr m_definition;
    MockConfig m_config;
    std::shared_ptr<ForcedResponseStore> m_forced;
    std::shared_ptr<const ScenarioStore> m_scenarios;
    std::shared_ptr<GenerationControl> m_generation;
    Router m_router;
    std::shared_ptr<const RequestValidator> m_validator;
    BodyStage m_body; // owns the sample and serialisation caches
    HeaderStage m_headers;
    StateStage m_state; // stateful mode: answers from the store when it is on
};
