// SPDX-License-Identifier: MIT
#include "core/state/statestore.h"

#include <QJsonArray>

#include "core/state/stateseeder.h"

StateStore::StateStore(QObject* parent)
    : QObject(parent)
{ }

StateStore::~StateStore() = default;

void StateStore::setEnabled(bool enabled)
{
    m_enabled = enabled;
}

bool StateStore::isEnabled() const
{
    return m_enabled;
}

void StateStore::setSeedCount(int count)
{
    m_seedCount = std::clamp(count, 0, 1000);
}

int StateStore::seedCount() const
{
    return m_seedCount;
}

void StateStore::setGeneration(std::shared_ptr<const GenerationControl> generation)
{
    std::lock_guard lock(m_mutex);
    m_generation = std::move(generation);
}

QString StateStore::scopeKey(const QStringList& values)
{
    return values.join(QLatin1Char('/'));
}

quint64 StateStore::version() const
{
    return m_version;
}

std::shared_ptr<const StateModel> StateStore::model() const
{
    std::lock_guard lock(m_mutex);
    return m_model;
}

const Resource* StateStore::resourceOf(const Collection& collection) const
{
    if (!m_model || collection.resource < 0 || collection.resource >= m_model->resources().size())
        return nullptr;
    return &m_model->resources().at(collection.resource);
}

void StateStore::put(Bucket& bucket, const QString& idField, const QJsonObject& item) const
{
    const QJsonValue id = item.value(idField);
    const QString key = StateModel::idText(id);
    bool numeric = id.isDouble();
    const qint64 n = numeric ? qint64(id.toDouble()) : key.toLongLong(&numeric);
    if (numeric)
        bucket.maxInteger = std::max(bucket.maxInteger, n);
    const auto found = bucket.index.constFind(key);
    if (found != bucket.index.constEnd()) {
        bucket.items[found.value()] = item;
        return;
    }
    bucket.index.insert(key, bucket.items.size());
    bucket.items.append(item);
}

void StateStore::reindex(Bucket& bucket, const QString& idField) const
{
    bucket.index.clear();
    bucket.maxInteger = 0;
    const QList<QJsonObject> items = std::move(bucket.items);
    bucket.items.clear();
    for (const QJsonObject& item : items)
        put(bucket, idField, item);
}

StateStore::Bucket& StateStore::bucket(Collection& collection, const QString& scope)
{
    auto found = collection.scopes.find(scope);
    if (found != collection.scopes.end())
        return found.value();
    Bucket& b = collection.scopes[scope];
    collection.scopeOrder.append(scope);
    const Resource* resource = resourceOf(collection);
    if (resource && collection.seedNewScopes) {
        const quint64 valueSeed = m_generation ? m_generation->seed() : 0;
        if (!collection.seeds || collection.seedsFrom != valueSeed) {
            collection.seeds = StateSeeder::seed(*m_model->definition(), *resource, m_seedCount, valueSeed);
            collection.seedsFrom = valueSeed;
        }
        for (const QJsonObject& item : *collection.seeds)
            put(b, resource->idField, item);
    }
    return b;
}

QStringList StateStore::adopt(std::shared_ptr<const StateModel> model)
{
    QStringList kept, dropped;
    {
        std::lock_guard lock(m_mutex);
        QHash<QString, Collection> previous = std::move(m_collections);
        m_collections.clear();
        m_model = std::move(model);
        if (m_model) {
            for (int i = 0; i < m_model->resources().size(); ++i) {
                const Resource& r = m_model->resources().at(i);
                auto old = previous.find(r.name);
                Collection c;
                if (old != previous.end()) {
                    c.scopes = std::move(old->scopes);
                    c.scopeOrder = old->scopeOrder;
                    c.seedNewScopes = old->seedNewScopes;
                    for (Bucket& b : c.scopes)
                        reindex(b, r.idField);
                    kept.append(r.name);
                    previous.erase(old);
                }
                c.resource = i;
                m_collections.insert(r.name, std::move(c));
            }
        }
        for (auto it = previous.begin(); it != previous.end(); ++it)
            if (!it->scopes.isEmpty())
                dropped.append(it.key());
        if (m_model && m_pendingRestore) {
            const QJsonObject pending = *m_pendingRestore;
            m_pendingRestore.reset();
            for (const QString& name : pending.keys())
                if (m_collections.contains(name) && !kept.contains(name))
                    kept.append(name);
            dropped += applyRestore(pending);
        }
    }
    dropped.sort();
    ++m_version;
    emit adopted(kept, dropped);
    emit changed();
    return dropped;
}

