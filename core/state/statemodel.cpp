// SPDX-License-Identifier: MIT
#include "core/state/statemodel.h"

#include <QHash>
#include <QJsonArray>

#include "core/json/jsonpointer.h"
#include "core/negotiation/mediatypenegotiator.h"
#include "core/schema/schemavalidator.h"
#include "core/state/statelists.h"

namespace {

bool isParameter(const QString& segment)
{
    return segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'))
        && segment.count(QLatin1Char('{')) == 1;
}

QString parameterName(const QString& segment)
{
    return segment.mid(1, segment.size() - 2);
}

QStringList segmentsOf(const QString& path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

QString normalised(const QString& name)
{
    QString n = name.toLower();
    n.remove(QLatin1Char('_'));
    n.remove(QLatin1Char('-'));
    return n;
}

// The first 2xx response of `op` and its first JSON media type (null when there is none).
const MediaType* jsonMedia(const Operation& op, const Response** response = nullptr)
{
    const Response* best = nullptr;
    for (const Response& r : op.responses) {
        const int s = r.status();
        if (s < 200 || s >= 300)
            continue;
        if (!best || (best->isRange() && !r.isRange()) || (!r.isRange() && s < best->status()))
            best = &r;
    }
    if (response)
        *response = best;
    if (!best)
        return nullptr;
    for (const MediaType& m : best->content)
        if (MediaTypeNegotiator::isJson(m.name) && !m.schema.isUndefined())
            return &m;
    return nullptr;
}

// Example values of a media type: `example`, then each named example's value.
QList<QJsonValue> examplesOf(const MediaType& media)
{
    QList<QJsonValue> values;
    if (media.hasExample)
        values.append(media.example);
    for (const NamedExample& e : media.examples)
        if (e.hasValue)
            values.append(e.value);
    return values;
}

bool isIdLike(const QString& name)
{
    return name.endsWith(QLatin1String("Id")) || name.endsWith(QLatin1String("ID"))
        || name.endsWith(QLatin1String("_id")) || name.endsWith(QLatin1String("-id"))
        || name.compare(QLatin1String("uuid"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("guid"), Qt::CaseInsensitive) == 0;
}

struct PathInfo
{
    QString path;
    QHash<QString, int> methods; // "GET" -> operation index
};

} // namespace

std::shared_ptr<const StateModel> StateModel::infer(DefinitionPtr definition)
{
    auto model = std::make_shared<StateModel>();
    model->m_definition = definition;
    if (!definition)
        return model;
    const Definition& def = *definition;
    const QJsonObject& document = def.document;
    model->m_bindings.resize(def.operations.size());

    // Paths in document order, with their operations.
    QList<PathInfo> paths;
    QHash<QString, int> pathIndex;
    for (const Operation& op : def.operations) {
        if (!pathIndex.contains(op.path)) {
            pathIndex.insert(op.path, paths.size());
            paths.append({ op.path, {} });
        }
        paths[pathIndex.value(op.path)].methods.insert(op.method, op.index);
    }
    // Collection path -> item path ("/books" -> "/books/{bookId}").
    QHash<QString, QString> itemPaths;
    QStringList candidates;
    for (const PathInfo& p : paths) {
        const QStringList segments = segmentsOf(p.path);
        if (segments.isEmpty())
            continue;
        if (isParameter(segments.last())) {
            if (segments.size() < 2 || isParameter(segments.at(segments.size() - 2)))
                continue;
            const QString collection = QLatin1Char('/') + segments.mid(0, segments.size() - 1).join(QLatin1Char('/'));
            if (!itemPaths.contains(collection))
                itemPaths.insert(collection, p.path);
            if (!candidates.contains(collection))
                candidates.append(collection);
        } else if (p.methods.contains(QStringLiteral("GET")) || p.methods.contains(QStringLiteral("POST"))) {
            if (!candidates.contains(p.path))
                candidates.append(p.path);
        }
    }

    QHash<int, QString> reasons;
    QHash<QString, int> names;
    for (const QString& collection : candidates) {
        Resource resource;
        resource.collectionPath = collection;
        resource.itemPath = itemPaths.value(collection);
        const PathInfo* cp = pathIndex.contains(collection) ? &paths.at(pathIndex.value(collection)) : nullptr;
        const PathInfo* ip = resource.itemPath.isEmpty() ? nullptr : &paths.at(pathIndex.value(resource.itemPath));
        const auto collectionOps = [&](const QString& why) {
            for (const PathInfo* p : { cp, ip })
                if (p)
                    for (auto it = p->methods.begin(); it != p->methods.end(); ++it)
                        if (!reasons.contains(it.value()))
                            reasons.insert(it.value(), why);
        };
        const int listOp = cp ? cp->methods.value(QStringLiteral("GET"), -1) : -1;
        const int createOp = cp ? cp->methods.value(QStringLiteral("POST"), -1) : -1;
        const int readOp = ip ? ip->methods.value(QStringLiteral("GET"), -1) : -1;
        const int replaceOp = ip ? ip->methods.value(QStringLiteral("PUT"), -1) : -1;
        const int patchOp = ip ? ip->methods.value(QStringLiteral("PATCH"), -1) : -1;
        const int removeOp = ip ? ip->methods.value(QStringLiteral("DELETE"), -1) : -1;
        if (!cp && replaceOp < 0 && patchOp < 0 && removeOp < 0) {
            collectionOps(QStringLiteral("%1 has no collection path %2 and no PUT, PATCH or DELETE, so nothing "
                                         "creates or changes its items")
                              .arg(resource.itemPath, collection));
            continue;
        }

        // The list operation counts only when its response is a list of objects (bare or in an envelope).
        ListShape list;
        if (listOp >= 0) {
            const MediaType* media = jsonMedia(def.operations.at(listOp));
            if (media)
                list = ListShape::of(document, media->schema, media->schemaPointer);
            if (!list.valid)
                reasons.insert(listOp,
                    QStringLiteral("its 2xx response is not a JSON list of objects (a bare array or an object "
                                   "holding one)"));
        }

        // The item schema: the item GET's, else PUT's, PATCH's, POST's response, else the list's items.
        for (int op : { readOp, replaceOp, patchOp, createOp }) {
            if (op < 0 || !resource.itemSchema.schema.isEmpty())
                continue;
            const MediaType* media = jsonMedia(def.operations.at(op));
            if (!media)
                continue;
            const SchemaShape shape = SchemaShape::of(document, media->schema, media->schemaPointer);
            if (shape.isObject()) {
                resource.itemSchema = SchemaShape::resolve(document, media->schema, media->schemaPointer);
                resource.itemShape = shape;
            }
        }
        if (resource.itemSchema.schema.isEmpty() && list.valid) {
            resource.itemSchema = list.items;
            resource.itemShape = SchemaShape::of(document, list.items.schema, list.items.pointer);
        }
        if (resource.itemSchema.schema.isEmpty() || !resource.itemShape.isObject()) {
            collectionOps(QStringLiteral("no response of %1 has a JSON object schema for one item").arg(collection));
            continue;
        }

        // The id field.
        const SchemaShape& shape = resource.itemShape;
        const QStringList segments = segmentsOf(resource.itemPath);
        resource.itemParameter = segments.isEmpty() ? QString() : parameterName(segments.last());
        QString extension = shape.idExtension;
        for (const QString& p : { resource.itemPath, collection })
            if (extension.isEmpty() && pathIndex.contains(p))
                extension = document.value(QStringLiteral("paths"))
                                .toObject()
                                .value(p)
                                .toObject()
                                .value(QStringLiteral("x-understudy-id"))
                                .toString();
        if (!extension.isEmpty()) {
            if (!shape.properties.contains(extension)) {
                collectionOps(
                    QStringLiteral("x-understudy-id names '%1', which the item schema does not have").arg(extension));
                continue;
            }
            resource.idField = extension;
            resource.idRule = QStringLiteral("x-understudy-id");
        } else if (shape.properties.contains(QStringLiteral("id"))) {
            resource.idField = QStringLiteral("id");
            resource.idRule = QStringLiteral("the property named id");
        } else {
            if (!resource.itemParameter.isEmpty())
                for (const QString& property : shape.propertyOrder)
                    if (normalised(property) == normalised(resource.itemParameter)) {
                        resource.idField = property;
                        resource.idRule =
                            QStringLiteral("named like the path parameter {%1}").arg(resource.itemParameter);
                        break;
                    }
            if (resource.idField.isEmpty())
                for (const QString& property : shape.required)
                    if (shape.properties.contains(property) && isIdLike(property)) {
                        resource.idField = property;
                        resource.idRule = QStringLiteral("the first required property named *Id");
                        break;
                    }
        }
        if (resource.idField.isEmpty()) {
            collectionOps(QStringLiteral("its item schema has no id field (no 'id', no property named like the path "
                                         "parameter, no required *Id property, no x-understudy-id)"));
            continue;
        }

        // Name and scope.
        const QStringList collectionSegments = segmentsOf(collection);
        QStringList fixed;
        for (const QString& s : collectionSegments) {
            if (isParameter(s))
                resource.scopeParameters.append(parameterName(s));
            else
                fixed.append(s);
        }
        resource.name = fixed.last();
        if (names.contains(resource.name))
            resource.name = fixed.join(QLatin1Char('-'));
        for (int n = 2; names.contains(resource.name); ++n)
            resource.name = fixed.join(QLatin1Char('-')) + QString::number(n);

        resource.operations[size_t(StateRole::List)] = list.valid ? listOp : -1;
        resource.operations[size_t(StateRole::Create)] = createOp;
        resource.operations[size_t(StateRole::Read)] = readOp;
        resource.operations[size_t(StateRole::Replace)] = replaceOp;
        resource.operations[size_t(StateRole::Patch)] = patchOp;
        resource.operations[size_t(StateRole::Remove)] = removeOp;

        // Seeds: the list's 2xx example items, the item operations' and the create response's examples.
        const CompiledSchemaPtr validator =
            resource.itemSchema.pointer.isEmpty() ? nullptr : def.schemas().get(resource.itemSchema.pointer);
        QStringList seen;
        int invalid = 0;
        const auto addSeed = [&](const QJsonValue& value) {
            const QJsonObject item = value.toObject();
            if (!value.isObject() || !item.contains(resource.idField))
                return;
            const QString id = idText(item.value(resource.idField));
            if (seen.contains(id))
                return;
            if (validator && !validator->isValid(item, ValidationDirection::Response)) {
                ++invalid;
                return;
            }
            seen.append(id);
            resource.exampleSeeds.append(item);
        };
        if (resource.operation(StateRole::List) >= 0) {
            const MediaType* media = jsonMedia(def.operations.at(listOp));
            for (const QJsonValue& example : examplesOf(*media))
                for (const QJsonValue& item : list.itemsOf(example))
                    addSeed(item);
        }
        for (int op : { readOp, replaceOp, patchOp, createOp })
            if (op >= 0)
                if (const MediaType* media = jsonMedia(def.operations.at(op)))
                    for (const QJsonValue& example : examplesOf(*media))
                        addSeed(example);
        if (invalid > 0)
            resource.notes.append(
                QStringLiteral("%1 example item(s) were not seeded: not valid against the item schema").arg(invalid));

        const int index = model->m_resources.size();
        names.insert(resource.name, index);
        for (size_t role = 1; role < resource.operations.size(); ++role)
            if (resource.operations[role] >= 0)
                model->m_bindings[resource.operations[role]] = { StateRole(role), index, {} };
        model->m_resources.append(resource);
    }

    for (const Operation& op : def.operations) {
        StateBinding& b = model->m_bindings[op.index];
        if (b.role != StateRole::None)
            continue;
        b.reason = reasons.value(op.index);
        if (b.reason.isEmpty())
            b.reason = QStringLiteral("%1 %2 is not part of a collection and item path pair").arg(op.method, op.path);
    }
    return model;
}

const Resource* StateModel::resource(const QString& name) const
{
    for (const Resource& r : m_resources)
        if (r.name == name)
            return &r;
    return nullptr;
}

StateBinding StateModel::binding(int operationIndex) const
{
    if (operationIndex < 0 || operationIndex >= m_bindings.size())
        return { StateRole::None, -1, QStringLiteral("the operation is unknown") };
    return m_bindings.at(operationIndex);
}

QString StateModel::describe(int operationIndex) const
{
    const StateBinding b = binding(operationIndex);
    if (b.role == StateRole::None)
        return QStringLiteral("Stays static in stateful mode: %1.").arg(b.reason);
    const Resource& r = m_resources.at(b.resource);
    QString text =
        QStringLiteral("%1 the collection '%2' (items at %3, id field '%4': %5)")
            .arg(roleName(b.role), r.name, r.itemPath.isEmpty() ? r.collectionPath : r.itemPath, r.idField, r.idRule);
    if (r.scoped())
        text += QStringLiteral(", scoped by {%1}").arg(r.scopeParameters.join(QStringLiteral("}, {")));
    return text + QLatin1Char('.');
}

QString StateModel::roleName(StateRole role)
{
    switch (role) {
    case StateRole::List:
        return QStringLiteral("Lists");
    case StateRole::Create:
        return QStringLiteral("Creates an item in");
    case StateRole::Read:
        return QStringLiteral("Reads an item of");
    case StateRole::Replace:
        return QStringLiteral("Replaces an item of");
    case StateRole::Patch:
        return QStringLiteral("Patches an item of");
    case StateRole::Remove:
        return QStringLiteral("Deletes an item of");
    case StateRole::None:
        break;
    }
    return QStringLiteral("Does not touch");
}

QString StateModel::idText(const QJsonValue& id)
{
    if (id.isDouble()) {
        const double d = id.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    if (id.isString())
        return id.toString();
    if (id.isBool())
        return id.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}
