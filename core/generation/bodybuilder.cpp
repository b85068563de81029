// SPDX-License-Identifier: MIT
#include "core/generation/bodybuilder.h"

#include <chrono>

#include <QJsonArray>
#include <QJsonDocument>

#include "core/generation/streambody.h"
#include "core/json/jsonpointer.h"
#include "core/negotiation/mediatypenegotiator.h"
#include "core/schema/realisticvalues.h"
#include "core/schema/schemasampler.h"
#include "core/schema/xmlcodec.h"

namespace {

// "xml" in any case: a cheap test that keeps the media type parse off the JSON path.
bool mentionsXml(const QString& mediaType)
{
    const QChar* c = mediaType.constData();
    for (qsizetype i = 0; i + 2 < mediaType.size(); ++i)
        if ((c[i].unicode() | 0x20) == 'x' && (c[i + 1].unicode() | 0x20) == 'm' && (c[i + 2].unicode() | 0x20) == 'l')
            return true;
    return false;
}

} // namespace

namespace {

// Samples and bytes kept per pipeline; past this (many distinct path parameters) new ones are made per request.
constexpr qsizetype kMaxCachedEntries = 4096;

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A key for the request's path parameters, so each item of a collection has its own stable values.
quint64 pathVariation(const QList<QPair<QString, QString>>& parameters)
{
    quint64 h = 0;
    for (const auto& p : parameters)
        h = RealisticValues::mix(RealisticValues::hash(p.second, RealisticValues::hash(p.first)), h);
    return h;
}

QString describe(const QList<QPair<QString, QString>>& parameters)
{
    QStringList parts;
    for (const auto& p : parameters)
        parts.append(p.first + QLatin1Char('=') + p.second);
    return parts.join(QStringLiteral(", "));
}

} // namespace

BodyBuilder::BodyBuilder(DefinitionPtr definition, std::shared_ptr<GenerationControl> generation)
    : m_definition(std::move(definition))
    , m_generation(generation ? std::move(generation) : std::make_shared<GenerationControl>())
{ }

QJsonObject BodyBuilder::resolvedSchema(const QJsonValue& schema) const
{
    return JsonPointer::followRefs(m_definition->document, schema);
}

BodyBuilder::Sample BodyBuilder::generate(
    const QString& cacheKey, const QString& schemaPointer, const QJsonValue& schema, quint64 seed, bool cache) const
{
    if (cache) {
        QReadLocker lock(&m_cacheLock);
        const auto it = m_generated.constFind(cacheKey);
        if (it != m_generated.constEnd() && (it->retryAtMs == 0 || steadyMs() < it->retryAtMs))
            return it.value();
    }
    // Generation is deterministic, so one sample per schema location serves every request. A sampler error
    // (an impossible schema, or one over the SampleBudget) reaches the body stage, which answers
    // Problem::generationFailed (500).
    Sample sample;
    SampleOptions options;
    options.cache = &m_definition->schemas();
    options.seed = seed;
    if (m_generation)
        options.budget = m_generation->budget();
    const SampleResult result = SchemaSampler::generate(
        m_definition->document, schema, m_definition->dialect, options, &sample.notes, schemaPointer);
    sample.value = result.ok() ? result.value : QJsonValue(QJsonValue::Null);
    sample.error = result.error;
    if (sample.error.isEmpty() && result.value.isUndefined())
        sample.error = QStringLiteral("The schema sampler produced no value for %1.")
                           .arg(schemaPointer.isEmpty() ? QStringLiteral("an inline schema") : schemaPointer);
    if (result.timedOut)
        sample.retryAtMs = steadyMs() + kTimeoutRetryMs;
    if (!cache)
        return sample;
    QWriteLocker lock(&m_cacheLock);
    if (m_generated.size() < kMaxCachedEntries || m_generated.contains(cacheKey)) // a retry replaces its entry
        m_generated.insert(cacheKey, sample);
    return sample;
}

