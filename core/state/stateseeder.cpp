// SPDX-License-Identifier: MIT
#include "core/state/stateseeder.h"

#include <QUuid>

#include "core/schema/realisticvalues.h"
#include "core/schema/schemasampler.h"
#include "core/schema/schemavalidator.h"

namespace {

const QUuid kSeedNamespace = QUuid(QStringLiteral("{6b1f4c1e-2a47-4b8e-9d55-5f0e8a6c2d31}"));

bool isNumeric(const QString& type)
{
    return type == QLatin1String("integer") || type == QLatin1String("number");
}

// Whether `id` is a valid value of the id property (true when its schema cannot be compiled apart).
bool fits(const Definition& definition, const Resource& resource, const QJsonValue& id)
{
    const SchemaRef property = resource.itemShape.properties.value(resource.idField);
    if (property.pointer.isEmpty())
        return true;
    const CompiledSchemaPtr schema = definition.schemas().get(property.pointer);
    return !schema || schema->isValid(id, ValidationDirection::Response);
}

SchemaShape idShape(const Definition& definition, const Resource& resource)
{
    const SchemaRef property = resource.itemShape.properties.value(resource.idField);
    return SchemaShape::of(definition.document, property.schema, property.pointer);
}

qint64 firstInteger(const SchemaShape& shape)
{
    return shape.hasMinimum && shape.minimum > 1 ? qint64(shape.minimum) : 1;
}

// The n-th (1-based) seed id.
QJsonValue seedId(const Definition& definition, const Resource& resource, const QJsonValue& sampled, int n)
{
    const SchemaShape shape = idShape(definition, resource);
    QList<QJsonValue> candidates;
    if (isNumeric(shape.type)) {
        candidates.append(double(firstInteger(shape) + n - 1));
    } else if (shape.format == QLatin1String("uuid")) {
        candidates.append(
            QUuid::createUuidV5(kSeedNamespace, resource.name + QString::number(n)).toString(QUuid::WithoutBraces));
    } else {
        candidates.append(QString::number(n));
        candidates.append(resource.name + QLatin1Char('-') + QString::number(n));
        if (sampled.isString())
            candidates.append(sampled.toString() + QString::number(n));
    }
    for (const QJsonValue& c : candidates)
        if (fits(definition, resource, c))
            return c;
    return candidates.first();
}

} // namespace

namespace StateSeeder {

QJsonObject generate(const Definition& definition, const Resource& resource, quint64 valueSeed)
{
    SampleOptions options;
    options.seed = valueSeed;
    options.cache = resource.itemSchema.pointer.isEmpty() ? nullptr : &definition.schemas();
    options.forResponse = true;
    const SampleResult sample = SchemaSampler::generate(QJsonValue(definition.document), resource.itemSchema.schema,
        definition.dialect, options, nullptr, resource.itemSchema.pointer);
    return sample.value.toObject();
}

QList<QJsonObject> seed(const Definition& definition, const Resource& resource, int count, quint64 valueSeed)
{
    if (!resource.exampleSeeds.isEmpty())
        return resource.exampleSeeds;
    QList<QJsonObject> items;
    if (count <= 0)
        return items;
    for (int n = 1; n <= count; ++n) {
        QJsonObject item = generate(definition, resource, RealisticValues::mix(valueSeed, quint64(n)));
        item.insert(resource.idField, seedId(definition, resource, item.value(resource.idField), n));
        items.append(item);
    }
    return items;
}

QJsonValue newId(const Definition& definition, const Resource& resource,
    const std::function<bool(const QString&)>& taken, qint64 maxInteger)
{
    qint64 count = 0;
    const SchemaShape shape = idShape(definition, resource);
    if (isNumeric(shape.type)) {
        qint64 next = std::max(maxInteger + 1, firstInteger(shape));
        while (taken && taken(QString::number(next)))
            ++next;
        return double(next);
    }
    if (shape.format != QLatin1String("uuid")) {
        for (qint64 n = maxInteger + 1; count < 1000; ++n, ++count) {
            const QString candidate = QString::number(n);
            if (!(taken && taken(candidate)) && fits(definition, resource, candidate))
                return candidate;
        }
    }
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace StateSeeder
