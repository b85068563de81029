// SPDX-License-Identifier: MIT
#include "core/definition/examplelinter.h"

#include <QJsonArray>
#include <QSet>

#include "core/json/jsonpointer.h"
#include "core/schema/schemachecks.h"
#include "core/schema/schemavalidator.h"

namespace {

constexpr int kMaxSchemaDepth = 64;

// One lint run: the definition's schema cache, the pointers already checked, the diagnostics so far.
class LintRun
{
public:
    LintRun(const Definition& definition, const LintOptions& options)
        : m_definition(definition)
        , m_options(options)
        , m_schemas(definition.schemas())
    { }

    void checkExample(const QString& schemaPointer, const QJsonValue& example, const QString& examplePointer,
        ValidationDirection direction, const QString& what);
    void checkMedia(const MediaType& media, ValidationDirection direction, const QString& what);
    void checkNamed(const QList<NamedExample>& examples, const QString& schemaPointer, ValidationDirection direction,
        const QString& what);
    void walkSchema(const QString& pointer, int depth)
    {
        walkSchema(pointer, JsonPointer::value(m_definition.document, pointer), depth);
    }
    void walkSchema(const QString& pointer, const QJsonValue& value, int depth);

    Diagnostics diagnostics;

private:
    const Definition& m_definition;
    const LintOptions& m_options;
    const SchemaCache& m_schemas; // the definition's own: what the linter compiles, the mock reuses
    QSet<QString> m_checked; // example pointers
    QSet<QString> m_walked; // schema pointers
    int m_dropped = 0;
    int m_schemaProblems = 0;
    friend Diagnostics finish(LintRun& run);
};

void LintRun::checkExample(const QString& schemaPointer, const QJsonValue& example, const QString& examplePointer,
    ValidationDirection direction, const QString& what)
{
    if (schemaPointer.isEmpty() || example.isUndefined() || m_checked.contains(examplePointer))
        return;
    m_checked.insert(examplePointer);
    const CompiledSchemaPtr schema = m_schemas.get(schemaPointer);
    if (!schema)
        return;
    QList<SchemaError> errors;
    if (schema->validate(example, direction, &errors))
        return;
    if (diagnostics.size() >= m_options.maxDiagnostics) {
        ++m_dropped;
        return;
    }
    QStringList shown;
    for (int i = 0; i < errors.size() && i < m_options.maxErrorsPerExample; ++i)
        shown.append(errors.at(i).toString());
    QString message = QStringLiteral("%1 does not match its schema: %2").arg(what, shown.join(QStringLiteral("; ")));
    if (errors.size() > shown.size())
        message += QStringLiteral(" (and %1 more)").arg(errors.size() - shown.size());
    const Definition::Origin origin = m_definition.originOf(examplePointer);
    diagnostics.append(Diagnostic::warning(message, origin.file, origin.pointer, QStringLiteral("example-invalid")));
}

void LintRun::checkNamed(const QList<NamedExample>& examples, const QString& schemaPointer,
    ValidationDirection direction, const QString& what)
{
    for (const NamedExample& e : examples)
        if (e.hasValue)
            checkExample(schemaPointer, e.value, JsonPointer::append(e.pointer, QStringLiteral("value")), direction,
                QStringLiteral("%1 example '%2'").arg(what, e.name));
}

namespace {

// application/xml, text/xml, "+xml": a string example of such a type is the XML document itself, not a value.
bool isXmlName(const QString& mediaType)
{
    const QString essence = mediaType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    return essence == QLatin1String("application/xml") || essence == QLatin1String("text/xml")
        || essence.endsWith(QLatin1String("+xml"));
}

} // namespace

void LintRun::checkMedia(const MediaType& media, ValidationDirection direction, const QString& what)
{
    // A sequential media type's example array holds the stream's items: each is held to the itemSchema.
    if (!media.itemSchemaPointer.isEmpty() && media.hasExample && media.example.isArray()) {
        const QJsonArray items = media.example.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            checkExample(media.itemSchemaPointer, items.at(i),
                JsonPointer::append(JsonPointer::append(media.pointer, QStringLiteral("example")), int(i)), direction,
                what + QStringLiteral(" example item %1").arg(i));
        walkSchema(media.itemSchemaPointer, 0);
    }
    if (media.schemaPointer.isEmpty())
        return;
    const bool xml = isXmlName(media.name);
    if (media.hasExample && !(xml && media.example.isString()))
        checkExample(media.schemaPointer, media.example, JsonPointer::append(media.pointer, QStringLiteral("example")),
            direction, what + QStringLiteral(" example"));
    for (const NamedExample& e : media.examples)
        if (e.hasValue && !(xml && e.value.isString()))
            checkExample(media.schemaPointer, e.value, JsonPointer::append(e.pointer, QStringLiteral("value")),
                direction, QStringLiteral("%1 example '%2'").arg(what, e.name));
    walkSchema(media.schemaPointer, 0);
}

// Schema-level examples, wherever a schema reachable from `pointer` declares one.
void LintRun::walkSchema(const QString& pointer, const QJsonValue& value, int depth)
{
    if (depth > kMaxSchemaDepth || !value.isObject() || m_walked.contains(pointer))
        return;
    m_walked.insert(pointer);
    for (const SchemaProblem& problem :
        SchemaChecks::impossibilities(m_definition.document, pointer, value, m_definition.dialect)) {
        if (m_schemaProblems++ >= m_options.maxDiagnostics)
            break;
        const Definition::Origin origin = m_definition.originOf(problem.pointer);
        diagnostics.append(Diagnostic::warning(QStringLiteral("Schema can never be satisfied: %1").arg(problem.message),
            origin.file, origin.pointer, QStringLiteral("schema-impossible")));
    }
    const QJsonObject schema = value.toObject();
    const QJsonValue ref = schema.value(QLatin1String("$ref"));
    if (ref.isString() && JsonPointer::isLocalRef(ref.toString()))
        walkSchema(JsonPointer::fromFragment(ref.toString()), depth + 1);
    if (schema.contains(QLatin1String("example")))
        checkExample(pointer, schema.value(QLatin1String("example")),
            JsonPointer::append(pointer, QStringLiteral("example")), ValidationDirection::Response,
            QStringLiteral("Schema example"));
    const QJsonValue examples = schema.value(QLatin1String("examples"));
    if (examples.isArray() && isModernDialect(m_definition.dialect)) {
        const QJsonArray list = examples.toArray();
        const QString examplesPointer = JsonPointer::append(pointer, QStringLiteral("examples"));
        for (int i = 0; i < list.size(); ++i)
            checkExample(pointer, list.at(i), JsonPointer::append(examplesPointer, i), ValidationDirection::Response,
                QStringLiteral("Schema example %1").arg(i));
    }
    for (const QLatin1String key : { QLatin1String("properties"), QLatin1String("patternProperties") }) {
        const QJsonObject members = schema.value(key).toObject();
        const QString base = JsonPointer::append(pointer, key);
        for (auto it = members.constBegin(); it != members.constEnd(); ++it)
            walkSchema(JsonPointer::append(base, it.key()), it.value(), depth + 1);
    }
    for (const QLatin1String key :
        { QLatin1String("items"), QLatin1String("additionalProperties"), QLatin1String("not") }) {
        const QJsonValue member = schema.value(key);
        if (member.isObject()) {
            walkSchema(JsonPointer::append(pointer, key), member, depth + 1);
        } else if (member.isArray()) {
            const QJsonArray list = member.toArray();
            for (int i = 0; i < list.size(); ++i)
                walkSchema(JsonPointer::append(JsonPointer::append(pointer, key), i), list.at(i), depth + 1);
        }
    }
    for (const QLatin1String key :
        { QLatin1String("allOf"), QLatin1String("oneOf"), QLatin1String("anyOf"), QLatin1String("prefixItems") }) {
        const QJsonArray members = schema.value(key).toArray();
        for (int i = 0; i < members.size(); ++i)
            walkSchema(JsonPointer::append(JsonPointer::append(pointer, key), i), members.at(i), depth + 1);
    }
}

Diagnostics finish(LintRun& run)
{
    if (run.m_dropped > 0)
        run.diagnostics.append(Diagnostic::warning(
            QStringLiteral("%1 more examples do not match their schemas (not listed)").arg(run.m_dropped),
            run.m_definition.file, QString(), QStringLiteral("example-invalid")));
    return run.diagnostics;
}

} // namespace

