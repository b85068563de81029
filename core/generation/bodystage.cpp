// SPDX-License-Identifier: MIT
#include "core/generation/bodystage.h"

#include <QJsonDocument>

#include "core/generation/requestsubstitution.h"
#include "core/generation/streambody.h"
#include "core/negotiation/mediatypenegotiator.h"

namespace {

using PathParameters = QList<QPair<QString, QString>>;

RequestValues requestValues(
    const HttpRequest& request, const PathParameters& pathParameters, const QJsonValue& parsedBody)
{
    RequestValues values;
    for (const auto& p : pathParameters)
        values.pathParameters[p.first].append(p.second);
    for (const auto& q : request.queryItems())
        values.queryParameters[q.first].append(q.second);
    const QString type = QString::fromLatin1(request.header("Content-Type"));
    const bool json = MediaTypeNegotiator::isJson(type);
    if (!parsedBody.isUndefined() && (json || MediaTypeNegotiator::isXml(type))) {
        values.body = parsedBody; // parsed once, by request validation (an XML body by the schema's xml objects)
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
bool maySubstitute(const HttpRequest& request, const PathParameters& pathParameters, const QJsonObject& response)
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

BodyStage::BodyStage(DefinitionPtr definition, bool strictExamples, std::shared_ptr<GenerationControl> generation)
    : m_bodies(definition, std::move(generation))
    , m_strictExamples(strictExamples)
{
    // Known once, so that JSON answers never look at their media type's name for a stream.
    for (const Operation& op : definition->operations)
        for (const Response& response : op.responses)
            for (const MediaType& media : response.content)
                if (!media.itemSchema.isUndefined() || StreamBody::formatOf(media.name) != StreamBody::Format::None)
                    m_streamed.insert(&media);
}

BodyResult BodyStage::build(const BodyInput& input) const
{
    BodyResult result;
    if (input.content.outcome != ContentChoice::Outcome::Chosen || !input.content.media)
        return result;
    const QString& contentType = input.content.contentType;
    const BodySource source =
        m_bodies.choose(*input.content.media, input.forcedExample, { input.pathParameters, input.dynamic });
    result.trace.append(source.reason);
    result.exampleName = source.exampleName;
    if (!source.error.isEmpty()) {
        result.error = Problem::generationFailed(source.error);
        return result;
    }
    if (!source.present)
        return result;

    const bool maybeStream = !m_streamed.isEmpty() && m_streamed.contains(input.content.media);
    if (maybeStream) {
        const StreamBody::Format format = StreamBody::formatOf(contentType);
        if (format != StreamBody::Format::None) {
            const StreamPacing pacing = StreamPacing::from(input.content.media->stream);
            result.chunks = StreamBody::frames(format, source.value, source.item, pacing);
            result.chunkIntervalMs = pacing.intervalMs;
            result.bytes = result.chunks.join();
            result.present = true;
            result.contentType = contentType;
            result.trace.append(QStringLiteral("Streamed %1 items of %2, %3 ms apart.")
                                    .arg(result.chunks.size())
                                    .arg(contentType)
                                    .arg(pacing.intervalMs));
            return result;
        }
    }

    QJsonValue value = source.value;
    bool substituted = false;
    if (!input.problem.isEmpty()) {
        if (source.generated && value.isObject()) {
            RequestValues fill;
            fill.body = input.problem;
            const SubstitutionResult filled = RequestSubstitution::apply(value, fill);
            if (!filled.trace.isEmpty()) {
                value = filled.response;
                substituted = true;
                result.trace.append(QStringLiteral("Filled the generated error body with the problem's values (%1).")
                                        .arg(filled.trace.join(QStringLiteral("; "))));
            }
        }
    } else if (!m_strictExamples && value.isObject()
        && (MediaTypeNegotiator::isJson(contentType) || MediaTypeNegotiator::isXml(contentType))
        && maySubstitute(input.request, input.pathParameters, value.toObject())) {
        const SubstitutionResult filled =
            RequestSubstitution::apply(value, requestValues(input.request, input.pathParameters, input.parsedBody));
        if (!filled.trace.isEmpty()) {
            value = filled.response;
            substituted = true;
            result.trace.append(QStringLiteral("Put request values into the response (strictExamples: false): %1.")
                                    .arg(filled.trace.join(QStringLiteral("; "))));
        }
    }
    result.present = true;
    result.contentType = contentType;
    // Unchanged examples and generated bodies are serialised once and reused.
    result.bytes = substituted ? m_bodies.render(value, source, contentType) : m_bodies.bytes(source, contentType);
    return result;
}
