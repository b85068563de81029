// SPDX-License-Identifier: MIT
#include "core/proxy/responsedrift.h"

#include "core/negotiation/mediatypenegotiator.h"
#include "core/schema/schemavalidator.h"
#include "core/validation/bodyparser.h"
#include "core/validation/requestvalidator.h"

namespace {

QByteArray headerValue(const HeaderList& headers, const QString& name, bool* present)
{
    QByteArrayList values;
    for (const auto& h : headers)
        if (QString::fromLatin1(h.first).compare(name, Qt::CaseInsensitive) == 0)
            values.append(h.second.trimmed());
    *present = !values.isEmpty();
    return values.join(", ");
}

// A header value as the schema sees it: the text, or the number / boolean it spells when the text does not fit.
bool headerFits(const CompiledSchema& schema, const QByteArray& value)
{
    const QString text = QString::fromUtf8(value);
    if (schema.isValid(QJsonValue(text), ValidationDirection::UpstreamResponse))
        return true;
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    if (isNumber && schema.isValid(QJsonValue(number), ValidationDirection::UpstreamResponse))
        return true;
    if (text == QLatin1String("true") || text == QLatin1String("false"))
        return schema.isValid(QJsonValue(text == QLatin1String("true")), ValidationDirection::UpstreamResponse);
    return false;
}

void add(DriftResult* result, const QString& location, const QString& code, const QString& message)
{
    result->errors.append(ProblemError { location, code, message });
}

void checkHeaders(
    const Definition& definition, const Response& response, const HeaderList& headers, DriftResult* result)
{
    for (const HeaderDef& def : response.headers) {
        if (def.name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0)
            continue; // OpenAPI: a Content-Type header definition is ignored (the media type says it)
        bool present = false;
        const QByteArray value = headerValue(headers, def.name, &present);
        const QString location = QStringLiteral("header/") + def.name;
        if (!present) {
            if (def.required)
                add(result, location, QStringLiteral("required"),
                    QStringLiteral("the required response header %1 is missing").arg(def.name));
            continue;
        }
        if (def.schemaPointer.isEmpty())
            continue;
        const CompiledSchemaPtr schema = definition.schemas().get(def.schemaPointer);
        if (schema && !headerFits(*schema, value))
            add(result, location, QStringLiteral("schema"),
                QStringLiteral("'%1' does not fit the header's schema").arg(QString::fromUtf8(value.left(200))));
    }
}

void checkBody(
    const Definition& definition, const Response& response, const UpstreamAnswer& answer, DriftResult* result)
{
    bool hasType = false;
    const QByteArray contentType = headerValue(answer.headers, QStringLiteral("Content-Type"), &hasType);
    const bool hasBody = !answer.body.isEmpty();
    if (response.content.isEmpty()) {
        if (hasBody && !answer.headRequest)
            add(result, QStringLiteral("body"), QStringLiteral("unexpected-body"),
                QStringLiteral("the response %1 defines no content, but the answer has a %2-byte body")
                    .arg(response.code)
                    .arg(answer.body.size()));
        return;
    }
    if (!hasType) {
        if (hasBody)
            add(result, QStringLiteral("header/Content-Type"), QStringLiteral("content-type"),
                QStringLiteral("the answer has a body but no Content-Type"));
        return;
    }
    const QString type = QString::fromLatin1(contentType);
    const MediaType* media = ResponseDrift::mediaFor(response, type);
    if (!media) {
        QStringList declared;
        for (const MediaType& m : response.content)
            declared.append(m.name);
        add(result, QStringLiteral("header/Content-Type"), QStringLiteral("content-type"),
            QStringLiteral("%1 is not declared for %2 (declared: %3)")
                .arg(type, response.code, declared.join(QStringLiteral(", "))));
        return;
    }
    if (answer.headRequest || media->schemaPointer.isEmpty() || !MediaTypeNegotiator::isJson(type))
        return;
    bool encoded = false;
    const QByteArray encoding = headerValue(answer.headers, QStringLiteral("Content-Encoding"), &encoded);
    if (encoded && encoding.toLower() != "identity") {
        result->trace.append(
            QStringLiteral("The body is sent with Content-Encoding %1; it was not checked against the schema.")
                .arg(QString::fromLatin1(encoding)));
        return;
    }
    const ParsedBody parsed = BodyParser::parseJson(answer.body);
    if (!parsed.ok()) {
        for (const ProblemError& e : parsed.errors)
            add(result, QStringLiteral("body"), QStringLiteral("unreadable"), e.message);
        return;
    }
    const CompiledSchemaPtr schema = definition.schemas().get(media->schemaPointer);
    if (!schema)
        return;
    QList<SchemaError> errors;
    if (!schema->validate(parsed.value, ValidationDirection::UpstreamResponse, &errors))
        result->errors.append(RequestValidator::toProblemErrors(QStringLiteral("body"), errors));
}

} // namespace

const Response* ResponseDrift::responseFor(const Operation& operation, int status)
{
    const Response* range = nullptr;
    const Response* fallback = nullptr;
    const QString code = QString::number(status);
    for (const Response& response : operation.responses) {
        if (response.code == code)
            return &response;
        if (response.isRange() && response.covers(status))
            range = range ? range : &response;
        else if (response.isDefault())
            fallback = &response;
    }
    return range ? range : fallback;
}

DriftResult ResponseDrift::check(const Definition& definition, const Operation* operation, const UpstreamAnswer& answer)
{
    DriftResult result;
    if (!operation) {
        add(&result, QStringLiteral("path"), QStringLiteral("not-in-definition"),
            QStringLiteral("the request matches no operation of the definition"));
        result.trace.append(QStringLiteral("Drift: the upstream answered %1 for a request the definition does not "
                                           "define.")
                                .arg(answer.status));
        return result;
    }
    const Response* response = responseFor(*operation, answer.status);
    if (!response) {
        add(&result, QStringLiteral("status"), QStringLiteral("undefined-status"),
            QStringLiteral("%1 defines no response %2 (defined: %3)")
                .arg(operation->id)
                .arg(answer.status)
                .arg(operation->responseCodes().join(QStringLiteral(", "))));
    } else {
        checkHeaders(definition, *response, answer.headers, &result);
        checkBody(definition, *response, answer, &result);
    }
    if (result.errors.isEmpty()) {
        result.trace.append(QStringLiteral("The upstream's answer %1 fits response %2 of %3.")
                                .arg(answer.status)
                                .arg(response->code, operation->id));
    } else {
        result.trace.append(QStringLiteral("Drift: the upstream's answer %1 breaks the definition in %2 place(s).")
                                .arg(answer.status)
                                .arg(result.errors.size()));
    }
    return result;
}

const MediaType* ResponseDrift::mediaFor(const Response& response, const QString& contentType)
{
    const MediaType* wildcard = nullptr;
    for (const MediaType& media : response.content) {
        if (!MediaTypeNegotiator::matches(contentType, media.name))
            continue;
        if (!media.name.contains(QLatin1Char('*')))
            return &media;
        wildcard = wildcard ? wildcard : &media;
    }
    return wildcard;
}
