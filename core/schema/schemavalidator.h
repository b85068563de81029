// SPDX-License-Identifier: MIT
// JSON Schema validation for OpenAPI 3.0/3.1 and plain draft 4 / 2020-12: compile once, validate many.
#pragma once

#include <memory>
#include <shared_mutex>

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

#include "core/json/diagnostic.h"
#include "core/schema/schemadialect.h"

namespace SchemaInternal {
struct Node;
struct Graph;
class Compiler;
} // namespace SchemaInternal

// Which way a body travels: decides how readOnly/writeOnly properties are treated.
//  - Request: readOnly properties are not required; when present they are accepted (clients often echo what a
//    GET returned) and validated against their schema like any other property. writeOnly properties are normal.
//  - Response: writeOnly properties are not required (and accepted when present); readOnly properties are normal.
//  - UpstreamResponse: a real server's answer (proxy mode): as Response, but a writeOnly property must be absent.
//  - None: both keywords are ignored.
enum class ValidationDirection
{
    None,
    Request,
    Response,
    UpstreamResponse
};

// One reason an instance does not satisfy a schema, with both locations as JSON pointers.
struct SchemaError
{
    QString instancePointer; // "" = the instance itself, "/items/0/name"
    QString schemaPointer; // pointer of the failing keyword inside the compiled document
    QString keyword; // "type", "required", "minimum", ...
    QString message; // "must be >= 1", "missing required property 'name'"

    // "/items/0/name: must be string"
    QString toString() const;
};

// Switches that are not implied by the dialect alone.
struct SchemaOptions
{
    bool assertFormats = false; // `format` fails validation (true for OpenAPI dialects; an annotation otherwise)
    int maxDepth = 200; // nested schema evaluations before giving up with an error (recursion guard)

    static SchemaOptions forDialect(SchemaDialect dialect);
};

// A schema compiled to an immutable graph; validate() is const and safe to call from many threads.
class CompiledSchema
{
public:
    CompiledSchema(std::shared_ptr<const SchemaInternal::Graph> graph, const SchemaInternal::Node* root);

    // Returns true when `instance` is valid. With `errors` null, stops at the first failure; otherwise
    // appends every error found.
    bool validate(const QJsonValue& instance, ValidationDirection direction, QList<SchemaError>* errors) const;
    bool isValid(const QJsonValue& instance, ValidationDirection direction = ValidationDirection::None) const
    {
        return validate(instance, direction, nullptr);
    }
    QString pointer() const; // where the schema sits in its document
    SchemaDialect dialect() const;

private:
    std::shared_ptr<const SchemaInternal::Graph> m_graph;
    const SchemaInternal::Node* m_root;
};

using CompiledSchemaPtr = std::shared_ptr<const CompiledSchema>;

// Compiles schemas that live inside a JSON document (refs "#/..." resolve against that document).
class SchemaValidator
{
public:
    // `schemaPointer` is where the schema is inside `root` ("" = root itself is the schema). Unresolvable refs
    // compile to "accept anything" and add a warning (code "schema-ref-unresolved").
    static CompiledSchemaPtr compile(
        const QJsonValue& root, const QString& schemaPointer, SchemaDialect dialect, Diagnostics* warnings = nullptr);
    static CompiledSchemaPtr compile(const QJsonValue& root, const QString& schemaPointer, SchemaDialect dialect,
        const SchemaOptions& options, Diagnostics* warnings = nullptr);
};

// A thread-safe per-document cache: every schema pointer is compiled once, sharing the nodes of common $refs.
// Lookups of compiled pointers share a read lock; a compile takes the write lock (the compiler is not reentrant).
class SchemaCache
{
public:
    SchemaCache(QJsonValue root, SchemaDialect dialect);
    SchemaCache(QJsonValue root, SchemaDialect dialect, const SchemaOptions& options);
    ~SchemaCache();
    SchemaCache(const SchemaCache&) = delete;
    SchemaCache& operator=(const SchemaCache&) = delete;

    CompiledSchemaPtr get(const QString& pointer) const;
    // Warnings gathered by every compile so far (unresolved refs, risky patterns), without duplicates.
    Diagnostics warnings() const;

private:
    mutable std::shared_mutex m_mutex;
    std::unique_ptr<SchemaInternal::Compiler> m_compiler;
    mutable QHash<QString, CompiledSchemaPtr> m_compiled;
};
