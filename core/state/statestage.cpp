// SPDX-License-Identifier: MIT
#include "core/state/statestage.h"

#include <QJsonArray>
#include <QUrl>

#include "core/negotiation/mediatypenegotiator.h"
#include "core/schema/schemasampler.h"
#include "core/schema/schemavalidator.h"
#include "core/state/jsonpatch.h"
#include "core/state/statelists.h"
#include "core/state/stateseeder.h"

namespace {

QString normalised(const QString& name)
{
    QString n = name.toLower();
    n.remove(QLatin1Char('_'));
    n.remove(QLatin1Char('-'));
    return n;
}

bool isNumeric(const QString& type)
{
    return type == QLatin1String("integer") || type == QLatin1String("number");
}

QString quoted(const QString& name)
{
    return QLatin1Char('\'') + name + QLatin1Char('\'');
}

} // namespace

struct StateStage::Context
{
    const StateInput& input;
    const Resource& resource;
    StateRole role;
    QString scope;
    QStringList scopeValues;
    QString id; // the item path's id (empty for collection operations)
    QString where; // "'books'" or "'orders' of {userId} 7"
};

StateStage::StateStage(DefinitionPtr definition, std::shared_ptr<StateStore> store)
    : m_definition(std::move(definition))
    , m_store(store ? std::move(store) : std::make_shared<StateStore>())
    , m_model(StateModel::infer(m_definition))
{ }

StateAnswer StateStage::answer(const StateInput& input) const
{
    StateAnswer answer;
    const StateBinding binding = m_model->binding(input.operation.index);
    if (binding.role == StateRole::None) {
        answer.trace.append(QStringLiteral("Stateful: %1 stays static: %2.").arg(input.operation.id, binding.reason));
        return answer;
    }
    const Resource& resource = m_model->resources().at(binding.resource);
    if (input.choice.forced) {
        answer.trace.append(
            QStringLiteral("Stateful: the forced response wins over the state of %1.").arg(quoted(resource.name)));
        return answer;
    }
    if (input.choice.rejected || input.choice.outcome != ResponseChoice::Outcome::Respond) {
        answer.trace.append(QStringLiteral("Stateful: the request was not accepted; the state of %1 is unchanged.")
                                .arg(quoted(resource.name)));
        return answer;
    }
    if (input.choice.status < 200 || input.choice.status >= 300) {
        answer.trace.append(
            QStringLiteral("Stateful: %1 defines no 2xx response; answering statically.").arg(input.operation.id));
        return answer;
    }
    if (input.content.outcome == ContentChoice::Outcome::Chosen
        && !MediaTypeNegotiator::isJson(input.content.contentType)) {
        answer.trace.append(
            QStringLiteral("Stateful: %1 is not JSON; answering statically.").arg(input.content.contentType));
        return answer;
    }
    QHash<QString, QString> parameters;
    for (const auto& p : input.pathParameters)
        parameters.insert(p.first, p.second);
    Context c { input, resource, binding.role, {}, {}, {}, quoted(resource.name) };
    for (const QString& p : resource.scopeParameters)
        c.scopeValues.append(parameters.value(p));
    c.scope = StateStore::scopeKey(c.scopeValues);
    if (resource.scoped()) {
        QStringList parts;
        for (int i = 0; i < resource.scopeParameters.size(); ++i)
            parts.append(QStringLiteral("{%1} %2").arg(resource.scopeParameters.at(i), c.scopeValues.at(i)));
        c.where += QStringLiteral(" of ") + parts.join(QStringLiteral(", "));
    }
    c.id = parameters.value(resource.itemParameter);
    switch (binding.role) {
    case StateRole::List:
        list(c, &answer);
        break;
    case StateRole::Create:
        create(c, &answer);
        break;
    case StateRole::Read:
        read(c, &answer);
        break;
    case StateRole::Replace:
        replace(c, &answer);
        break;
    case StateRole::Patch:
        patch(c, &answer);
        break;
    case StateRole::Remove:
        remove(c, &answer);
        break;
    case StateRole::None:
        break;
    }
    return answer;
}

