// SPDX-License-Identifier: MIT
// Pipeline stage: the body of the chosen response and media type, with request values substituted in.
#pragma once

#include <optional>

#include <QSet>

#include "core/generation/bodybuilder.h"
#include "core/http/httprequest.h"
#include "core/http/problem.h"
#include "core/negotiation/contentchoice.h"

// What the body depends on, for one request.
struct BodyInput
{
    const HttpRequest& request;
    const ContentChoice& content; // a NoContent or NotAcceptable choice gives no body
    const QString& forcedExample; // an example of `content.media`'s response, or empty
    const QList<QPair<QString, QString>>& pathParameters; // the router's decoded path variables
    const QJsonValue& parsedBody; // the request body as validation parsed it; Undefined when it did not
    const QJsonObject& problem; // a refusal answered by the definition's own response: its problem, else empty
    std::optional<bool> dynamic = std::nullopt; // Prefer: dynamic=true/false; unset: the GenerationControl's mode
};

struct BodyResult
{
    bool present = false; // false: send no body and no Content-Type
    QByteArray bytes;
    QString contentType;
    QString exampleName; // the named example served, if any
    QStringList trace;
    std::optional<Problem> error; // the body could not be built: answer with this problem instead (500)
    // A sequential media type (text/event-stream, JSON Lines): the frames to send one by one, `chunkIntervalMs`
    // apart; `bytes` holds them all (for HEAD, HTTP/1.0 and the log). Empty for every other body.
    QByteArrayList chunks;
    int chunkIntervalMs = 0;
};

// Thread-safe (see BodyBuilder): one stage serves every request of a pipeline.
class BodyStage
{
public:
    BodyStage(DefinitionPtr definition, bool strictExamples, std::shared_ptr<GenerationControl> generation = nullptr);

    /**
     * Body source (forced example, examples, example, schema example, generated), then substitution: a generated
     * error body gets the problem's values; otherwise, unless `strictExamples`, a JSON object body gets the request's
     * path, query and body values. Unchanged bodies come from the serialisation cache.
     */
    BodyResult build(const BodyInput& input) const;

    const BodyBuilder& builder() const
    {
        return m_bodies;
    }

private:
    BodyBuilder m_bodies;
    bool m_strictExamples = false;
    QSet<const MediaType*> m_streamed; // media types of the definition that may answer with a stream
};
