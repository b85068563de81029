// SPDX-License-Identifier: MIT
// Content negotiation on media types: Accept header against declared content, and request Content-Type checks.
#pragma once

#include <optional>

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// One media range ("text/*;q=0.5") or media type ("application/json; charset=utf-8"), parsed.
struct MediaRange
{
    QString type; // lower case; "*" for a wildcard
    QString subtype; // lower case; "*" for a wildcard
    QList<QPair<QString, QString>> parameters; // names lower case, values unquoted; without q
    double quality = 1.0;

    QString essence() const
    {
        return type + QLatin1Char('/') + subtype;
    }
    bool isWildcard() const
    {
        return type == QLatin1String("*") || subtype == QLatin1String("*");
    }
    // 0 for "*/*", 1 for "type/*", 2 for "type/subtype"; parameters are counted separately.
    int specificity() const;
    QString parameter(const QString& name) const; // null when absent

    // Empty optional for malformed text: no slash, empty parts, "*/json", a q outside 0..1.
    static std::optional<MediaRange> parse(const QString& text);
    // The same, memoised per thread (bounded): media types repeat from request to request.
    static std::optional<MediaRange> parseCached(const QString& text);
};

// The outcome of negotiating a response media type.
struct MediaTypeChoice
{
    bool acceptable = false; // false: answer 406 listing the available types
    QString declared; // the chosen entry of `available`, exactly as declared (key into `content`)
    QString contentType; // what to send as Content-Type: `declared`, made concrete when it is a wildcard
    double quality = 0.0; // the q the client gave the chosen type
};

class MediaTypeNegotiator
{
public:
    // Media ranges of an Accept header in order; malformed parts are dropped, q=0 ranges are kept.
    static QList<MediaRange> parseAccept(const QString& accept);

    /**
     * Chooses one of `available` (declared order matters) for `accept`.
     * Highest q wins; ties go to the more specific match (the accept range first, then the declared type),
     * then to JSON-like types when only a bare wildcard matched (curl and browsers send such ranges), then
     * to declared order. A missing or empty Accept (or one with only malformed parts) picks the first
     * JSON-like declared type, else the first declared type. An empty `available` is never acceptable.
     */
    static MediaTypeChoice choose(const QString& accept, const QStringList& available);

    // application/json, text/json and any "+json" suffix; parameters are ignored.
    static bool isJson(const QString& mediaType);
    // application/xml, text/xml and any "+xml" suffix; parameters are ignored.
    static bool isXml(const QString& mediaType);
    // Types whose bodies are readable text: text/*, JSON, XML, YAML, form data, JavaScript.
    static bool isText(const QString& mediaType);

    // Whether a request Content-Type satisfies a declared request body media type. The declared type may be
    // a wildcard ("*/*", "application/*"); request parameters count only when the declared type names them.
    static bool matches(const QString& requestContentType, const QString& declared);
};
