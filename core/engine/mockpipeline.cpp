// SPDX-License-Identifier: MIT
#include "core/engine/mockpipeline.h"

#include <QJsonDocument>

#include "core/engine/cors.h"
#include "core/generation/requestsubstitution.h"
#include "core/negotiation/forcedrequest.h"
#include "core/negotiation/mediatypenegotiator.h"
#include "core/negotiation/responseselector.h"

namespace {

bool mediaOwnsExample(const MediaType& media, const QString& name)
{
    for (const NamedExample& e : media.examples)
        if (e.name == name)
            return true;
    return false;
}

bool responseOwnsExample(const Response& response, const QString& name)
{
    for (const MediaType& media : response.content)
        if (mediaOwnsExample(media, name))
            return true;
    return false;
}

RequestValues requestValues(
    const HttpRequest& request, const QList<QPair<QString, QString>>& pathParameters, const QJsonValue& parsedBody)
{
    RequestValues values;
    for (const auto& p : pathParameters)
        values.pathParameters[p.first].append(p.second);
    for (const auto& q : request.queryItems())
        values.queryParameters[q.first].append(q.second);
    const bool json = MediaTypeNegotiator::isJson(QString::fromLatin1(request.header("Content-Type")));
    if (json && !parsedBody.isUndefined()) {
        values.body = parsedBody; // parsed once, by request validation
    } else if (!request.body.isEmpty() && json) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error == QJsonParseError::NoError)
            values.body = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    return values;
}

// Cheap pre-check for substitution: a request body, or a path/query parameter named like a top-level
// property of the response. Most requests have neither, and then the response bytes come from the cache.
bool maySubstitute(
    const HttpRequest& request, const QList<QPair<QString, QString>>& pathParameters, const QJsonObject& response)
{
    if (!request.body.isEmpty())
        return true;
    for (const auto& p : pathParameters)
        if (response.contains(p.first))
            return true;
    if (!request.query.isEmpty())
        for (const auto& q : request.queryItems())
            if (response.contains(q.first))
                return true;
    return false;
}

} // namespace

MockPipeline::MockPipeline(DefinitionPtr definition, MockConfig config, std::shared_ptr<ForcedResponseStore> forced)
    : m_definition(std::move(definition))
    , m_config(std::move(config))
    , m_forced(forced ? std::move(forced) : std::make_shared<ForcedResponseStore>())
    , m_router(m_definition)
    , m_bodies(m_definition)
    , m_validator(std::make_shared<const RequestValidator>(m_definition))
{ }

