// SPDX-License-Identifier: MIT
// Helpers for the ui tests: a hand-made definition and model dumps.
#pragma once

#include <QAbstractItemModel>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStringList>

#include "core/definition/definition.h"
#include "core/engine/requestlogentry.h"

namespace UiTestUtils {

// A GET answered while the test's event loop runs (so a mock or an upstream on this thread can answer it).
struct Reply
{
    int status = 0;
    QByteArray body;
};

inline Reply get(const QUrl& url)
{
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(15000);
    Reply r { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
    reply->deleteLater();
    return r;
}

inline Operation makeOperation(const QString& id, const QString& method, const QString& path, const QStringList& tags,
    const QString& summary = {}, bool deprecated = false)
{
    Operation op;
    op.id = id;
    op.method = method;
    op.path = path;
    op.tags = tags;
    op.summary = summary;
    op.deprecated = deprecated;
    return op;
}

// A small pet store: declared tags, an untagged and a multi-tagged operation, examples and a path parameter.
inline DefinitionPtr petStore()
{
    auto def = std::make_shared<Definition>();
    def->file = QStringLiteral("/tmp/petstore.yaml");
    def->title = QStringLiteral("Pet Store");
    def->version = QStringLiteral("1.2");
    def->tags = { { QStringLiteral("pets"), QStringLiteral("Everything about pets") }, { QStringLiteral("store"), {} },
        { QStringLiteral("unused"), {} } };
    def->document = QJsonDocument::fromJson(R"({"components":{"schemas":{"Pet":{"type":"object","required":["name"],
        "properties":{"id":{"type":"integer","readOnly":true},"name":{"type":"string","example":"Rex"},
        "tag":{"type":"string"}}}}}})")
                        .object();

    Operation list = makeOperation(QStringLiteral("listPets"), QStringLiteral("GET"), QStringLiteral("/pets"),
        { QStringLiteral("pets") }, QStringLiteral("List all pets"));
    Parameter limit;
    limit.name = QStringLiteral("limit");
    limit.in = QStringLiteral("query");
    limit.required = true;
    limit.schema = QJsonObject { { QStringLiteral("type"), QStringLiteral("integer") } };
    list.parameters.append(limit);
    Response ok;
    ok.code = QStringLiteral("200");
    ok.description = QStringLiteral("A list of pets");
    MediaType json;
    json.name = QStringLiteral("application/json");
    json.schema = QJsonObject { { QStringLiteral("type"), QStringLiteral("array") },
        { QStringLiteral("items"),
            QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Pet") } } } };
    NamedExample cats { QStringLiteral("cats"), {}, {},
        QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("Tom") } } }, true, {}, {} };
    NamedExample empty { QStringLiteral("empty"), {}, {}, QJsonArray(), true, {}, {} };
    json.examples = { cats, empty };
    ok.content = { json };
    Response notFound;
    notFound.code = QStringLiteral("404");
    notFound.description = QStringLiteral("Nothing here");
    list.responses = { ok, notFound };

    Operation create = makeOperation(QStringLiteral("createPet"), QStringLiteral("POST"), QStringLiteral("/pets"),
        { QStringLiteral("pets") }, QStringLiteral("Create a pet"));
    create.requestBody.present = true;
    create.requestBody.required = true;
    MediaType body;
    body.name = QStringLiteral("application/json");
    body.schema = QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Pet") } };
    create.requestBody.content = { body };
    Response created;
    created.code = QStringLiteral("201");
    create.responses = { created };

    Operation get = makeOperation(QStringLiteral("getPet"), QStringLiteral("GET"), QStringLiteral("/pets/{petId}"),
        { QStringLiteral("pets"), QStringLiteral("store") }, QStringLiteral("Info for a pet"));
    Parameter petId;
    petId.name = QStringLiteral("petId");
    petId.in = QStringLiteral("path");
    petId.required = true;
    petId.example = QStringLiteral("42");
    petId.hasExample = true;
    get.parameters.append(petId);
    get.responses = { ok };

    Operation order = makeOperation(QStringLiteral("placeOrder"), QStringLiteral("POST"),
        QStringLiteral("/store/order"), { QStringLiteral("store") });
    Operation health = makeOperation(QStringLiteral("health"), QStringLiteral("GET"), QStringLiteral("/health"), {});
    Operation legacy = makeOperation(QStringLiteral("legacyPets"), QStringLiteral("GET"), QStringLiteral("/v0/pets"),
        { QStringLiteral("legacy") }, QStringLiteral("Old listing"), true);
    def->operations = { list, create, get, order, health, legacy };
    for (int i = 0; i < def->operations.size(); ++i)
        def->operations[i].index = i;
    return def;
}

// A file of the shared test material, or "" when absent. UNDERSTUDY_SHARED_DIR in the environment overrides
// the folder configured at build time (a worktree's ../shared may not be where the material is).
inline QString sharedFile(const QString& relative)
{
    const QString dir = qEnvironmentVariable("UNDERSTUDY_SHARED_DIR", QStringLiteral(UNDERSTUDY_SHARED_DIR));
    const QString path = QDir::cleanPath(dir + QLatin1Char('/') + relative);
    return QFile::exists(path) ? path : QString();
}

// One line per row, indented by depth: "pets", "  GET /pets".
inline QStringList dumpModel(const QAbstractItemModel& model, const QModelIndex& parent = {}, int depth = 0)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex idx = model.index(r, 0, parent);
        out << QString(depth * 2, QLatin1Char(' ')) + idx.data().toString();
        out << dumpModel(model, idx, depth + 1);
    }
    return out;
}

inline RequestLogEntry makeEntry(quint64 id, const QByteArray& method, const QString& path, int status)
{
    RequestLogEntry e;
    e.id = id;
    e.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678));
    e.method = method;
    e.path = path;
    e.status = status;
    e.httpVersion = "1.1";
    e.durationUs = 1500;
    return e;
}

} // namespace UiTestUtils
