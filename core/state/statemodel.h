// SPDX-License-Identifier: MIT
// Stateful mode's reading of a definition: which paths form resources, their id fields, seeds, and per operation why.
#pragma once

#include <array>
#include <memory>

#include <QJsonObject>
#include <QList>
#include <QString>

#include "core/definition/definition.h"
#include "core/state/schemashape.h"

enum class StateRole
{
    None,
    List, // GET on the collection path
    Create, // POST on the collection path
    Read, // GET on the item path
    Replace, // PUT on the item path
    Patch, // PATCH on the item path
    Remove, // DELETE on the item path
};

// One inferred resource: a collection path ("/users/{userId}/orders") and its item path
// ("/users/{userId}/orders/{id}").
struct Resource
{
    QString name; // the collection's last fixed segment ("orders"); made unique with the fixed segments before it
    QString collectionPath; // as written, also when the definition only has the item path
    QString itemPath; // empty when the definition has no item path
    QStringList scopeParameters; // the collection path's parameters: items of user 7 are not items of user 8
    QString itemParameter; // the item path's last parameter ("bookId")
    QString idField; // the item property holding the id
    QString idRule; // which rule chose it, for the window and the trace
    SchemaRef itemSchema;
    SchemaShape itemShape;
    std::array<int, 7> operations { { -1, -1, -1, -1, -1, -1, -1 } }; // StateRole -> operation index
    QList<QJsonObject> exampleSeeds; // the definition's example items, deduplicated by id, valid against the schema
    QStringList notes; // what seeding skipped, and why

    int operation(StateRole role) const
    {
        return operations[static_cast<size_t>(role)];
    }
    bool scoped() const
    {
        return !scopeParameters.isEmpty();
    }
};

// What stateful mode does with one operation: its role in a resource, or why it stays static.
struct StateBinding
{
    StateRole role = StateRole::None;
    int resource = -1;
    QString reason; // why the operation stays static (role None)
};

// Immutable once inferred; shared by the pipeline, the store and the window.
class StateModel
{
public:
    static std::shared_ptr<const StateModel> infer(DefinitionPtr definition);

    const QList<Resource>& resources() const
    {
        return m_resources;
    }
    const Resource* resource(const QString& name) const;
    StateBinding binding(int operationIndex) const;
    // One sentence for the operation details: "Stateful: lists the collection 'books' (id field 'id')."
    QString describe(int operationIndex) const;
    const DefinitionPtr& definition() const
    {
        return m_definition;
    }

    static QString roleName(StateRole role);
    // The id as text, the way a path carries it: 42 -> "42", "a1" -> "a1".
    static QString idText(const QJsonValue& id);

private:
    DefinitionPtr m_definition;
    QList<Resource> m_resources;
    QList<StateBinding> m_bindings; // per operation index
};
