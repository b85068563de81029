// SPDX-License-Identifier: MIT
// Pipeline stage: answers a resource's list, create, read, replace, patch and delete from the state store.
#pragma once

#include <memory>
#include <mutex>

#include <QHash>

#include "core/http/httprequest.h"
#include "core/http/problem.h"
#include "core/negotiation/contentchoice.h"
#include "core/negotiation/responsechoice.h"
#include "core/state/statestore.h"

// What the answer depends on: the request as validated and the response and media type chosen for it.
struct StateInput
{
    const Operation& operation;
    const HttpRequest& request;
    const QList<QPair<QString, QString>>& pathParameters;
    const QJsonValue& body; // the request body as validation parsed it (Undefined when none)
    const ResponseChoice& choice;
    const ContentChoice& content;
};

struct StateAnswer
{
    enum class Outcome
    {
        Static, // the normal (static) answer goes on
        Serve, // answer `response` with `status` and `body` (when hasBody)
        Refuse, // answer the operation's `status` response if it defines one (else `problem`): 404, 409, 422
    };
    Outcome outcome = Outcome::Static;
    const Response* response = nullptr; // Serve: the response answering (may differ from the chosen one: PUT 201)
    int status = 0;
    bool hasBody = false;
    QJsonValue body;
    HeaderList headers; // set over the response's declared headers (Location, X-Total-Count)
    Problem problem; // Refuse
    QStringList trace;
};

// Thread-safe: the store has its own lock; the stage's sample caches have theirs.
class StateStage
{
public:
    StateStage(DefinitionPtr definition, std::shared_ptr<StateStore> store);

    StateAnswer answer(const StateInput& input) const;

    const std::shared_ptr<const StateModel>& model() const
    {
        return m_model;
    }
    const std::shared_ptr<StateStore>& store() const
    {
        return m_store;
    }

private:
    struct Context;

    void list(const Context& c, StateAnswer* answer) const;
    void create(const Context& c, StateAnswer* answer) const;
    void read(const Context& c, StateAnswer* answer) const;
    void replace(const Context& c, StateAnswer* answer) const;
    void patch(const Context& c, StateAnswer* answer) const;
    void remove(const Context& c, StateAnswer* answer) const;

    // The item as served: writeOnly properties left out, shaped to the response schema (the item itself, or
    // an envelope holding it). False when it fits neither.
    bool present(const Context& c, const QJsonObject& item, QJsonValue* body) const;
    bool fits(const MediaType* media, const QJsonValue& value, QString* why = nullptr) const;
    QJsonObject validItem(const Context& c, const QJsonObject& item, QList<ProblemError>* errors) const;
    QJsonValue sample(const SchemaRef& schema) const;
    QJsonObject baseItem(const Resource& resource) const;
    QJsonValue typedId(const Resource& resource, const QString& text) const;
    QByteArray location(const Context& c, const QString& id) const;
    void notFound(const Context& c, const QString& id, StateAnswer* answer) const;
    void refuse(const Context& c, int status, const Problem& problem, StateAnswer* answer) const;
    void serve(const Context& c, const QJsonValue& body, bool hasBody, StateAnswer* answer) const;

    DefinitionPtr m_definition;
    std::shared_ptr<StateStore> m_store;
    std::shared_ptr<const StateModel> m_model;
    mutable std::mutex m_cacheMutex;
    mutable QHash<QString, QJsonValue> m_samples; // schema pointer -> generated value
};