Problem MockPipeline::rejectionProblem(const RequestVerdict& verdict)
{
    Problem problem;
    switch (verdict.failure) {
    case RequestVerdict::Failure::Security: {
        QStringList reasons;
        for (const ProblemError& e : verdict.errors)
            reasons.append(e.message);
        problem = Problem::unauthorized(
            QStringLiteral("The request does not satisfy the operation's security requirements (%1)")
                .arg(reasons.join(QStringLiteral("; "))),
            verdict.challenges);
        break;
    }
    case RequestVerdict::Failure::UnsupportedMediaType:
        problem = Problem::unsupportedMediaType(verdict.contentType, verdict.supportedTypes);
        break;
    case RequestVerdict::Failure::Malformed:
        problem = Problem::make(400, QStringLiteral("malformed-request"), QStringLiteral("Malformed request body"),
            QStringLiteral("The request body cannot be read: %1").arg(verdict.errors.value(0).message));
        break;
    case RequestVerdict::Failure::Invalid:
    case RequestVerdict::Failure::None:
        problem = Problem::invalidRequest(verdict.errors);
        break;
    }
    problem.errors = verdict.errors;
    return problem;
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

MockResult MockPipeline::handle(const HttpRequest& request) const
{
    MockResult result;
    const RouteResult route = m_router.match(request.method, request.path);
    if (!route.ok()) {
        if (Cors::isPreflight(request)) {
            result.response = Cors::preflight(request);
            result.trace.append(
                QStringLiteral("Answered the CORS preflight with 204 (the definition has no OPTIONS operation here)."));
            return result;
        }
        return answerWithProblem(request, route.problem, &result);
    }
    const Operation& op = *route.match->operation;
    result.operationId = op.id;
    result.operationPath = op.path;
    result.trace.append(route.match->trace);

    const ForcedRequest forced = ForcedRequest::read(request, m_forced->lookup(op.id));
    result.trace.append(forced.trace);
    if (forced.error)
        return answerWithProblem(request, *forced.error, &result);

    const Response* forcedResponse = nullptr;
    if (forced.status != 0) {
        forcedResponse = ResponseSelector::defined(op, forced.status);
        if (forcedResponse)
            result.trace.append(
                QStringLiteral("%1 forced status %2 (response %3); request validation and authentication skipped.")
                    .arg(forced.statusSource)
                    .arg(forced.status)
                    .arg(forcedResponse->code));
        else
            result.trace.append(QStringLiteral(
                "%1 asked for status %2, which %3 does not define (defined: %4); answering as if it had not.")
                                    .arg(forced.statusSource)
                                    .arg(forced.status)
                                    .arg(op.id, op.responseCodes().join(QStringLiteral(", "))));
    }

    // Forcing a defined status skips validation and authentication altogether.
    RequestVerdict verdict;
    if (!forcedResponse) {
        verdict = m_validator->validate(op, request, route.match->pathParameters);
        result.trace.append(verdict.trace);
    }

    StatusChoice choice;
    if (forcedResponse) {
        choice.response = forcedResponse;
        choice.status = forced.status;
    } else if (!verdict.ok()) {
        result.invalid = true;
        result.validationErrors = verdict.errors;
        choice = ResponseSelector::forRejection(op, verdict.status());
        result.trace.append(choice.reason);
        if (!choice.response)
            return answerWithProblem(request, rejectionProblem(verdict), &result);
    } else {
        choice = ResponseSelector::normal(op);
        if (!forced.example.isEmpty() && choice.response && !responseOwnsExample(*choice.response, forced.example)) {
            if (const Response* owner = ResponseSelector::ownerOfExample(op, forced.example, choice.response)) {
                choice.response = owner;
                choice.status = owner->isDefault() ? 200 : owner->status();
                choice.reason =
                    QStringLiteral("Chose %1 because it owns the example '%2'.").arg(owner->code, forced.example);
            }
        }
        if (!choice.reason.isEmpty())
            result.trace.append(choice.reason);
    }
    if (!choice.response)
        return answerWithProblem(request, Problem::noResponseDefined(op.id), &result);
    result.forced = forcedResponse != nullptr;
    result.response.status = choice.status;

    QString example;
    if (!forced.example.isEmpty() && verdict.ok()) {
        if (!ResponseSelector::ownerOfExample(op, forced.example, nullptr)) {
            const QStringList names = ResponseSelector::exampleNames(op);
            if (m_config.errorIfForcedExampleNotFound) {
                result.forced = true;
                return answerWithProblem(request, Problem::exampleNotFound(forced.example, names), &result);
            }
            result.trace.append(
                QStringLiteral("%1 asked for example '%2', which %3 does not have; serving the normal example "
                               "(errorIfForcedExampleNotFound: false).")
                    .arg(forced.exampleSource, forced.example, op.id));
        } else if (!responseOwnsExample(*choice.response, forced.example)) {
            result.trace.append(
                QStringLiteral("Response %1 has no example '%2' (another response does); serving its normal example.")
                    .arg(choice.response->code, forced.example));
        } else {
            example = forced.example;
            result.forced = true;
            result.trace.append(
                QStringLiteral("%1 forced the example '%2'.").arg(forced.exampleSource, forced.example));
        }
    }

    // A rejection answered with the definition's own error response: a generated body gets the real status,
    // title, detail and violations wherever its schema has room for them.
    QJsonObject problem;
    if (!verdict.ok()) {
        problem = rejectionProblem(verdict).toJson();
        problem.insert(QStringLiteral("status"), choice.status);
    }
    buildBody(request, op, *choice.response, route.match->pathParameters, example, verdict.body, &result, problem);
    if (result.response.status == 406)
        return result;
    for (const QByteArray& challenge : std::as_const(verdict.challenges))
        result.response.addHeader("WWW-Authenticate", challenge);

    for (const HeaderDef& header : choice.response->headers) {
        if (header.name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            continue;
        result.response.addHeader(header.name.toUtf8(), BodyBuilder::headerText(m_bodies.headerValue(header)));
    }
    if (op.deprecated) {
        result.response.setHeader("Deprecation", "true");
        result.trace.append(QStringLiteral("The operation is deprecated: added Deprecation: true."));
    }
    finish(request, &result);
    return result;
}

void MockPipeline::buildBody(const HttpRequest& request, const Operation& operation, const Response& response,
    const QList<QPair<QString, QString>>& pathParameters, const QString& forcedExample, const QJsonValue& parsedBody,
    MockResult* result, const QJsonObject& problem) const
{
    Q_UNUSED(operation)
    if (response.content.isEmpty() || !HttpResponse::statusAllowsBody(result->response.status)) {
        result->trace.append(QStringLiteral("Response %1 has no content: no body.").arg(response.code));
        return;
    }
    QStringList available;
    for (const MediaType& media : response.content)
        available.append(media.name);
    const QString accept = QString::fromLatin1(request.header("Accept"));
    MediaTypeChoice chosen = MediaTypeNegotiator::choose(accept, available);
    if (!chosen.acceptable) {
        const int status = result->response.status;
        answerWithProblem(request, Problem::notAcceptable(accept, available), result);
        Q_UNUSED(status)
        return;
    }
    const MediaType* media = nullptr;
    for (const MediaType& m : response.content)
        if (m.name == chosen.declared)
            media = &m;
    // A forced example may live in another acceptable media type of the same response.
    if (!forcedExample.isEmpty() && media && !mediaOwnsExample(*media, forcedExample)) {
        for (const MediaType& m : response.content) {
            if (!mediaOwnsExample(m, forcedExample))
                continue;
            const MediaTypeChoice alternative = MediaTypeNegotiator::choose(accept, { m.name });
            if (alternative.acceptable) {
                media = &m;
                chosen = alternative;
                break;
            }
        }
    }
    result->trace.append(accept.isEmpty() ? QStringLiteral("No Accept header: chose %1.").arg(chosen.contentType)
                                          : QStringLiteral("Accept: %1 chose %2.").arg(accept, chosen.contentType));

    BodySource source = m_bodies.choose(*media, forcedExample);
    result->trace.append(source.reason);
    result->exampleName = source.exampleName;
    if (!source.present)
        return;

    QJsonValue value = source.value;
    bool substitutedAny = false;
    if (!problem.isEmpty()) {
        if (source.generated && value.isObject()) {
            RequestValues fill;
            fill.body = problem;
            const SubstitutionResult filled = RequestSubstitution::apply(value, fill);
            if (!filled.trace.isEmpty()) {
                value = filled.response;
                substitutedAny = true;
                result->trace.append(QStringLiteral("Filled the generated error body with the problem's values (%1).")
                                         .arg(filled.trace.join(QStringLiteral("; "))));
            }
        }
    } else if (!m_config.strictExamples && MediaTypeNegotiator::isJson(chosen.contentType) && value.isObject()
        && maySubstitute(request, pathParameters, value.toObject())) {
        const SubstitutionResult substituted =
            RequestSubstitution::apply(value, requestValues(request, pathParameters, parsedBody));
        if (!substituted.trace.isEmpty()) {
            value = substituted.response;
            substitutedAny = true;
            result->trace.append(QStringLiteral("Put request values into the response (strictExamples: false): %1.")
                                     .arg(substituted.trace.join(QStringLiteral("; "))));
        }
    }
    result->response.setHeader("Content-Type", chosen.contentType.toUtf8());
    // Unchanged examples and generated bodies are serialised once and reused.
    result->response.body =
        substitutedAny ? BodyBuilder::serialize(value, chosen.contentType) : m_bodies.bytes(source, chosen.contentType);
}
