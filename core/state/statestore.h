// SPDX-License-Identifier: MIT
// The items of every inferred collection, per scope; thread-safe, seeded lazily, one snapshot format for all uses.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include "core/generation/generationcontrol.h"
#include "core/state/statemodel.h"

// What an edit of one item decided: store `item` (or leave the item as it is when `store` is false).
struct StateEdit
{
    bool store = false;
    QJsonObject item;
};

struct StateEditResult
{
    bool existed = false; // the id was there before the edit
    bool stored = false;
    QJsonObject item; // what is stored now (when stored), else the item as it was
};

/**
 * Every method may run on any thread at once (request workers, the window, the state file): one mutex guards all
 * collections, and the edit callbacks run under it so that a read-modify-write (PATCH, PUT) is atomic. A collection
 * (or, for a scoped collection, one scope: the orders of user 7) is seeded the first time it is touched, from the
 * model's example items or generated ones. Signals are emitted outside the lock, from the thread that made the change.
 */
class StateStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateStore)

public:
    explicit StateStore(QObject* parent = nullptr);
    ~StateStore() override;

    // Off by default: the pipeline answers statically. Can change at any time.
    void setEnabled(bool enabled);
    bool isEnabled() const;
    // Generated items per collection when the definition has no example items (--seed-items, default 3).
    void setSeedCount(int count);
    int seedCount() const;
    // Generated items draw their values from this control's seed (--seed); a changed seed applies to what is seeded
    // from then on (a reset, a new scope, a new definition).
    void setGeneration(std::shared_ptr<const GenerationControl> generation);

    // Takes a new definition's resources: collections of the same name keep their items, the others are dropped
    // (returned, and reported with adopted()). Items restored from a file before are applied now.
    QStringList adopt(std::shared_ptr<const StateModel> model);
    std::shared_ptr<const StateModel> model() const;

    QList<QJsonObject> items(const QString& collection, const QString& scope);
    std::optional<QJsonObject> item(const QString& collection, const QString& scope, const QString& id);
    // Adds `item`; gives it a new id when it has none. Returns the stored item, or nullopt when the id is taken or
    // the collection is unknown.
    std::optional<QJsonObject> insert(const QString& collection, const QString& scope, QJsonObject item);
    // Runs `edit` on the item with `id` (null when there is none) under the lock and stores what it returns.
    StateEditResult edit(const QString& collection, const QString& scope, const QString& id,
        const std::function<StateEdit(const QJsonObject* current)>& edit);
    bool remove(const QString& collection, const QString& scope, const QString& id);

    // {"books": {"path": "/books", "items": [...]}, "orders": {"path": ..., "scopes": {"7": [...]}}}
    QJsonObject snapshot();
    // Replaces one collection's items: an array (unscoped), an object of scope -> array (scoped), or the
    // collection's snapshot object. Returns an error message, empty on success.
    QString replace(const QString& collection, const QJsonValue& value);
    // Everything back to the seed (collections are seeded again when next touched).
    void reset();
    // Empties one collection (all when empty); new scopes of it start empty too.
    void clear(const QString& collection = {});
    // Takes a snapshot (as written by snapshot()) read from a file; collections the current definition lacks are
    // dropped and returned. Without a model yet, it is kept until adopt().
    QStringList restore(const QJsonObject& snapshot);
    // Increases with every change.
    quint64 version() const;

    static QString scopeKey(const QStringList& values);

signals:
    void changed();
    void stateReset();
    void adopted(const QStringList& kept, const QStringList& dropped);

private:
    struct Bucket
    {
        QList<QJsonObject> items;
        QHash<QString, int> index; // id text -> position in items
        qint64 maxInteger = 0;
    };
    struct Collection
    {
        int resource = -1;
        QHash<QString, Bucket> scopes;
        QStringList scopeOrder;
        bool seedNewScopes = true;
        std::optional<QList<QJsonObject>> seeds;
        quint64 seedsFrom = 0; // the generation seed the seeds were drawn from
    };

    Bucket& bucket(Collection& collection, const QString& scope);
    const Resource* resourceOf(const Collection& collection) const;
    void put(Bucket& bucket, const QString& idField, const QJsonObject& item) const;
    void reindex(Bucket& bucket, const QString& idField) const;
    QStringList applyRestore(const QJsonObject& snapshot);
    QString replaceLocked(const QString& name, Collection& collection, const QJsonValue& value);
    void touched();

    mutable std::mutex m_mutex;
    std::shared_ptr<const StateModel> m_model;
    QHash<QString, Collection> m_collections;
    std::optional<QJsonObject> m_pendingRestore;
    std::atomic<bool> m_enabled { false };
    std::atomic<int> m_seedCount { 3 };
    std::shared_ptr<const GenerationControl> m_generation;
    std::atomic<quint64> m_version { 0 };
};