bool StateStage::fits(const MediaType* media, const QJsonValue& value, QString* why) const
{
    if (!media || media->schemaPointer.isEmpty())
        return true;
    const CompiledSchemaPtr schema = m_definition->schemas().get(media->schemaPointer);
    if (!schema)
        return true;
    QList<SchemaError> errors;
    if (schema->validate(value, ValidationDirection::Response, why ? &errors : nullptr))
        return true;
    if (why && !errors.isEmpty())
        *why = errors.first().toString();
    return false;
}

QJsonValue StateStage::sample(const SchemaRef& schema) const
{
    {
        std::lock_guard lock(m_cacheMutex);
        const auto found = m_samples.constFind(schema.pointer);
        if (found != m_samples.constEnd())
            return found.value();
    }
    SampleOptions options;
    options.cache = schema.pointer.isEmpty() ? nullptr : &m_definition->schemas();
    const QJsonValue value = SchemaSampler::generate(
        QJsonValue(m_definition->document), schema.schema, m_definition->dialect, options, nullptr, schema.pointer)
                                 .value;
    std::lock_guard lock(m_cacheMutex);
    if (!schema.pointer.isEmpty())
        m_samples.insert(schema.pointer, value);
    return value;
}

QJsonObject StateStage::baseItem(const Resource& resource) const
{
    QJsonObject base = sample(resource.itemSchema).toObject();
    base.remove(resource.idField);
    return base;
}

QJsonValue StateStage::typedId(const Resource& resource, const QString& text) const
{
    const SchemaRef property = resource.itemShape.properties.value(resource.idField);
    if (isNumeric(SchemaShape::of(m_definition->document, property.schema, property.pointer).type)) {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (ok)
            return double(n);
    }
    return text;
}

bool StateStage::present(const Context& c, const QJsonObject& stored, QJsonValue* body) const
{
    const QJsonObject item =
        SchemaShape::withoutWriteOnly(m_definition->document, c.resource.itemSchema, stored).toObject();
    const MediaType* media = c.input.content.media;
    if (fits(media, item)) {
        *body = item;
        return true;
    }
    // An envelope around one item ({"data": {...}}): the property whose schema has the id field.
    const SchemaShape shape = SchemaShape::of(m_definition->document, media->schema, media->schemaPointer);
    for (const QString& name : shape.propertyOrder) {
        const SchemaRef& p = shape.properties.value(name);
        if (!SchemaShape::of(m_definition->document, p.schema, p.pointer).properties.contains(c.resource.idField))
            continue;
        QJsonObject envelope =
            sample(SchemaShape::resolve(m_definition->document, media->schema, media->schemaPointer)).toObject();
        envelope.insert(name, item);
        if (fits(media, envelope)) {
            *body = envelope;
            return true;
        }
    }
    return false;
}

QJsonObject StateStage::validItem(const Context& c, const QJsonObject& item, QList<ProblemError>* errors) const
{
    if (c.resource.itemSchema.pointer.isEmpty())
        return item;
    const CompiledSchemaPtr schema = m_definition->schemas().get(c.resource.itemSchema.pointer);
    QList<SchemaError> found;
    if (!schema || schema->validate(item, ValidationDirection::Response, &found))
        return item;
    for (const SchemaError& e : found)
        errors->append({ QStringLiteral("body") + e.instancePointer, e.keyword, e.message });
    return item;
}

void StateStage::serve(const Context& c, const QJsonValue& body, bool hasBody, StateAnswer* answer) const
{
    answer->outcome = StateAnswer::Outcome::Serve;
    if (!answer->response) {
        answer->response = c.input.choice.response;
        answer->status = c.input.choice.status;
    }
    answer->hasBody = hasBody && c.input.content.outcome == ContentChoice::Outcome::Chosen;
    answer->body = body;
}

void StateStage::refuse(const Context& c, int status, const Problem& problem, StateAnswer* answer) const
{
    answer->outcome = StateAnswer::Outcome::Refuse;
    answer->status = status;
    answer->problem = problem;
    answer->response = c.input.operation.response(QString::number(status));
}