BodySource BodyBuilder::choose(
    const MediaType& media, const QString& forcedExample, const GenerationRequest& request) const
{
    BodySource source;
    source.schema = &media.schema;
    // Without a location there is nothing unique to key the serialisation cache by.
    const auto keyed = [](const QString& pointer, const char* suffix) {
        return pointer.isEmpty() ? QString() : pointer + QLatin1String(suffix);
    };
    if (!forcedExample.isEmpty()) {
        for (const NamedExample& example : media.examples) {
            if (example.name == forcedExample && example.hasValue) {
                source.value = example.value;
                source.present = true;
                source.exampleName = example.name;
                source.reason = QStringLiteral("Served the forced example '%1' of %2.").arg(example.name, media.name);
                source.cacheKey = keyed(example.pointer, "");
                return source;
            }
        }
    }
    for (const NamedExample& example : media.examples) {
        if (example.hasValue) {
            source.value = example.value;
            source.present = true;
            source.exampleName = example.name;
            source.reason = QStringLiteral("Served the first named example '%1' of %2.").arg(example.name, media.name);
            source.cacheKey = keyed(example.pointer, "");
            return source;
        }
    }
    if (media.hasExample) {
        source.value = media.example;
        source.present = true;
        source.reason = QStringLiteral("Served the example of %1.").arg(media.name);
        source.cacheKey = keyed(media.pointer, "/example");
        return source;
    }
    if (!media.itemSchema.isUndefined() && !media.itemSchema.isNull())
        return chooseItem(media, std::move(source));
    if (media.schema.isUndefined() || media.schema.isNull()) {
        source.reason = QStringLiteral("%1 has no example and no schema: empty body.").arg(media.name);
        return source;
    }
    const QJsonObject schema = resolvedSchema(media.schema);
    if (schema.contains(QLatin1String("example"))) {
        source.value = schema.value(QLatin1String("example"));
        source.present = true;
        source.reason = QStringLiteral("Served the schema's example for %1.").arg(media.name);
        source.cacheKey = keyed(media.pointer, "/schema/example");
        return source;
    }
    const QJsonValue examples = schema.value(QLatin1String("examples"));
    if (examples.isArray() && !examples.toArray().isEmpty()) {
        source.value = examples.toArray().first();
        source.present = true;
        source.reason = QStringLiteral("Served the schema's first example for %1.").arg(media.name);
        source.cacheKey = keyed(media.pointer, "/schema/examples");
        return source;
    }
    // The seed: the control's, varied by the path parameters (so `/users/7` is always the same user and `/users/8`
    // another), or a fresh one per request in dynamic mode.
    const quint64 baseSeed = m_generation->seed();
    const bool dynamic = request.dynamic.value_or(m_generation->isDynamic());
    const quint64 variation = pathVariation(request.pathParameters);
    const quint64 seed = dynamic ? m_generation->nextDrawSeed()
        : variation              ? RealisticValues::mix(baseSeed, variation)
                                 : baseSeed;
    const QString location = media.schemaPointer.isEmpty() ? media.pointer : media.schemaPointer;
    const QString seedKey = QStringLiteral("#seed=%1").arg(seed);
    const Sample sample = generate(location + seedKey, media.schemaPointer, media.schema, seed, !dynamic);
    if (!sample.error.isEmpty()) {
        source.error = sample.error;
        source.reason = QStringLiteral("Could not generate a body for %1 from its schema.").arg(media.name);
        return source;
    }
    const QStringList& notes = sample.notes;
    source.value = sample.value;
    source.present = true;
    source.generated = true;
    const QString generatedKey = keyed(media.pointer, "#generated");
    source.cacheKey = dynamic || generatedKey.isEmpty() ? QString() : generatedKey + seedKey;
    if (dynamic)
        source.reason = QStringLiteral("No example for %1: generated (realistic, seed %2, dynamic: fresh values for "
                                       "this request) from its schema.")
                            .arg(media.name, QString::number(baseSeed));
    else if (variation)
        source.reason = QStringLiteral("No example for %1: generated (realistic, seed %2) from its schema, the same "
                                       "for %3 on every request.")
                            .arg(media.name, QString::number(baseSeed), describe(request.pathParameters));
    else
        source.reason = QStringLiteral("No example for %1: generated (realistic, seed %2) from its schema.")
                            .arg(media.name, QString::number(baseSeed));
    if (!notes.isEmpty())
        source.reason += QLatin1Char(' ') + notes.join(QLatin1String("; ")) + QLatin1Char('.');
    if (!source.error.isEmpty())
        source.reason += QStringLiteral(" No body could be generated: %1.").arg(source.error);
    return source;
}

