// SPDX-License-Identifier: MIT
// The one in-memory model of a loaded API definition (OpenAPI 3.0/3.1, Swagger 2.0 converted).
#pragma once

#include <memory>
#include <mutex>

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/json/diagnostic.h"
#include "core/schema/schemadialect.h"

class SchemaCache;

// Schemas stay as QJsonValue inside Definition::document. Every "$ref" in the document is a local
// pointer ("#/..."): external files are bundled in by the loader (see ARCHITECTURE.md), so
// downstream units (validator, generator) resolve refs against `document` only. A schema is
// addressed by its value plus its JSON pointer in `document` (`schemaPointer`), which lets units
// cache work per schema and report schema locations.

// A named entry of a media type's `examples` map, with any `$ref` to an Example Object resolved.
struct NamedExample
{
    QString name;
    QString summary;
    QString description;
    QJsonValue value; // Undefined when the example only has externalValue (and it could not be read)
    bool hasValue = false; // `value`, or OpenAPI 3.2's `dataValue` (or a lone `serializedValue`, read per media type)
    QString serializedValue; // OpenAPI 3.2: the value as it is sent
    bool hasSerializedValue = false;
    QString externalValue; // as written in the definition
    QString pointer; // where the Example Object lives in `document`
};

struct MediaType
{
    QString name; // "application/json", "text/plain", "*/*", ...
    QJsonValue schema; // Undefined when absent; may be {"$ref": "#/..."}
    QString schemaPointer; // pointer of `schema` in `document` (empty when absent)
    QJsonValue example; // the media type's `example`
    bool hasExample = false;
    QList<NamedExample> examples; // in document order
    QJsonObject encoding; // multipart / form encodings, as written
    QString pointer;
    // Sequential media types (OpenAPI 3.2): the schema of one item of the stream, Undefined when absent.
    QJsonValue itemSchema = QJsonValue(QJsonValue::Undefined);
    QString itemSchemaPointer;
    QJsonObject stream; // `x-understudy-stream`: how many items a mocked stream sends, and how far apart
};

struct HeaderDef
{
    QString name;
    QString description;
    bool required = false;
    bool deprecated = false;
    QJsonValue schema;
    QString schemaPointer;
    QJsonValue example;
    bool hasExample = false;
    QList<NamedExample> examples;
    QString pointer;
};

struct Parameter
{
    QString name;
    QString in; // "path", "query", "header", "cookie", or OpenAPI 3.2's "querystring" (the whole query, via content)
    QString description;
    bool required = false;
    bool deprecated = false;
    bool allowEmptyValue = false;
    bool allowReserved = false;
    QString style; // defaulted by the loader per `in` (form/simple/...)
    bool explode = false; // defaulted by the loader (true for form)
    QJsonValue schema;
    QString schemaPointer;
    QList<MediaType> content; // `content`-based parameters (then schema is Undefined)
    QJsonValue example;
    bool hasExample = false;
    QList<NamedExample> examples;
    QString pointer;
};

struct RequestBody
{
    bool present = false;
    bool required = false;
    QString description;
    QList<MediaType> content;
    QString pointer;
};

struct Response
{
    QString code; // "200", "2XX", "default"
    QString description;
    QList<MediaType> content;
    QList<HeaderDef> headers;
    QString pointer;

    bool isDefault() const
    {
        return code == QLatin1String("default");
    }
    bool isRange() const
    {
        return code.size() == 3 && code.endsWith(QLatin1String("XX"), Qt::CaseInsensitive);
    }
    // The concrete status this response answers with: 200 for "200", 200 for "2XX", 0 for default.
    int status() const;
    // True when this response covers `status` (exact code, or range "2XX").
    bool covers(int status) const;
};

// One security requirement object: ALL of its schemes must be satisfied (AND).
struct SecurityRequirement
{
    struct Item
    {
        QString scheme; // key into Definition::securitySchemes
        QStringList scopes;
    };
    QList<Item> schemes; // empty = anonymous access allowed ({})
};