void StateStage::notFound(const Context& c, const QString& id, StateAnswer* answer) const
{
    refuse(c, 404,
        Problem::make(404, QStringLiteral("not-found"), QStringLiteral("Not found"),
            QStringLiteral("There is no item %1 in %2").arg(id, c.where)),
        answer);
    answer->trace.append(QStringLiteral("Stateful: there is no item %1 in %2; answering %3.")
                             .arg(id, c.where,
                                 answer->response ? QStringLiteral("the operation's 404 response")
                                                  : QStringLiteral("a 404 problem (the operation defines no 404)")));
}

QByteArray StateStage::location(const Context& c, const QString& id) const
{
    QString path =
        c.resource.itemPath.isEmpty() ? c.resource.collectionPath + QStringLiteral("/{}") : c.resource.itemPath;
    for (int i = 0; i < c.resource.scopeParameters.size(); ++i)
        path.replace(QLatin1Char('{') + c.resource.scopeParameters.at(i) + QLatin1Char('}'),
            QString::fromUtf8(QUrl::toPercentEncoding(c.scopeValues.at(i))));
    const QString last = c.resource.itemPath.isEmpty() ? QStringLiteral("{}")
                                                       : QLatin1Char('{') + c.resource.itemParameter + QLatin1Char('}');
    path.replace(last, QString::fromUtf8(QUrl::toPercentEncoding(id)));
    const QByteArray host = c.input.request.header("Host");
    const QByteArray target = (m_definition->basePath() + path).toUtf8();
    return host.isEmpty() ? target : QByteArrayLiteral("http://") + host + target;
}