BodySource BodyBuilder::chooseItem(const MediaType& media, BodySource source) const
{
    // A sequential media type without a whole-stream example: every item comes from the itemSchema.
    source.item = true;
    source.schema = &media.itemSchema;
    const QJsonObject schema = resolvedSchema(media.itemSchema);
    if (schema.contains(QLatin1String("example"))) {
        source.value = schema.value(QLatin1String("example"));
        source.present = true;
        source.reason = QStringLiteral("Served the itemSchema's example for each item of %1.").arg(media.name);
        return source;
    }
    const QJsonValue examples = schema.value(QLatin1String("examples"));
    if (examples.isArray() && !examples.toArray().isEmpty()) {
        source.value = examples.toArray().first();
        source.present = true;
        source.reason = QStringLiteral("Served the itemSchema's first example for each item of %1.").arg(media.name);
        return source;
    }
    const quint64 seed = m_generation->seed();
    if (StreamBody::formatOf(media.name) != StreamBody::Format::None) {
        // The stream's items as one array of distinct values (as for `uniqueItems`), so a client sees them change;
        // an item schema that allows fewer distinct values than the stream has items repeats one item instead.
        const int count = StreamPacing::from(media.stream).items;
        const QJsonObject distinct { { QStringLiteral("type"), QStringLiteral("array") },
            { QStringLiteral("minItems"), count }, { QStringLiteral("maxItems"), count },
            { QStringLiteral("uniqueItems"), true }, { QStringLiteral("items"), media.itemSchema } };
        const Sample items =
            generate(media.itemSchemaPointer + QStringLiteral("#seed=%1#items=%2").arg(seed).arg(count),
                media.itemSchemaPointer, distinct, seed);
        if (items.error.isEmpty() && items.value.isArray() && items.value.toArray().size() == count) {
            source.value = items.value;
            source.item = false;
            source.present = true;
            source.generated = true;
            source.reason = QStringLiteral("No example for %1: generated %2 distinct items from its itemSchema.")
                                .arg(media.name)
                                .arg(count);
            if (!items.notes.isEmpty())
                source.reason += QLatin1Char(' ') + items.notes.join(QLatin1String("; ")) + QLatin1Char('.');
            return source;
        }
    }
    const Sample sample = generate(media.itemSchemaPointer + QStringLiteral("#seed=%1").arg(seed),
        media.itemSchemaPointer, media.itemSchema, seed);
    if (!sample.error.isEmpty()) {
        source.error = sample.error;
        source.reason = QStringLiteral("Could not generate an item for %1 from its itemSchema.").arg(media.name);
        return source;
    }
    source.value = sample.value;
    source.present = true;
    source.generated = true;
    source.reason = QStringLiteral("No example for %1: generated each item from its itemSchema (the schema allows "
                                   "too few distinct values for one per item).")
                        .arg(media.name);
    if (!sample.notes.isEmpty())
        source.reason += QLatin1Char(' ') + sample.notes.join(QLatin1String("; ")) + QLatin1Char('.');
    return source;
}

QByteArray BodyBuilder::render(const QJsonValue& value, const BodySource& source, const QString& mediaType) const
{
    if (!mentionsXml(mediaType) || !MediaTypeNegotiator::isXml(mediaType))
        return serialize(value, mediaType);
    if (value.isUndefined())
        return {};
    // A string example is the document itself; a generated string is the text of the root element.
    if (value.isString() && !source.generated)
        return value.toString().toUtf8();
    return XmlCodec::write(m_definition->document, source.schema ? *source.schema : QJsonValue(), value);
}

QByteArray BodyBuilder::bytes(const BodySource& source, const QString& mediaType) const
{
    if (source.cacheKey.isEmpty())
        return render(source.value, source, mediaType);
    const QString key = source.cacheKey + QLatin1Char('|') + mediaType;
    {
        QReadLocker lock(&m_cacheLock);
        const auto it = m_bytes.constFind(key);
        if (it != m_bytes.constEnd())
            return it.value();
    }
    const QByteArray data = render(source.value, source, mediaType);
    QWriteLocker lock(&m_cacheLock);
    if (m_bytes.size() < kMaxCachedEntries)
        m_bytes.insert(key, data);
    return data;
}

QJsonValue BodyBuilder::headerValue(const HeaderDef& header) const
{
    for (const NamedExample& example : header.examples)
        if (example.hasValue)
            return example.value;
    if (header.hasExample)
        return header.example;
    if (header.schema.isUndefined())
        return QJsonValue(QStringLiteral("string"));
    const QJsonObject schema = resolvedSchema(header.schema);
    if (schema.contains(QLatin1String("example")))
        return schema.value(QLatin1String("example"));
    // A header whose value cannot be generated is left empty rather than failing the whole response.
    const quint64 seed = m_generation->seed();
    return generate(
        (header.schemaPointer.isEmpty() ? header.pointer : header.schemaPointer) + QStringLiteral("#seed=%1").arg(seed),
        header.schemaPointer, header.schema, seed)
        .value;
}

QByteArray BodyBuilder::serialize(const QJsonValue& value, const QString& mediaType)
{
    if (value.isString() && !MediaTypeNegotiator::isJson(mediaType))
        return value.toString().toUtf8();
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isUndefined())
        return {};
    // Scalars: serialise inside an array and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray BodyBuilder::headerText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString().toUtf8();
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return serialize(value, QStringLiteral("application/json"));
    case QJsonValue::Array: {
        QByteArrayList parts;
        for (const QJsonValue& v : value.toArray())
            parts.append(headerText(v));
        return parts.join(',');
    }
    case QJsonValue::Object:
        return serialize(value, QStringLiteral("application/json"));
    default:
        return {};
    }
}
