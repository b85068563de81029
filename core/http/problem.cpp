// SPDX-License-Identifier: MIT
#include "core/http/problem.h"

#include <array>

#include "core/json/jsonwriter.h"

QJsonObject Problem::toJson() const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("title"), title);
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("detail"), detail);
    if (!errors.isEmpty()) {
        QJsonArray arr;
        for (const ProblemError& e : errors)
            arr.append(QJsonObject { { QStringLiteral("location"), e.location }, { QStringLiteral("code"), e.code },
                { QStringLiteral("message"), e.message } });
        o.insert(QStringLiteral("errors"), arr);
        // Prism's shape of the same violations, so clients written for Prism keep reading them.
        QJsonArray validation;
        for (const ProblemError& e : errors) {
            QJsonArray location;
            for (const QString& segment : e.location.split(QLatin1Char('/'), Qt::SkipEmptyParts))
                location.append(segment);
            validation.append(QJsonObject { { QStringLiteral("location"), location },
                { QStringLiteral("severity"), QStringLiteral("Error") }, { QStringLiteral("code"), e.code },
                { QStringLiteral("message"), e.message } });
        }
        o.insert(QStringLiteral("validation"), validation);
    }
    if (!wwwAuthenticate.isEmpty())
        o.insert(QStringLiteral("headers"),
            QJsonObject { { QStringLiteral("WWW-Authenticate"), QString::fromLatin1(wwwAuthenticate) } });
    return o;
}

namespace {

// Our own members, in the sorted order QJsonObject keeps (toJson() inserts the same ones).
enum class Member
{
    Detail,
    Errors,
    Headers,
    Status,
    Title,
    Type,
    Validation,
};
constexpr std::array<std::pair<const char*, Member>, 7> kMembers { {
    { "detail", Member::Detail },
    { "errors", Member::Errors },
    { "headers", Member::Headers },
    { "status", Member::Status },
    { "title", Member::Title },
    { "type", Member::Type },
    { "validation", Member::Validation },
} };

} // namespace

QByteArray Problem::body() const
{
    QByteArray out;
    out.reserve(256 + 160 * errors.size());
    out.append('{');
    bool first = true;
    const auto key = [&](const QString& name) {
        if (!first)
            out.append(',');
        first = false;
        JsonWriter::appendString(&out, name);
        out.append(':');
    };
    const auto ownKey = [&](const char* name) {
        if (!first)
            out.append(',');
        first = false;
        out.append('"').append(name).append("\":");
    };
    const auto writeMember = [&](Member member) {
        switch (member) {
        case Member::Detail:
            JsonWriter::appendString(&out, detail);
            break;
        case Member::Errors:
            out.append('[');
            for (qsizetype i = 0; i < errors.size(); ++i) {
                const ProblemError& e = errors.at(i);
                out.append(i ? ",{\"code\":" : "{\"code\":");
                JsonWriter::appendString(&out, e.code);
                out.append(",\"location\":");
                JsonWriter::appendString(&out, e.location);
                out.append(",\"message\":");
                JsonWriter::appendString(&out, e.message);
                out.append('}');
            }
            out.append(']');
            break;
        case Member::Headers:
            out.append("{\"WWW-Authenticate\":");
            JsonWriter::appendString(&out, QString::fromLatin1(wwwAuthenticate));
            out.append('}');
            break;
        case Member::Status:
            out.append(QByteArray::number(status));
            break;
        case Member::Title:
            JsonWriter::appendString(&out, title);
            break;
        case Member::Type:
            JsonWriter::appendString(&out, type);
            break;
        case Member::Validation: // Prism's shape of the same violations
            out.append('[');
            for (qsizetype i = 0; i < errors.size(); ++i) {
                const ProblemError& e = errors.at(i);
                out.append(i ? ",{\"code\":" : "{\"code\":");
                JsonWriter::appendString(&out, e.code);
                out.append(",\"location\":[");
                bool firstSegment = true;
                for (const QStringView segment : QStringView(e.location).split(u'/', Qt::SkipEmptyParts)) {
                    if (!firstSegment)
                        out.append(',');
                    firstSegment = false;
                    JsonWriter::appendString(&out, segment);
                }
                out.append("],\"message\":");
                JsonWriter::appendString(&out, e.message);
                out.append(",\"severity\":\"Error\"}");
            }
            out.append(']');
            break;
        }
    };
    // Merge our members with `extra`'s (both sorted); ours win over an extra member of the same name.
    auto it = extra.constBegin();
    for (const auto& [name, member] : kMembers) {
        if ((member == Member::Errors || member == Member::Validation) && errors.isEmpty())
            continue;
        if (member == Member::Headers && wwwAuthenticate.isEmpty())
            continue;
        const QLatin1String ours(name);
        for (; it != extra.constEnd() && it.key() < ours; ++it) {
            key(it.key());
            JsonWriter::appendValue(&out, it.value());
        }
        if (it != extra.constEnd() && it.key() == ours)
            ++it;
        ownKey(name);
        writeMember(member);
    }
    for (; it != extra.constEnd(); ++it) {
        key(it.key());
        JsonWriter::appendValue(&out, it.value());
    }
    out.append('}');
    return out;
}