void StateStage::list(const Context& c, StateAnswer* answer) const
{
    const MediaType* media = c.input.content.media;
    if (!media) {
        answer->trace.append(QStringLiteral("Stateful: the list response has no JSON body; answering statically."));
        return;
    }
    const ListShape shape = ListShape::of(m_definition->document, media->schema, media->schemaPointer);
    if (!shape.valid) {
        answer->trace.append(
            QStringLiteral("Stateful: %1 is not a list of items; answering statically.").arg(media->name));
        return;
    }
    const Pagination paging = Pagination::of(c.input.operation, m_definition->document);
    QList<QJsonObject> items = m_store->items(c.resource.name, c.scope);
    const int stored = items.size();

    // Filters: declared query parameters named like an item property.
    QSet<QString> declared;
    for (const Parameter& p : c.input.operation.parameters)
        if (p.in == QLatin1String("query"))
            declared.insert(p.name);
    QHash<QString, QStringList> filters;
    QHash<QString, QString> query;
    for (const auto& q : c.input.request.queryItems()) {
        query.insert(q.first, q.second);
        if (declared.contains(q.first) && !paging.isPaging(q.first)
            && c.resource.itemShape.properties.contains(q.first))
            filters[q.first].append(q.second);
    }
    QStringList filterText;
    if (!filters.isEmpty()) {
        QList<QJsonObject> kept;
        for (const QJsonObject& item : items) {
            bool match = true;
            for (auto it = filters.constBegin(); it != filters.constEnd() && match; ++it)
                match = it.value().contains(StateModel::idText(item.value(it.key())));
            if (match)
                kept.append(item);
        }
        items = kept;
        for (auto it = filters.constBegin(); it != filters.constEnd(); ++it)
            filterText.append(it.key() + QLatin1Char('=') + it.value().join(QLatin1Char(',')));
        filterText.sort();
    }
    const int total = items.size();

    // Pagination by the declared parameters.
    int limit = paging.limit.isEmpty() ? 0 : query.value(paging.limit).toInt();
    if (limit <= 0)
        limit = paging.defaultLimit;
    const QJsonObject arraySchema = shape.envelope
        ? SchemaShape::resolve(m_definition->document, shape.envelopeShape.properties.value(shape.arrayProperty).schema,
            shape.envelopeShape.properties.value(shape.arrayProperty).pointer)
              .schema
        : shape.schema.schema;
    const int maxItems = arraySchema.value(QStringLiteral("maxItems")).toInt(0);
    if (maxItems > 0 && (limit <= 0 || limit > maxItems))
        limit = maxItems;
    int offset = 0;
    if (!paging.offset.isEmpty())
        offset = std::max(0, query.value(paging.offset).toInt());
    if (!paging.page.isEmpty() && query.contains(paging.page) && limit > 0)
        offset = std::max(0, query.value(paging.page).toInt() - paging.firstPage) * limit;
    if (!paging.cursor.isEmpty() && query.contains(paging.cursor)) {
        const QString after = query.value(paging.cursor);
        for (int i = 0; i < items.size(); ++i)
            if (StateModel::idText(items.at(i).value(c.resource.idField)) == after)
                offset = i + 1;
    }
    const QList<QJsonObject> page = items.mid(std::min<qsizetype>(offset, items.size()), limit > 0 ? limit : -1);
    const bool more = offset + page.size() < total;

    const QJsonArray array = SchemaShape::withoutWriteOnly(m_definition->document, c.resource.itemSchema, page);
    QJsonValue body = array;
    if (shape.envelope) {
        QJsonObject envelope = sample(shape.schema).toObject();
        envelope.insert(shape.arrayProperty, array);
        if (!shape.totalProperty.isEmpty())
            envelope.insert(shape.totalProperty, total);
        const SchemaShape& e = shape.envelopeShape;
        const auto set = [&](const QString& name, const QJsonValue& value) {
            if (!name.isEmpty() && e.properties.contains(name))
                envelope.insert(name, value);
        };
        if (limit > 0)
            set(paging.limit, limit);
        set(paging.offset, offset);
        if (!paging.page.isEmpty() && limit > 0)
            set(paging.page, offset / limit + paging.firstPage);
        for (const QString& name : e.propertyOrder) {
            const QString n = normalised(name);
            if (n == QLatin1String("hasmore") || n == QLatin1String("more"))
                envelope.insert(name, more);
            else if ((n == QLatin1String("nextcursor") || n == QLatin1String("nextpagetoken")) && !page.isEmpty())
                envelope.insert(name,
                    more ? QJsonValue(StateModel::idText(page.last().value(c.resource.idField)))
                         : QJsonValue(QJsonValue::Null));
        }
        body = envelope;
    }
    QString why;
    if (!fits(media, body, &why)) {
        answer->trace.append(QStringLiteral("Stateful: the items of %1 do not fit the list's response schema (%2); "
                                            "answering statically.")
                                 .arg(c.where, why));
        return;
    }
    for (const HeaderDef& h : c.input.choice.response->headers) {
        const QString n = normalised(h.name);
        if (n.contains(QLatin1String("total")) || n.contains(QLatin1String("count")))
            answer->headers.append({ h.name.toLatin1(), QByteArray::number(total) });
    }
    QString sentence = QStringLiteral("Stateful: listed %1 of %2 items of %3").arg(page.size()).arg(total).arg(c.where);
    if (!filterText.isEmpty())
        sentence +=
            QStringLiteral(" (%1 stored; filtered by %2)").arg(stored).arg(filterText.join(QStringLiteral(", ")));
    if (limit > 0 || offset > 0)
        sentence += QStringLiteral(", from %1, at most %2")
                        .arg(offset)
                        .arg(limit > 0 ? QString::number(limit) : QStringLiteral("all"));
    if (shape.envelope)
        sentence += QStringLiteral(", in the envelope's '%1'").arg(shape.arrayProperty);
    answer->trace.append(sentence + QLatin1Char('.'));
    serve(c, body, true, answer);
}

