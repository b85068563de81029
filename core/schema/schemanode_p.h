// SPDX-License-Identifier: MIT
// Internal: the compiled schema graph shared by the compiler and the validator (not a public API).
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include "core/schema/formatcheckers.h"
#include "core/schema/schemadialect.h"
#include "core/schema/schemavalidator.h"

namespace SchemaInternal {

enum TypeBit : quint8
{
    TypeNull = 1,
    TypeBoolean = 2,
    TypeObject = 4,
    TypeArray = 8,
    TypeNumber = 16,
    TypeInteger = 32, // set for numbers without a fractional part (1.0 included)
    TypeString = 64,
};

struct Node;

// A pattern compiled once; `source` is kept for messages.
struct Pattern
{
    QString source;
    QRegularExpression regex;
};

// One entry of `properties`, with the readOnly/writeOnly flags of its schema resolved at compile time.
struct PropertyRule
{
    const Node* schema = nullptr;
    bool readOnly = false;
    bool writeOnly = false;
    bool required = false; // also listed in `required`: lets one pass over the object settle most required checks
};

struct RequiredRule
{
    QString name;
    bool readOnly = false;
    bool writeOnly = false;
};

// OpenAPI `discriminator` on a node with oneOf/anyOf: the property value selects the branch to check.
struct Discriminator
{
    QString propertyName;
    QHash<QString, const Node*> branches; // discriminator value -> schema
    QStringList values; // known values, for messages
    const Node* defaultBranch = nullptr; // OpenAPI 3.2 `defaultMapping`: a missing or unmapped value takes it
};

// A compiled schema object (or boolean schema). Fields are filled once by the compiler, then only read.
struct Node
{
    QString pointer; // location in the document
    int resource = 0; // index of the schema resource (for $dynamicRef scope)

    enum class Kind
    {
        Schema,
        AlwaysTrue,
        AlwaysFalse
    } kind = Kind::Schema;

    // references
    const Node* ref = nullptr;
    QString refPointer; // the resolved target pointer, for discriminator mapping
    bool refOnly = false; // draft 4 / OpenAPI 3.0: $ref siblings are ignored
    const Node* dynamicRef = nullptr; // static target of $dynamicRef
    std::vector<std::pair<int, const Node*>> dynamicTargets; // resource -> schema with the matching $dynamicAnchor

    // any type
    quint8 typeMask = 0; // 0 = no `type`
    bool nullable = false;
    bool hasEnum = false;
    QJsonArray enumValues;
    bool hasConst = false;
    QJsonValue constValue;

    // numbers
    bool hasMinimum = false, hasMaximum = false, hasExclusiveMinimum = false, hasExclusiveMaximum = false;
    double minimum = 0, maximum = 0, exclusiveMinimum = 0, exclusiveMaximum = 0;
    double multipleOf = 0; // 0 = none

    // strings
    int minLength = -1, maxLength = -1;
    std::unique_ptr<Pattern> pattern;
    SchemaFormats::Kind format = SchemaFormats::Kind::Unknown;
    QString formatName;

    // arrays
    int minItems = -1, maxItems = -1;
    bool uniqueItems = false;
    std::vector<const Node*> prefixItems; // tuple form (draft 4 `items` array, 2020-12 `prefixItems`)
    const Node* items = nullptr; // items after the prefix
    const Node* contains = nullptr;
    int minContains = 1, maxContains = -1;
    const Node* unevaluatedItems = nullptr;

    // objects
    int minProperties = -1, maxProperties = -1;
    std::vector<RequiredRule> required;
    bool allRequiredAreProperties = true;
    QHash<QString, PropertyRule> properties;
    std::vector<std::pair<std::unique_ptr<Pattern>, const Node*>> patternProperties;
    const Node* additionalProperties = nullptr;
    const Node* propertyNames = nullptr;
    std::vector<std::pair<QString, QStringList>> dependentRequired;
    std::vector<std::pair<QString, const Node*>> dependentSchemas;
    const Node* unevaluatedProperties = nullptr;

    // applicators
    std::vector<const Node*> allOf, anyOf, oneOf;
    const Node* notSchema = nullptr;
    const Node* ifSchema = nullptr;
    const Node* thenSchema = nullptr;
    const Node* elseSchema = nullptr;
    std::unique_ptr<Discriminator> discriminator;

    bool tracksAnnotations() const
    {
        return unevaluatedItems || unevaluatedProperties;
    }
};

// Owns every node; nodes point at each other (cycles allowed), so they live as long as the graph.
struct Graph
{
    SchemaDialect dialect = SchemaDialect::Draft202012;
    SchemaOptions options;
    std::vector<std::unique_ptr<Node>> nodes;
    Node alwaysTrue;
    Node alwaysFalse;
};

// Turns schema JSON into nodes, memoized by pointer so shared and recursive refs compile once.
class Compiler
{
public:
    Compiler(QJsonValue root, SchemaDialect dialect, const SchemaOptions& options);

    const Node* compileAt(const QString& pointer);
    std::shared_ptr<const Graph> graph() const
    {
        return m_graph;
    }
    const Diagnostics& warnings() const
    {
        return m_warnings;
    }

private:
    // `known`: the value at `pointer` when the caller has it (saves resolving the pointer from the root again).
    Node* nodeAt(const QString& pointer, int depth, const QJsonValue* known = nullptr);
    const Node* child(const QString& pointer, const QJsonValue& value, int depth);
    void fill(Node* node, const QJsonObject& obj, const QString& base, int depth);
    void fillDiscriminator(Node* node, const QJsonObject& obj, int depth);
    bool resolveRefTo(const QString& ref, const QString& base, QString* target) const;
    const Node* compileRef(const QString& ref, const QString& base, const QString& at, int depth, QString* target);
    void scan(const QJsonValue& schema, const QString& pointer, QString base, int depth);
    void ensureScanned(const QString& pointer);
    QString baseAt(const QString& pointer) const;
    int resourceIndex(const QString& uri);
    std::unique_ptr<Pattern> makePattern(const QString& source, const QString& at);
    bool flagOf(const QJsonValue& schema, const QString& key, int depth) const;
    void warn(const QString& message, const QString& pointer, const QString& code);

    QJsonValue m_root;
    SchemaDialect m_dialect;
    bool m_modern;
    std::shared_ptr<Graph> m_graph;
    QHash<QString, Node*> m_memo;
    QHash<QString, QString> m_baseAt; // scanned schema pointer -> base URI
    QSet<QString> m_scannedRoots;
    QHash<QString, QString> m_resourceByUri; // absolute URI (no fragment) -> pointer
    QHash<QString, QString> m_anchors; // "uri#name" -> pointer
    QHash<QString, QHash<QString, QString>> m_dynamicAnchors; // resource uri -> name -> pointer
    QHash<QString, int> m_resourceIndex;
    Diagnostics m_warnings;
    QSet<QString> m_warned;
};

} // namespace SchemaInternal