Diagnostics ExampleLinter::lint(const Definition& definition, const LintOptions& options)
{
    LintRun run(definition, options);
    for (const Operation& op : definition.operations) {
        for (const Parameter& p : op.parameters) {
            const QString what = QStringLiteral("%1 parameter '%2'").arg(p.in, p.name);
            for (const MediaType& media : p.content)
                run.checkMedia(media, ValidationDirection::Request, what);
            if (p.schemaPointer.isEmpty())
                continue;
            if (p.hasExample)
                run.checkExample(p.schemaPointer, p.example, JsonPointer::append(p.pointer, QStringLiteral("example")),
                    ValidationDirection::Request, what + QStringLiteral(" example"));
            run.checkNamed(p.examples, p.schemaPointer, ValidationDirection::Request, what);
            run.walkSchema(p.schemaPointer, 0);
        }
        for (const MediaType& media : op.requestBody.content)
            run.checkMedia(media, ValidationDirection::Request, QStringLiteral("Request body %1").arg(media.name));
        for (const Response& response : op.responses) {
            for (const MediaType& media : response.content)
                run.checkMedia(media, ValidationDirection::Response,
                    QStringLiteral("Response %1 %2").arg(response.code, media.name));
            for (const HeaderDef& header : response.headers) {
                if (header.schemaPointer.isEmpty())
                    continue;
                const QString what = QStringLiteral("Response %1 header '%2'").arg(response.code, header.name);
                if (header.hasExample)
                    run.checkExample(header.schemaPointer, header.example,
                        JsonPointer::append(header.pointer, QStringLiteral("example")), ValidationDirection::Response,
                        what + QStringLiteral(" example"));
                run.checkNamed(header.examples, header.schemaPointer, ValidationDirection::Response, what);
                run.walkSchema(header.schemaPointer, 0);
            }
        }
    }
    const QJsonObject schemas =
        definition.document.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
    for (auto it = schemas.constBegin(); it != schemas.constEnd(); ++it)
        run.walkSchema(JsonPointer::append(QStringLiteral("/components/schemas"), it.key()), it.value(), 0);
    return finish(run);
}