QList<QJsonObject> StateStore::items(const QString& collection, const QString& scope)
{
    std::lock_guard lock(m_mutex);
    auto c = m_collections.find(collection);
    if (c == m_collections.end())
        return {};
    return bucket(*c, scope).items;
}

std::optional<QJsonObject> StateStore::item(const QString& collection, const QString& scope, const QString& id)
{
    std::lock_guard lock(m_mutex);
    auto c = m_collections.find(collection);
    if (c == m_collections.end())
        return std::nullopt;
    const Bucket& b = bucket(*c, scope);
    const auto found = b.index.constFind(id);
    if (found == b.index.constEnd())
        return std::nullopt;
    return b.items.at(found.value());
}

std::optional<QJsonObject> StateStore::insert(const QString& collection, const QString& scope, QJsonObject item)
{
    {
        std::lock_guard lock(m_mutex);
        auto c = m_collections.find(collection);
        const Resource* resource = c == m_collections.end() ? nullptr : resourceOf(*c);
        if (!resource)
            return std::nullopt;
        Bucket& b = bucket(*c, scope);
        const QJsonValue id = item.value(resource->idField);
        if (id.isUndefined() || id.isNull()) {
            const auto taken = [&b](const QString& id) { return b.index.contains(id); };
            item.insert(resource->idField, StateSeeder::newId(*m_model->definition(), *resource, taken, b.maxInteger));
        } else if (b.index.contains(StateModel::idText(id))) {
            return std::nullopt;
        }
        put(b, resource->idField, item);
    }
    touched();
    return item;
}

StateEditResult StateStore::edit(const QString& collection, const QString& scope, const QString& id,
    const std::function<StateEdit(const QJsonObject* current)>& change)
{
    StateEditResult result;
    {
        std::lock_guard lock(m_mutex);
        auto c = m_collections.find(collection);
        const Resource* resource = c == m_collections.end() ? nullptr : resourceOf(*c);
        if (!resource)
            return result;
        Bucket& b = bucket(*c, scope);
        const auto found = b.index.constFind(id);
        result.existed = found != b.index.constEnd();
        if (result.existed)
            result.item = b.items.at(found.value());
        const StateEdit decided = change(result.existed ? &result.item : nullptr);
        if (!decided.store)
            return result;
        const QString newId = StateModel::idText(decided.item.value(resource->idField));
        if (newId != id && b.index.contains(newId))
            return result; // the edit would take another item's id
        if (result.existed && newId != id) {
            b.items.removeAt(found.value());
            reindex(b, resource->idField);
        }
        put(b, resource->idField, decided.item);
        result.stored = true;
        result.item = decided.item;
    }
    touched();
    return result;
}

bool StateStore::remove(const QString& collection, const QString& scope, const QString& id)
{
    {
        std::lock_guard lock(m_mutex);
        auto c = m_collections.find(collection);
        const Resource* resource = c == m_collections.end() ? nullptr : resourceOf(*c);
        if (!resource)
            return false;
        Bucket& b = bucket(*c, scope);
        const auto found = b.index.constFind(id);
        if (found == b.index.constEnd())
            return false;
        b.items.removeAt(found.value());
        reindex(b, resource->idField);
    }
    touched();
    return true;
}

QJsonObject StateStore::snapshot()
{
    std::lock_guard lock(m_mutex);
    QJsonObject all;
    if (!m_model)
        return all;
    for (const Resource& r : m_model->resources()) {
        Collection& c = m_collections[r.name];
        QJsonObject entry { { QStringLiteral("path"), r.collectionPath }, { QStringLiteral("idField"), r.idField } };
        if (r.scoped()) {
            QJsonObject scopes;
            for (const QString& scope : c.scopeOrder)
                scopes.insert(scope, QJsonArray::fromVariantList({}));
            for (const QString& scope : c.scopeOrder) {
                QJsonArray items;
                for (const QJsonObject& item : c.scopes.value(scope).items)
                    items.append(item);
                scopes.insert(scope, items);
            }
            entry.insert(QStringLiteral("scopedBy"), QJsonArray::fromStringList(r.scopeParameters));
            entry.insert(QStringLiteral("scopes"), scopes);
        } else {
            QJsonArray items;
            for (const QJsonObject& item : bucket(c, QString()).items)
                items.append(item);
            entry.insert(QStringLiteral("items"), items);
        }
        all.insert(r.name, entry);
    }
    return all;
}

