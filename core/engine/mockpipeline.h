// SPDX-License-Identifier: MIT
// The whole answer to one request, top to bottom: route, force, check, choose, build. No event loop, no sockets.
#pragma once

#include <memory>

#include <QStringList>

#include "core/config/mockconfig.h"
#include "core/definition/definition.h"
#include "core/generation/bodybuilder.h"
#include "core/http/httpresponse.h"
#include "core/http/problem.h"
#include "core/negotiation/forcedresponsestore.h"
#include "core/routing/router.h"
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
};

class MockPipeline
{
public:
    MockPipeline(DefinitionPtr definition, MockConfig config, std::shared_ptr<ForcedResponseStore> forced);

    // Thread-safe; called on the mock thread for every request.
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

private:
    void buildBody(const HttpRequest& request, const Operation& operation, const Response& response,
        const QList<QPair<QString, QString>>& pathParameters, const QString& forcedExample,
        const QJsonValue& parsedBody, MockResult* result, const QJsonObject& problem = {}) const;
    void finish(const HttpRequest& request, MockResult* result) const;
    MockResult& answerWithProblem(const HttpRequest& request, const Problem& problem, MockResult* result) const;
    // The generated problem for a refused request (used when the operation defines no fitting response).
    static Problem rejectionProblem(const RequestVerdict& verdict);

    DefinitionPtr m_definition;
    MockConfig m_config;
    std::shared_ptr<ForcedResponseStore> m_forced;
    Router m_router;
    BodyBuilder m_bodies;
    std::shared_ptr<const RequestValidator> m_validator; // owns the definition's compiled schemas
};