HttpResponse Problem::toResponse() const
{
    HttpResponse r;
    r.status = status;
    r.headers.reserve(1 + headers.size());
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/problem+json")));
    r.headers.append(headers);
    r.body = body();
    return r;
}

Problem Problem::make(int status, const QString& slug, const QString& title, const QString& detail)
{
    Problem p;
    p.status = status;
    p.type = QStringLiteral("https://understudy.dev/problems/") + slug;
    p.title = title;
    p.detail = detail;
    return p;
}

Problem Problem::noPathMatched(const QString& path)
{
    return make(404, QStringLiteral("no-path-matched"), QStringLiteral("Route not resolved, no path matched"),
        QStringLiteral("The definition has no path that matches %1").arg(path));
}

Problem Problem::methodNotAllowed(const QString& method, const QString& path, const QStringList& allowed)
{
    Problem p = make(405, QStringLiteral("method-not-allowed"), QStringLiteral("Route resolved, but no method matched"),
        QStringLiteral("%1 is not defined for %2; allowed: %3").arg(method, path, allowed.join(QStringLiteral(", "))));
    p.headers.append(qMakePair(QByteArray("Allow"), allowed.join(QStringLiteral(", ")).toLatin1()));
    p.extra.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(allowed));
    return p;
}

Problem Problem::notAcceptable(const QString& accept, const QStringList& available)
{
    Problem p = make(406, QStringLiteral("not-acceptable"),
        QStringLiteral("The server cannot produce a representation for your Accept header"),
        QStringLiteral("Accept: %1 matches none of the available media types: %2")
            .arg(accept, available.join(QStringLiteral(", "))));
    p.extra.insert(QStringLiteral("available"), QJsonArray::fromStringList(available));
    return p;
}

Problem Problem::unsupportedMediaType(const QString& contentType, const QStringList& supported)
{
    const QString sent = contentType.isEmpty() ? QStringLiteral("(none)") : contentType;
    Problem p = make(415, QStringLiteral("unsupported-media-type"), QStringLiteral("Unsupported content type"),
        supported.isEmpty()
            ? QStringLiteral("The operation takes no request body, but one was sent (Content-Type %1)").arg(sent)
            : QStringLiteral("Content-Type %1 is not accepted; supported content types: %2")
                  .arg(sent, supported.join(QStringLiteral(", "))));
    p.extra.insert(QStringLiteral("supported"), QJsonArray::fromStringList(supported));
    return p;
}

Problem Problem::invalidRequest(const QList<ProblemError>& errors)
{
    Problem p = make(422, QStringLiteral("invalid-request"), QStringLiteral("Invalid request"),
        errors.size() == 1 ? QStringLiteral("The request has 1 violation of the definition")
                           : QStringLiteral("The request has %1 violations of the definition").arg(errors.size()));
    p.errors = errors;
    return p;
}

Problem Problem::unauthorized(const QString& detail, const QList<QByteArray>& wwwAuthenticate)
{
    Problem p = make(401, QStringLiteral("unauthorized"), QStringLiteral("Invalid security scheme used"), detail);
    for (const QByteArray& challenge : wwwAuthenticate)
        p.headers.append(qMakePair(QByteArray("WWW-Authenticate"), challenge));
    // Prism's body repeats the challenge: {"headers": {"WWW-Authenticate": ...}}
    p.wwwAuthenticate = QByteArrayList(wwwAuthenticate).join(", ");
    return p;
}

Problem Problem::noResponseDefined(const QString& operationId)
{
    return make(500, QStringLiteral("no-response-defined"), QStringLiteral("No response defined"),
        QStringLiteral("Operation %1 defines no response the mock can answer with").arg(operationId));
}

Problem Problem::exampleNotFound(const QString& name, const QStringList& available)
{
    Problem p = make(500, QStringLiteral("example-not-found"), QStringLiteral("Forced example not found"),
        QStringLiteral("No example named '%1' exists in this operation; available examples: %2")
            .arg(name, available.isEmpty() ? QStringLiteral("(none)") : available.join(QStringLiteral(", "))));
    p.extra.insert(QStringLiteral("available"), QJsonArray::fromStringList(available));
    return p;
}

Problem Problem::generationFailed(const QString& detail)
{
    return make(500, QStringLiteral("generation-failed"), QStringLiteral("Response generation failed"), detail);
}

Problem Problem::mockOff(const QString& reason)
{
    return make(503, QStringLiteral("mock-off"), QStringLiteral("Mock server is off"), reason);
}
