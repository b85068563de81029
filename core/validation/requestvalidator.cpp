// SPDX-License-Identifier: MIT
#include "core/validation/requestvalidator.h"

#include <QRegularExpression>
#include <QSet>

#include "core/json/jsonpointer.h"
#include "core/negotiation/mediatypenegotiator.h"
#include "core/validation/securitychecker.h"

struct RequestValidator::ParameterPlan
{
    const Parameter* parameter = nullptr;
    ValueShape shape;
    QString schemaPointer; // the schema, or the first content media type's schema
    bool jsonContent = false;
    bool querystring = false; // OpenAPI 3.2 `in: querystring`: the whole query string, read by its content type
    QString location; // "query/limit"
};

struct RequestValidator::MediaPlan
{
    const MediaType* media = nullptr;
    enum class Kind
    {
        Json,
        UrlEncoded,
        Multipart,
        Text,
        Xml,
        Opaque
    } kind = Kind::Opaque;
    ValueShape shape;
    FormRules rules; // urlencoded and multipart bodies
};

struct RequestValidator::OperationPlan
{
    QList<ParameterPlan> parameters;
    QSet<QString> queryNames;
    QList<MediaPlan> media; // in declared order
    bool needsWork = false;
};

namespace {

bool ignoredHeader(const QString& name)
{
    return name.compare(QLatin1String("Accept"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0;
}

QString essence(const QString& mediaType)
{
    const auto range = MediaRange::parseCached(mediaType);
    return range ? range->essence() : mediaType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

} // namespace

int RequestVerdict::status() const
{
    switch (failure) {
    case Failure::None:
        return 0;
    case Failure::Security:
        return 401;
    case Failure::UnsupportedMediaType:
        return 415;
    case Failure::Malformed:
        return 400;
    case Failure::Invalid:
        return 422;
    }
    return 0;
}

Problem RequestVerdict::problem() const
{
    Problem problem;
    switch (failure) {
    case Failure::Security: {
        QStringList reasons;
        for (const ProblemError& e : errors)
            reasons.append(e.message);
        problem = Problem::unauthorized(
            QStringLiteral("The request does not satisfy the operation's security requirements (%1)")
                .arg(reasons.join(QStringLiteral("; "))),
            challenges);
        break;
    }
    case Failure::UnsupportedMediaType:
        problem = Problem::unsupportedMediaType(contentType, supportedTypes);
        break;
    case Failure::Malformed:
        problem = Problem::make(400, QStringLiteral("malformed-request"), QStringLiteral("Malformed request body"),
            QStringLiteral("The request body cannot be read: %1").arg(errors.value(0).message));
        break;
    case Failure::Invalid:
    case Failure::None:
        problem = Problem::invalidRequest(errors);
        break;
    }
    problem.errors = errors;
    return problem;
}

QString RequestVerdict::summary(const QList<ProblemError>& errors)
{
    QStringList parts;
    for (const ProblemError& e : errors)
        parts.append(e.location + QLatin1Char(' ') + e.code);
    return (errors.size() == 1 ? QStringLiteral("1 violation: ") : QStringLiteral("%1 violations: ").arg(errors.size()))
        + parts.join(QStringLiteral(", ")) + QLatin1Char('.');
}

RequestValidator::RequestValidator(DefinitionPtr definition, BodyLimits limits)
    : m_definition(std::move(definition))
    , m_limits(limits)
    , m_schemas(m_definition->sharedSchemas())
{
    const QJsonObject& document = m_definition->document;
    m_plans.resize(m_definition->operations.size());
    for (const Operation& op : m_definition->operations) {
        if (op.index < 0 || op.index >= int(m_plans.size()))
            continue;
        OperationPlan& plan = m_plans[op.index];
        for (const Parameter& p : op.parameters) {
            if (p.in == QLatin1String("header") && ignoredHeader(p.name))
                continue;
            ParameterPlan pp;
            pp.parameter = &p;
            pp.location = p.in + QLatin1Char('/') + p.name;
            if (!p.content.isEmpty()) {
                pp.schemaPointer = p.content.first().schemaPointer;
                pp.jsonContent = MediaTypeNegotiator::isJson(p.content.first().name);
                pp.querystring = p.in == QLatin1String("querystring");
                if (pp.querystring) {
                    pp.shape = ValueShape::of(document, p.content.first().schema);
                    pp.location = QStringLiteral("query");
                }
            } else {
                pp.schemaPointer = p.schemaPointer;
                pp.shape = ValueShape::of(document, p.schema);
            }
            if (p.in == QLatin1String("query"))
                plan.queryNames.insert(p.name);
            plan.parameters.append(pp);
        }
        if (op.requestBody.present) {
            for (const MediaType& media : op.requestBody.content) {
                MediaPlan mp;
                mp.media = &media;
                const QString type = essence(media.name);
                if (MediaTypeNegotiator::isJson(type) || type == QLatin1String("*/*"))
                    mp.kind = MediaPlan::Kind::Json;
                else if (type == QLatin1String("application/x-www-form-urlencoded"))
                    mp.kind = MediaPlan::Kind::UrlEncoded;
                else if (type.startsWith(QLatin1String("multipart/")))
                    mp.kind = MediaPlan::Kind::Multipart;
                else if (MediaTypeNegotiator::isXml(type))
                    mp.kind = MediaPlan::Kind::Xml;
                else if (type.startsWith(QLatin1String("text/")))
                    mp.kind = MediaPlan::Kind::Text;
                if (mp.kind != MediaPlan::Kind::Json && mp.kind != MediaPlan::Kind::Xml
                    && mp.kind != MediaPlan::Kind::Opaque)
                    mp.shape = ValueShape::of(document, media.schema);
                if (mp.kind == MediaPlan::Kind::UrlEncoded || mp.kind == MediaPlan::Kind::Multipart) {
                    // allowReserved is OpenAPI 3's; Swagger 2 formData fields are held to allowEmptyValue instead.
                    mp.rules.checkReserved = !m_definition->convertedFromSwagger2;
                    const QJsonValue nonEmpty = JsonPointer::value(document, media.pointer)
                                                    .toObject()
                                                    .value(QLatin1String("x-understudy-non-empty-fields"));
                    for (const QJsonValue& name : nonEmpty.toArray())
                        mp.rules.nonEmpty.append(name.toString());
                }
                plan.media.append(mp);
            }
        }
        plan.needsWork = !plan.parameters.isEmpty() || op.requestBody.present || !op.security.isEmpty();
    }
}

RequestValidator::~RequestValidator() = default;

QList<ProblemError> RequestValidator::toProblemErrors(const QString& prefix, const QList<SchemaError>& errors)
{
    static const QRegularExpression missing(QStringLiteral("^missing required property '(.*)'$"));
    QList<ProblemError> out;
    out.reserve(errors.size());
    for (const SchemaError& e : errors) {
        QString location = prefix + e.instancePointer;
        if (e.keyword == QLatin1String("required")) {
            const QRegularExpressionMatch m = missing.match(e.message);
            if (m.hasMatch())
                location += QLatin1Char('/') + m.captured(1);
        }
        out.append(ProblemError { location, e.keyword, e.message });
    }
    return out;
}

bool RequestValidator::validateValue(
    const QString& schemaPointer, const QJsonValue& value, const QString& location, QList<ProblemError>* errors) const
{
    if (schemaPointer.isEmpty())
        return true;
    const CompiledSchemaPtr schema = m_schemas->get(schemaPointer);
    if (!schema)
        return true;
    QList<SchemaError> found;
    if (schema->validate(value, ValidationDirection::Request, &found))
        return true;
    errors->append(toProblemErrors(location, found));
    return false;
}

bool RequestValidator::checkQueryString(
    const ParameterPlan& pp, const QByteArray& rawQuery, RequestVerdict* verdict) const
{
    const Parameter& p = *pp.parameter;
    if (rawQuery.isEmpty()) {
        if (p.required)
            verdict->errors.append(ProblemError { pp.location, QStringLiteral("required"),
                QStringLiteral("missing required querystring parameter '%1'").arg(p.name) });
        return false;
    }
    ParsedBody parsed;
    if (pp.jsonContent) {
        parsed = BodyParser::parseJson(QByteArray::fromPercentEncoding(rawQuery), m_limits);
    } else {
        // application/x-www-form-urlencoded (the usual content) and anything else read as a form.
        FormRules rules;
        rules.checkReserved = false; // a query string may carry reserved characters
        parsed = BodyParser::parseUrlEncoded(rawQuery, pp.shape, {}, m_limits, rules);
    }
    if (parsed.value.isUndefined()) {
        for (ProblemError e : std::as_const(parsed.errors)) {
            e.location = pp.location;
            verdict->errors.append(e);
        }
        return false;
    }
    validateValue(pp.schemaPointer, parsed.value, pp.location, &verdict->errors);
    return true;
}

void RequestValidator::checkParameters(
    const OperationPlan& plan, const RequestParameters& in, const QByteArray& rawQuery, RequestVerdict* verdict) const
{
    for (const ParameterPlan& pp : plan.parameters) {
        const Parameter& p = *pp.parameter;
        if (pp.querystring) {
            checkQueryString(pp, rawQuery, verdict);
            continue;
        }
        const ParameterValue value = ParameterDeserializer::read(p, pp.shape, in, plan.queryNames, pp.jsonContent);
        if (!value.present) {
            if (p.required)
                verdict->errors.append(ProblemError { pp.location, QStringLiteral("required"),
                    QStringLiteral("missing required %1 parameter '%2'").arg(p.in, p.name) });
            continue;
        }
        if (value.empty && p.in == QLatin1String("query")) {
            if (p.allowEmptyValue)
                continue; // an explicitly allowed empty value is not held to the schema
            verdict->errors.append(ProblemError { pp.location, QStringLiteral("allowEmptyValue"),
                QStringLiteral("query parameter '%1' is empty and allowEmptyValue is not set").arg(p.name) });
            continue;
        }
        validateValue(pp.schemaPointer, value.value, pp.location, &verdict->errors);
    }
}

void RequestValidator::checkBody(
    const Operation& operation, const OperationPlan& plan, const HttpRequest& request, RequestVerdict* verdict) const
{
    const RequestBody& body = operation.requestBody;
    if (request.body.isEmpty()) {
        if (body.required)
            verdict->errors.append(ProblemError {
                QStringLiteral("body"), QStringLiteral("required"), QStringLiteral("the request body is required") });
        return;
    }
    if (plan.media.isEmpty())
        return;
    const QString contentType = QString::fromLatin1(request.header("Content-Type")).trimmed();
    const MediaPlan* chosen = nullptr;
    if (!contentType.isEmpty()) {
        // An exact declared type beats a wildcard one that also matches.
        for (const MediaPlan& mp : plan.media) {
            if (!MediaTypeNegotiator::matches(contentType, mp.media->name))
                continue;
            const auto declared = MediaRange::parseCached(mp.media->name);
            if (!chosen || (declared && !declared->isWildcard()))
                chosen = &mp;
            if (declared && !declared->isWildcard())
                break;
        }
    }
    if (!chosen) {
        verdict->failure = RequestVerdict::Failure::UnsupportedMediaType;
        verdict->contentType = contentType;
        for (const MediaPlan& mp : plan.media)
            verdict->supportedTypes.append(mp.media->name);
        verdict->errors = { ProblemError { QStringLiteral("header/Content-Type"), QStringLiteral("contentType"),
            QStringLiteral("%1 is not one of %2")
                .arg(contentType.isEmpty() ? QStringLiteral("(no Content-Type)") : contentType,
                    verdict->supportedTypes.join(QStringLiteral(", "))) } };
        verdict->trace.append(QStringLiteral("Content-Type %1 is not accepted (supported: %2).")
                                  .arg(contentType.isEmpty() ? QStringLiteral("(none)") : contentType,
                                      verdict->supportedTypes.join(QStringLiteral(", "))));
        return;
    }
    ParsedBody parsed;
    switch (chosen->kind) {
    case MediaPlan::Kind::Json:
        if (!MediaTypeNegotiator::isJson(contentType) && chosen->media->name.startsWith(QLatin1Char('*')))
            return; // "*/*" takes anything; only JSON bodies are readable here
        parsed = BodyParser::parseJson(request.body, m_limits);
        break;
    case MediaPlan::Kind::UrlEncoded:
        parsed =
            BodyParser::parseUrlEncoded(request.body, chosen->shape, chosen->media->encoding, m_limits, chosen->rules);
        break;
    case MediaPlan::Kind::Multipart:
        parsed = BodyParser::parseMultipart(
            request.body, contentType, chosen->shape, chosen->media->encoding, m_limits, chosen->rules);
        break;
    case MediaPlan::Kind::Text:
        parsed = BodyParser::parseText(request.body, chosen->shape);
        break;
    case MediaPlan::Kind::Xml:
        parsed = BodyParser::parseXml(request.body, m_definition->document, chosen->media->schema, m_limits);
        break;
    case MediaPlan::Kind::Opaque:
        return;
    }
    if (parsed.value.isUndefined()) {
        verdict->failure = RequestVerdict::Failure::Malformed;
        verdict->errors = parsed.errors;
        return;
    }
    verdict->errors.append(parsed.errors);
    verdict->body = parsed.value;
    validateValue(chosen->media->schemaPointer, parsed.value, QStringLiteral("body"), &verdict->errors);
}

RequestVerdict RequestValidator::validate(
    const Operation& operation, const HttpRequest& request, const NameValueList& pathParameters) const
{
    RequestVerdict verdict;
    if (operation.index < 0 || operation.index >= int(m_plans.size()))
        return verdict;
    const OperationPlan& plan = m_plans[operation.index];
    const bool unexpectedBody = !operation.requestBody.present && !request.body.isEmpty();
    if (!plan.needsWork && !unexpectedBody)
        return verdict;
    verdict.checked = true;
    const RequestParameters in = RequestParameters::from(request, pathParameters);

    const SecurityOutcome security =
        SecurityChecker::check(operation.security, m_definition->securitySchemes, request, in.cookies, in.query);
    if (!security.trace.isEmpty())
        verdict.trace.append(security.trace);
    if (!security.ok) {
        verdict.failure = RequestVerdict::Failure::Security;
        verdict.errors = security.errors;
        verdict.challenges = security.challenges;
        return verdict;
    }

    if (unexpectedBody) {
        // The definition describes no request body here (no requestBody; no body or formData in Swagger 2).
        verdict.failure = RequestVerdict::Failure::UnsupportedMediaType;
        verdict.contentType = QString::fromLatin1(request.header("Content-Type")).trimmed();
        verdict.errors = { ProblemError { QStringLiteral("body"), QStringLiteral("contentType"),
            QStringLiteral("the operation defines no request body, but %1 bytes were sent")
                .arg(request.body.size()) } };
        verdict.trace.append(QStringLiteral("A %1-byte body was sent, but the operation defines no request body.")
                                 .arg(request.body.size()));
        return verdict;
    }

    // The content type is settled before anything else: a 415 does not list parameter problems.
    RequestVerdict body;
    if (operation.requestBody.present)
        checkBody(operation, plan, request, &body);
    if (body.failure == RequestVerdict::Failure::UnsupportedMediaType
        || body.failure == RequestVerdict::Failure::Malformed) {
        body.trace.prepend(verdict.trace.value(0));
        body.trace.removeAll(QString());
        body.checked = true;
        if (body.failure == RequestVerdict::Failure::Malformed)
            body.trace.append(QStringLiteral("The body cannot be read: %1.").arg(body.errors.value(0).message));
        return body;
    }
    checkParameters(plan, in, request.query, &verdict);
    verdict.errors.append(body.errors);
    verdict.body = body.body;
    if (!verdict.errors.isEmpty()) {
        verdict.failure = RequestVerdict::Failure::Invalid;
        verdict.trace.append(RequestVerdict::summary(verdict.errors));
    } else if (!plan.parameters.isEmpty() || operation.requestBody.present) {
        verdict.trace.append(QStringLiteral("The request matches the definition's parameters and body."));
    }
    return verdict;
}