void StateStage::create(const Context& c, StateAnswer* answer) const
{
    if (!c.input.body.isObject()) {
        answer->trace.append(
            QStringLiteral("Stateful: the request body is not a JSON object; %1 is unchanged.").arg(c.where));
        return;
    }
    QJsonObject item = baseItem(c.resource);
    const QJsonObject sent = c.input.body.toObject();
    for (auto it = sent.begin(); it != sent.end(); ++it)
        if (!c.resource.itemShape.readOnly.contains(it.key()))
            item.insert(it.key(), it.value());
    QList<ProblemError> errors;
    QJsonObject probe = item;
    if (!probe.contains(c.resource.idField))
        probe.insert(c.resource.idField, StateSeeder::newId(*m_definition, c.resource, nullptr, 0));
    validItem(c, probe, &errors);
    if (!errors.isEmpty()) {
        refuse(c, 422, Problem::invalidRequest(errors), answer);
        answer->trace.append(QStringLiteral("Stateful: the new item would not be valid against the item schema; %1 is "
                                            "unchanged.")
                                 .arg(c.where));
        return;
    }
    const std::optional<QJsonObject> stored = m_store->insert(c.resource.name, c.scope, item);
    if (!stored) {
        const QString id = StateModel::idText(item.value(c.resource.idField));
        refuse(c, 409,
            Problem::make(409, QStringLiteral("conflict"), QStringLiteral("Conflict"),
                QStringLiteral("An item with id %1 exists already in %2").arg(id, c.where)),
            answer);
        answer->trace.append(QStringLiteral("Stateful: an item with id %1 exists already in %2.").arg(id, c.where));
        return;
    }
    const QString id = StateModel::idText(stored->value(c.resource.idField));
    for (const HeaderDef& h : c.input.choice.response->headers)
        if (h.name.compare(QLatin1String("Location"), Qt::CaseInsensitive) == 0)
            answer->headers.append({ h.name.toLatin1(), location(c, id) });
    QJsonValue body;
    const bool shaped = present(c, *stored, &body);
    answer->trace.append(QStringLiteral("Stateful: created item %1 in %2%3.")
                             .arg(id, c.where,
                                 shaped || c.input.content.outcome != ContentChoice::Outcome::Chosen
                                     ? QString()
                                     : QStringLiteral(" (the stored item does not fit the response schema, so the "
                                                      "body is the static one)")));
    if (!shaped && c.input.content.outcome == ContentChoice::Outcome::Chosen) {
        answer->outcome = StateAnswer::Outcome::Static;
        return;
    }
    serve(c, body, true, answer);
}

void StateStage::read(const Context& c, StateAnswer* answer) const
{
    const std::optional<QJsonObject> item = m_store->item(c.resource.name, c.scope, c.id);
    if (!item)
        return notFound(c, c.id, answer);
    QJsonValue body;
    if (!present(c, *item, &body)) {
        answer->trace.append(QStringLiteral("Stateful: item %1 of %2 does not fit the response schema; answering "
                                            "statically.")
                                 .arg(c.id, c.where));
        return;
    }
    answer->trace.append(QStringLiteral("Stateful: read item %1 of %2.").arg(c.id, c.where));
    serve(c, body, true, answer);
}

void StateStage::replace(const Context& c, StateAnswer* answer) const
{
    if (!c.input.body.isObject()) {
        answer->trace.append(
            QStringLiteral("Stateful: the request body is not a JSON object; %1 is unchanged.").arg(c.where));
        return;
    }
    const Response* created = c.input.operation.response(QStringLiteral("201"));
    const QJsonObject sent = c.input.body.toObject();
    const SchemaShape& shape = c.resource.itemShape;
    QList<ProblemError> errors;
    const StateEditResult result = m_store->edit(c.resource.name, c.scope, c.id, [&](const QJsonObject* current) {
        StateEdit edit;
        if (!current && !created)
            return edit;
        QJsonObject item = current ? *current : baseItem(c.resource);
        // Replace: what the client did not send goes, unless the schema needs it (required, readOnly).
        for (const QString& key : item.keys())
            if (!sent.contains(key) && !shape.readOnly.contains(key) && !shape.required.contains(key))
                item.remove(key);
        for (auto it = sent.begin(); it != sent.end(); ++it)
            if (!shape.readOnly.contains(it.key()))
                item.insert(it.key(), it.value());
        item.insert(c.resource.idField, current ? current->value(c.resource.idField) : typedId(c.resource, c.id));
        validItem(c, item, &errors);
        edit.store = errors.isEmpty();
        edit.item = item;
        return edit;
    });
    if (!errors.isEmpty()) {
        refuse(c, 422, Problem::invalidRequest(errors), answer);
        answer->trace.append(
            QStringLiteral("Stateful: the replaced item %1 would not be valid; %2 is unchanged.").arg(c.id, c.where));
        return;
    }
    if (!result.stored)
        return notFound(c, c.id, answer);
    if (!result.existed) {
        answer->response = created;
        answer->status = 201;
    }
    QJsonValue body;
    const ContentChoice content = result.existed
        ? c.input.content
        : ContentChoice::choose(*created, 201, QString::fromLatin1(c.input.request.header("Accept")), {});
    const StateInput shownInput { c.input.operation, c.input.request, c.input.pathParameters, c.input.body,
        c.input.choice, content };
    const Context shown { shownInput, c.resource, c.role, c.scope, c.scopeValues, c.id, c.where };
    const bool shaped = present(shown, result.item, &body);
    answer->trace.append(
        QStringLiteral("Stateful: %1 item %2 of %3.")
            .arg(result.existed ? QStringLiteral("replaced") : QStringLiteral("created"), c.id, c.where));
    answer->outcome = StateAnswer::Outcome::Serve;
    answer->hasBody = shaped && content.outcome == ContentChoice::Outcome::Chosen;
    answer->body = body;
    if (!answer->response) {
        answer->response = c.input.choice.response;
        answer->status = c.input.choice.status;
    }
    if (!shaped && content.outcome == ContentChoice::Outcome::Chosen)
        answer->outcome = StateAnswer::Outcome::Static;
}