QString StateStore::replaceLocked(const QString& name, Collection& collection, const QJsonValue& value)
{
    const Resource* resource = resourceOf(collection);
    if (!resource)
        return QStringLiteral("there is no collection '%1'").arg(name);
    QJsonValue data = value;
    if (data.isObject() && data.toObject().contains(QStringLiteral("items")))
        data = data.toObject().value(QStringLiteral("items"));
    else if (data.isObject() && data.toObject().contains(QStringLiteral("scopes")))
        data = data.toObject().value(QStringLiteral("scopes"));
    QHash<QString, QJsonArray> scopes;
    QStringList order;
    if (data.isArray() && !resource->scoped()) {
        scopes.insert(QString(), data.toArray());
        order.append(QString());
    } else if (data.isObject() && resource->scoped()) {
        const QJsonObject object = data.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isArray())
                return QStringLiteral("scope '%1' of '%2' is not an array of items").arg(it.key(), name);
            scopes.insert(it.key(), it.value().toArray());
            order.append(it.key());
        }
    } else {
        return resource->scoped() ? QStringLiteral("'%1' is scoped by {%2}: send an object of scope -> array of items")
                                        .arg(name, resource->scopeParameters.join(QStringLiteral("}, {")))
                                  : QStringLiteral("'%1' takes an array of items").arg(name);
    }
    for (auto it = scopes.begin(); it != scopes.end(); ++it) {
        QSet<QString> ids;
        for (const QJsonValue& v : it.value()) {
            const QJsonValue id = v.toObject().value(resource->idField);
            if (!v.isObject() || StateModel::idText(id).isEmpty())
                return QStringLiteral("every item of '%1' needs its id field '%2'").arg(name, resource->idField);
            if (ids.contains(StateModel::idText(id)))
                return QStringLiteral("id %1 appears twice in '%2'").arg(StateModel::idText(id), name);
            ids.insert(StateModel::idText(id));
        }
    }
    collection.scopes.clear();
    collection.scopeOrder = order;
    for (const QString& scope : order) {
        Bucket& b = collection.scopes[scope];
        for (const QJsonValue& v : scopes.value(scope))
            put(b, resource->idField, v.toObject());
    }
    collection.seedNewScopes = !resource->scoped();
    return {};
}

QString StateStore::replace(const QString& collection, const QJsonValue& value)
{
    QString error;
    {
        std::lock_guard lock(m_mutex);
        auto c = m_collections.find(collection);
        if (c == m_collections.end())
            return QStringLiteral("there is no collection '%1'").arg(collection);
        error = replaceLocked(collection, *c, value);
    }
    if (error.isEmpty())
        touched();
    return error;
}

void StateStore::reset()
{
    {
        std::lock_guard lock(m_mutex);
        for (Collection& c : m_collections) {
            c.scopes.clear();
            c.scopeOrder.clear();
            c.seedNewScopes = true;
        }
    }
    touched();
    emit stateReset();
}

void StateStore::clear(const QString& collection)
{
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_collections.begin(); it != m_collections.end(); ++it) {
            if (!collection.isEmpty() && it.key() != collection)
                continue;
            it->scopes.clear();
            it->scopeOrder.clear();
            it->seedNewScopes = false;
            const Resource* resource = resourceOf(*it);
            if (resource && !resource->scoped())
                bucket(*it, QString());
        }
    }
    touched();
}

QStringList StateStore::applyRestore(const QJsonObject& snapshot)
{
    QStringList dropped;
    for (auto it = snapshot.begin(); it != snapshot.end(); ++it) {
        auto c = m_collections.find(it.key());
        if (c == m_collections.end() || !replaceLocked(it.key(), *c, it.value()).isEmpty())
            dropped.append(it.key());
        else
            c->seedNewScopes = true;
    }
    return dropped;
}

QStringList StateStore::restore(const QJsonObject& snapshot)
{
    QStringList dropped;
    {
        std::lock_guard lock(m_mutex);
        if (!m_model) {
            m_pendingRestore = snapshot;
            return {};
        }
        dropped = applyRestore(snapshot);
    }
    touched();
    return dropped;
}

void StateStore::touched()
{
    ++m_version;
    emit changed();
}