// One operation of a callback's path item: what the mock sends to the URL the callback's expression computes.
struct CallbackOperation
{
    QString method; // upper case
    QList<Parameter> parameters; // path item + operation; header parameters become request headers
    RequestBody requestBody;
    QString pointer;
};

// One entry of an operation's `callbacks` (OpenAPI 3.x), with any $ref to components/callbacks resolved.
struct Callback
{
    QString name; // the key in `callbacks`: "onEvent"
    QString expression; // the URL template: "{$request.body#/callbackUrl}/events"
    QList<CallbackOperation> operations; // in document order
    QString pointer; // where the path item lives in `document`
};

struct Operation
{
    QString id; // operationId, synthesized ("get_users_id") when absent
    bool idSynthesized = false;
    QString method; // upper case: GET, POST, ...
    QString path; // path template as written: "/users/{id}"
    QStringList tags;
    QString summary;
    QString description;
    bool deprecated = false;
    QList<Parameter> parameters; // path item + operation, merged (operation wins by name+in)
    RequestBody requestBody;
    QList<Response> responses; // in document order
    QList<SecurityRequirement> security; // effective: operation's, else global; empty = none needed
    QList<Callback> callbacks; // fired after the answer is written (see core/callbacks)
    QString pointer; // "/paths/~1users~1{id}/get"
    int index = 0; // position in Definition::operations

    const Response* response(const QString& code) const;
    QStringList responseCodes() const;
};

struct Server
{
    QString url; // with variables substituted by their defaults
    QString description;
    QString basePath; // path part of url, "" or "/v2" (no trailing slash)
};

struct Tag
{
    QString name;
    QString description;
};

// Holds a definition's compiled schemas, created on first use. A copy starts empty: its document may be changed.
class DefinitionSchemas
{
public:
    DefinitionSchemas() = default;
    DefinitionSchemas(const DefinitionSchemas&) { }
    DefinitionSchemas& operator=(const DefinitionSchemas& other);

    std::shared_ptr<const SchemaCache> get(const QJsonObject& document, SchemaDialect dialect) const;

private:
    mutable std::mutex m_mutex;
    mutable std::shared_ptr<const SchemaCache> m_cache;
};

struct Definition
{
    QString file; // absolute path of the root file, or ":/examples/bookshelf.yaml"
    QString specVersion; // as written: "3.0.3", "3.1.0", "2.0"
    SchemaDialect dialect = SchemaDialect::OpenApi30;
    bool convertedFromSwagger2 = false;
    QString title;
    QString version; // info.version
    QString description;
    QList<Server> servers;
    QList<Tag> tags; // declared tags, in document order
    QList<Operation> operations;
    QJsonObject securitySchemes; // name -> Security Scheme Object ($refs resolved)
    QJsonObject document; // the bundled document (OpenAPI 3 shape; external refs bundled in)
    QStringList files; // every file read: root first, then external files and overlays
    QStringList overlays; // the overlay files applied (absolute paths), in order

    // Where a pointer into `document` came from (file and pointer inside that file). Pointers under
    // "/x-understudy-bundled/<n>" map back to external files.
    struct Origin
    {
        QString file;
        QString pointer;
    };
    Origin originOf(const QString& documentPointer) const;
    QHash<QString, Origin> bundledOrigins; // "/x-understudy-bundled/3" -> {file, pointer}

    // QJsonObject sorts keys, so the loader keeps the written order of the objects where it matters (paths,
    // path items, responses, content, examples, headers): file -> pointer in that file (see originOf) -> keys.
    // A Swagger 2.0 root also gets the converted `content` maps' order, under their document pointers.
    QHash<QString, QHash<QString, QStringList>> keyOrders;

    // The one schema cache of this definition: every schema pointer of `document` compiled once, lazily and
    // thread-safely, for request validation, generation, the example linter and the UI alike. Call it only once
    // `document` and `dialect` are final.
    const SchemaCache& schemas() const;
    std::shared_ptr<const SchemaCache> sharedSchemas() const;
    DefinitionSchemas compiledSchemas;

    // The first server's path ("/v2"), "" when none.
    QString basePath() const;
    const Operation* operation(const QString& id) const;
};

using DefinitionPtr = std::shared_ptr<const Definition>;