void StateStage::patch(const Context& c, StateAnswer* answer) const
{
    const bool jsonPatch = c.input.request.header("Content-Type").toLower().contains("json-patch");
    const SchemaShape& shape = c.resource.itemShape;
    QList<ProblemError> errors;
    QString patchError;
    const StateEditResult result = m_store->edit(c.resource.name, c.scope, c.id, [&](const QJsonObject* current) {
        StateEdit edit;
        if (!current)
            return edit;
        QJsonValue patched;
        if (jsonPatch) {
            const PatchResult applied = JsonPatch::apply(*current, c.input.body);
            if (!applied.ok()) {
                patchError = applied.error;
                return edit;
            }
            patched = applied.value;
        } else {
            patched = JsonPatch::mergePatch(*current, c.input.body);
        }
        if (!patched.isObject()) {
            patchError = QStringLiteral("the patched item is not a JSON object");
            return edit;
        }
        QJsonObject item = patched.toObject();
        // The id and readOnly fields stay as they were.
        for (const QString& key : shape.readOnly + QStringList { c.resource.idField }) {
            if (current->contains(key))
                item.insert(key, current->value(key));
            else
                item.remove(key);
        }
        validItem(c, item, &errors);
        edit.store = errors.isEmpty();
        edit.item = item;
        return edit;
    });
    if (!patchError.isEmpty()) {
        refuse(c, 422,
            Problem::make(
                422, QStringLiteral("patch-failed"), QStringLiteral("The patch cannot be applied"), patchError),
            answer);
        answer->trace.append(QStringLiteral("Stateful: the patch cannot be applied to item %1 of %2: %3.")
                                 .arg(c.id, c.where, patchError));
        return;
    }
    if (!errors.isEmpty()) {
        refuse(c, 422, Problem::invalidRequest(errors), answer);
        answer->trace.append(
            QStringLiteral("Stateful: the patched item %1 would not be valid; %2 is unchanged.").arg(c.id, c.where));
        return;
    }
    if (!result.existed)
        return notFound(c, c.id, answer);
    QJsonValue body;
    const bool shaped = present(c, result.item, &body);
    answer->trace.append(
        QStringLiteral("Stateful: patched item %1 of %2 (%3).")
            .arg(c.id, c.where,
                jsonPatch ? QStringLiteral("JSON Patch, RFC 6902") : QStringLiteral("merge patch, RFC 7396")));
    if (!shaped && c.input.content.outcome == ContentChoice::Outcome::Chosen)
        return;
    serve(c, body, true, answer);
}

void StateStage::remove(const Context& c, StateAnswer* answer) const
{
    const std::optional<QJsonObject> item = m_store->item(c.resource.name, c.scope, c.id);
    if (!item || !m_store->remove(c.resource.name, c.scope, c.id))
        return notFound(c, c.id, answer);
    QJsonValue body;
    const bool shaped = present(c, *item, &body);
    answer->trace.append(QStringLiteral("Stateful: deleted item %1 of %2.").arg(c.id, c.where));
    if (!shaped && c.input.content.outcome == ContentChoice::Outcome::Chosen)
        return;
    serve(c, body, true, answer);
}
