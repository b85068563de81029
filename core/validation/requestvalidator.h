// SPDX-License-Identifier: MIT
// Checks one request against its operation: security, then the body's content type, then parameters and body.
#pragma once

#include <memory>
#include <vector>

#include <QJsonValue>
#include <QList>
#include <QStringList>

#include "core/definition/definition.h"
#include "core/http/problem.h"
#include "core/schema/schemavalidator.h"
#include "core/validation/bodyparser.h"
#include "core/validation/parameterdeserializer.h"

// What the mock thinks of one request, in the order it answers: 401, then 415, then 400 (unreadable) / 422.
struct RequestVerdict
{
    enum class Failure
    {
        None,
        Security,
        UnsupportedMediaType,
        Malformed,
        Invalid
    };

    Failure failure = Failure::None;
    QList<ProblemError> errors; // every violation found at the failing stage
    QList<QByteArray> challenges; // WWW-Authenticate values (security failures)
    QString contentType; // the request's Content-Type (415)
    QStringList supportedTypes; // the declared request body media types (415)
    QStringList trace; // one sentence per stage that did work
    QJsonValue body; // the parsed body when it could be read (reused for substitution)
    bool checked = false; // false: the operation has nothing to check (no work was done)

    bool ok() const
    {
        return failure == Failure::None;
    }
    // 401, 415, 400 or 422; 0 when the request is fine.
    int status() const;
    // The generated problem for a refused request (used when the operation defines no fitting response, and
    // to fill a generated error body); a 422 invalid-request problem for an accepted one.
    Problem problem() const;
    // "3 violations: query/limit maximum, body/name required, header/X-Id type."
    static QString summary(const QList<ProblemError>& errors);
};

class RequestValidator
{
public:
    explicit RequestValidator(DefinitionPtr definition, BodyLimits limits = {});
    ~RequestValidator();
    RequestValidator(const RequestValidator&) = delete;
    RequestValidator& operator=(const RequestValidator&) = delete;

    // Thread-safe. `pathParameters` are the router's percent-decoded path variables.
    RequestVerdict validate(
        const Operation& operation, const HttpRequest& request, const NameValueList& pathParameters) const;

    // "body" + "/items/0/id" -> "body/items/0/id"; a missing required property is located at the property itself.
    static QList<ProblemError> toProblemErrors(const QString& prefix, const QList<SchemaError>& errors);

private:
    struct ParameterPlan;
    struct MediaPlan;
    struct OperationPlan;

    void checkParameters(const OperationPlan& plan, const RequestParameters& in, const QByteArray& rawQuery,
        RequestVerdict* verdict) const;
    bool checkQueryString(const ParameterPlan& plan, const QByteArray& rawQuery, RequestVerdict* verdict) const;
    void checkBody(const Operation& operation, const OperationPlan& plan, const HttpRequest& request,
        RequestVerdict* verdict) const;
    bool validateValue(const QString& schemaPointer, const QJsonValue& value, const QString& location,
        QList<ProblemError>* errors) const;

    DefinitionPtr m_definition;
    BodyLimits m_limits;
    std::shared_ptr<const SchemaCache> m_schemas; // the definition's own
    std::vector<OperationPlan> m_plans; // by Operation::index
};
