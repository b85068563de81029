// SPDX-License-Identifier: MIT
// Plain values for the Try-it console: a request prefilled from an Operation, turned into URL, headers and body.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "core/definition/definition.h"
#include "core/engine/requestlogentry.h"
#include "core/http/httprequest.h"

// One editable name/value line of a draft: a path, query, header or cookie parameter (or a credential).
struct DraftParameter
{
    QString name;
    QString value;
    QString in; // "path", "query", "header" or "cookie"
    bool enabled = false; // only enabled lines are sent (path lines always are)
    bool required = false;
    bool explodeArray = false; // an exploded query array: "a,b" is sent as name=a&name=b
    bool credential = false; // filled from a security scheme rather than a parameter
    QString description;
};

// A request body choice: one named example (or the inline example, or a generated sample) as text.
struct DraftBodyExample
{
    QString name; // example name; empty for the inline example or a generated sample
    QString label; // what the example combo shows
    QString text; // serialised for the media type
};

// A media type of the request body with the examples that can prefill it.
struct DraftMediaType
{
    QString name; // "application/json"; the Content-Type sent (multipart gets a boundary)
    QList<DraftBodyExample> examples; // never empty
};

// Everything the Try-it form edits, as plain values; the widget only displays and edits it.
struct RequestDraft
{
    QString operationId;
    QString method; // "GET"
    QString basePath; // the first server's path, "" or "/v1"
    QString pathTemplate; // "/users/{username}"
    QList<DraftParameter> parameters; // path, query, header and cookie lines in that order, credentials last

    bool hasBody = false; // the operation declares a request body
    QList<DraftMediaType> mediaTypes;
    QString contentType; // the media type to send; empty = no Content-Type
    QString body; // the body text to send (UTF-8)

    QStringList responseStatuses; // statuses the operation defines ("200", "429"), for x-redocly-response-status
    QStringList responseExamples; // example names across all responses, for x-redocly-response-body-example
    QString forcedStatus; // sent as x-redocly-response-status when not empty
    QString forcedExample; // sent as x-redocly-response-body-example when not empty

    // Prefills a draft from the definition: parameter values from examples, defaults, enums or SchemaSampler,
    // the body from the first media type's first example, credentials from the effective security requirement.
    static RequestDraft fromOperation(const Definition& definition, const Operation& operation);

    // Takes the values of a logged request to this operation: path parameters read from its path, query,
    // header and cookie lines from what was sent (lines it did not send are switched off), its body and
    // Content-Type. Lines the draft does not have are added (as Try-it's "Add header" does).
    void applyLoggedRequest(const RequestLogEntry& entry);

    // basePath + template with the path parameters percent-encoded in: "/v1/users/redocker".
    QString resolvedPath() const;
    // The absolute URL on `baseUrl` (scheme, host and port of the mock) including the enabled query lines.
    QUrl url(const QUrl& baseUrl) const;
    // Enabled header lines, one Cookie header for enabled cookies, Content-Type, then the forcing headers.
    HeaderList headers() const;
    // The body to send: empty when the operation has none or the text is empty.
    QByteArray bodyBytes() const;
    // The same request as a POSIX shell curl command line.
    QString curlCommand(const QUrl& baseUrl) const;

    // A path a browser can open on the mock and get a 2xx for: the first GET with no required query, header or
    // cookie parameter and no credentials needed, path parameters filled from the sampler; "" when there is none.
    // basePath included ("/v1/books").
    static QString browsablePath(const Definition& definition);

    // The Content-Type header value for a media type name (multipart/form-data gets our fixed boundary).
    static QString contentTypeHeader(const QString& mediaType);
    // A text placeholder for a schema-less value ("<string>", "<integer>").
    static QString placeholder(const QJsonValue& schema, const QJsonObject& document);
};
