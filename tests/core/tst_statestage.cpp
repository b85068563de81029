// SPDX-License-Identifier: MIT
// Stateful mode through MockPipeline::handle, without sockets: CRUD, nesting, envelopes, pages, ids, static paths.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include "core/definition/definitionloader.h"
#include "core/engine/mockpipeline.h"
#include "core/schema/schemavalidator.h"
#include "testutils.h"

namespace {

const QByteArray kBearer = "Bearer token";

struct Mock
{
    std::shared_ptr<StateStore> store = std::make_shared<StateStore>();
    std::unique_ptr<MockPipeline> pipeline;

    explicit Mock(const QString& file, bool enabled = true)
    {
        const LoadResult loaded = DefinitionLoader().loadFile(file);
        if (!loaded.definition)
            qFatal("cannot load %s", qPrintable(file));
        store->setEnabled(enabled);
        pipeline = std::make_unique<MockPipeline>(loaded.definition, MockConfig(), nullptr, store);
    }

    MockResult send(const QByteArray& method, const QString& target, const QByteArray& body = {},
        const QByteArray& contentType = "application/json", const HeaderList& extra = {}) const
    {
        HttpRequest r;
        r.method = method;
        const qsizetype q = target.indexOf(QLatin1Char('?'));
        r.path = q < 0 ? target : target.left(q);
        r.query = q < 0 ? QByteArray() : target.mid(q + 1).toUtf8();
        r.headers = { { "Host", "localhost:4010" }, { "Authorization", kBearer }, { "X-API-Key", "k" } };
        r.headers += extra;
        if (!body.isEmpty()) {
            r.headers.append({ "Content-Type", contentType });
            r.body = body;
        }
        return pipeline->handle(r);
    }
};

QJsonValue json(const MockResult& result)
{
    const QJsonDocument doc = QJsonDocument::fromJson(result.response.body);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QStringList ids(const QJsonArray& items, const QString& field = QStringLiteral("id"))
{
    QStringList out;
    for (const QJsonValue& v : items)
        out.append(StateModel::idText(v.toObject().value(field)));
    return out;
}

bool traceHas(const MockResult& result, const QString& words)
{
    for (const QString& s : result.trace)
        if (s.contains(words))
            return true;
    return false;
}

// Every JSON body is valid against the schema of the response it answers.
bool validAgainstResponse(const Mock& mock, const MockResult& result)
{
    const Definition& def = mock.pipeline->definition();
    const Operation* op = def.operation(result.operationId);
    if (!op || result.response.body.isEmpty())
        return true;
    const Response* response = op->response(QString::number(result.response.status));
    if (!response)
        return true;
    for (const MediaType& m : response->content)
        if (QByteArray(m.name.toUtf8()) == result.response.header("Content-Type") && !m.schemaPointer.isEmpty())
            return def.schemas().get(m.schemaPointer)->isValid(json(result), ValidationDirection::Response);
    return true;
}

} // namespace

class TestStateStage : public QObject
{
    Q_OBJECT

private slots:
    void bundledCrudRoundTrip();
    void jsonPatchAndInvalidPatches();
    void putReplacesAndCreates();
    void forcedAndRefusedStayStatic();
    void offStaysStatic();
    void nestedCollectionsAreScoped();
    void envelopeListsFilterAndPage_data();
    void envelopeListsFilterAndPage();
    void limitOffsetCursor_data();
    void limitOffsetCursor();
    void writeOnlyStoredNeverReturned();
    void nestedWriteOnlyNeverReturned();
    void understudyIdExtension();
    void nothingInferredStaysStatic_data();
    void nothingInferredStaysStatic();
};

void TestStateStage::bundledCrudRoundTrip()
{
    Mock mock(DefinitionLoader::bundledExamplePath());
    // Seeded from the list's examples (1, 2) and the create response's example (42).
    MockResult list = mock.send("GET", QStringLiteral("/v1/books"));
    QCOMPARE(list.response.status, 200);
    QCOMPARE(ids(json(list).toObject().value(QStringLiteral("items")).toArray()),
        QStringList({ QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("42") }));
    QCOMPARE(json(list).toObject().value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(list.response.header("X-Total-Count"), QByteArray("3"));
    QVERIFY(traceHas(list, QStringLiteral("listed 3 of 3 items of 'books'")));
    QVERIFY(validAgainstResponse(mock, list));

    const MockResult created = mock.send("POST", QStringLiteral("/v1/books"),
        R"({"isbn":"978-0-261-10221-7","title":"The Hobbit","authorId":3,"genre":"fantasy","id":999})");
    QCOMPARE(created.response.status, 201);
    const QJsonObject book = json(created).toObject();
    QCOMPARE(book.value(QStringLiteral("id")).toInt(), 43); // readOnly: the client's 999 is ignored
    QCOMPARE(book.value(QStringLiteral("title")).toString(), QStringLiteral("The Hobbit"));
    QVERIFY(book.contains(QStringLiteral("available"))); // required in Book, generated
    QCOMPARE(created.response.header("Location"), QByteArray("http://localhost:4010/v1/books/43"));
    QVERIFY(traceHas(created, QStringLiteral("created item 43 in 'books'")));
    QVERIFY(validAgainstResponse(mock, created));

    list = mock.send("GET", QStringLiteral("/v1/books"));
    QVERIFY(ids(json(list).toObject().value(QStringLiteral("items")).toArray()).contains(QStringLiteral("43")));
    QCOMPARE(json(list).toObject().value(QStringLiteral("total")).toInt(), 4);

    MockResult got = mock.send("GET", QStringLiteral("/v1/books/43"));
    QCOMPARE(got.response.status, 200);
    QCOMPARE(json(got).toObject(), book);

    const MockResult patched = mock.send("PATCH", QStringLiteral("/v1/books/43"),
        R"({"title":"There and Back Again","available":false})", "application/merge-patch+json");
    QVERIFY2(patched.response.status == 200, patched.response.body + patched.trace.join(QLatin1Char('\n')).toUtf8());
    QVERIFY(traceHas(patched, QStringLiteral("merge patch")));
    got = mock.send("GET", QStringLiteral("/v1/books/43"));
    QCOMPARE(json(got).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("There and Back Again"));
    QCOMPARE(json(got).toObject().value(QStringLiteral("available")), QJsonValue(false));
    QCOMPARE(json(got).toObject().value(QStringLiteral("genre")).toString(), QStringLiteral("fantasy"));
    QCOMPARE(json(got).toObject().value(QStringLiteral("id")).toInt(), 43);

    // Filtering by a declared query parameter that is an item field.
    list = mock.send("GET", QStringLiteral("/v1/books?genre=fiction"));
    QCOMPARE(ids(json(list).toObject().value(QStringLiteral("items")).toArray()),
        QStringList({ QStringLiteral("1"), QStringLiteral("2") }));
    QVERIFY(traceHas(list, QStringLiteral("filtered by genre=fiction")));

    const MockResult deleted = mock.send("DELETE", QStringLiteral("/v1/books/43"));
    QCOMPARE(deleted.response.status, 204);
    QVERIFY(deleted.response.body.isEmpty());
    got = mock.send("GET", QStringLiteral("/v1/books/43"));
    QCOMPARE(got.response.status, 404);
    QCOMPARE(got.response.header("Content-Type"), QByteArray("application/problem+json"));
    QVERIFY(traceHas(got, QStringLiteral("no item 43 in 'books'; answering the operation's 404 response")));
    QVERIFY(validAgainstResponse(mock, got));
    QCOMPARE(mock.send("DELETE", QStringLiteral("/v1/books/43")).response.status, 404);
    QCOMPARE(mock.send("PATCH", QStringLiteral("/v1/books/43"), R"({"title":"x"})", "application/merge-patch+json")
                 .response.status,
        404);

    // Reset brings the seed back.
    mock.send("DELETE", QStringLiteral("/v1/books/1"));
    const MockResult reset = mock.send("POST", QStringLiteral("/__understudy/state/reset"));
    QCOMPARE(reset.response.status, 200);
    list = mock.send("GET", QStringLiteral("/v1/books"));
    QCOMPARE(ids(json(list).toObject().value(QStringLiteral("items")).toArray()),
        QStringList({ QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("42") }));
}

void TestStateStage::jsonPatchAndInvalidPatches()
{
    Mock mock(DefinitionLoader::bundledExamplePath());
    MockResult r = mock.send("PATCH", QStringLiteral("/v1/books/2"),
        R"([{"op":"replace","path":"/title","value":"1984"},{"op":"test","path":"/available","value":false},
            {"op":"copy","from":"/isbn","path":"/published"},{"op":"remove","path":"/published"}])",
        "application/json-patch+json");
    QCOMPARE(r.response.status, 200);
    QVERIFY(traceHas(r, QStringLiteral("JSON Patch, RFC 6902")));
    QCOMPARE(json(r).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("1984"));
    QVERIFY(!json(r).toObject().contains(QStringLiteral("published")));

    // A failing test op: nothing changes.
    r = mock.send("PATCH", QStringLiteral("/v1/books/2"),
        R"([{"op":"replace","path":"/title","value":"x"},{"op":"test","path":"/available","value":true}])",
        "application/json-patch+json");
    QCOMPARE(r.response.status, 422);
    QVERIFY(traceHas(r, QStringLiteral("cannot be applied")));
    QCOMPARE(json(mock.send("GET", QStringLiteral("/v1/books/2"))).toObject().value(QStringLiteral("title")).toString(),
        QStringLiteral("1984"));

    // A patch that would break the item schema (available must be boolean): refused, unchanged.
    r = mock.send("PATCH", QStringLiteral("/v1/books/2"), R"([{"op":"replace","path":"/available","value":"no"}])",
        "application/json-patch+json");
    QCOMPARE(r.response.status, 422);
    QVERIFY(traceHas(r, QStringLiteral("would not be valid")));
    QCOMPARE(json(mock.send("GET", QStringLiteral("/v1/books/2"))).toObject().value(QStringLiteral("available")),
        QJsonValue(false));

    // The id never changes.
    r = mock.send("PATCH", QStringLiteral("/v1/books/2"), R"({"id": 77})", "application/merge-patch+json");
    QCOMPARE(r.response.status, 200);
    QCOMPARE(json(r).toObject().value(QStringLiteral("id")).toInt(), 2);
}

void TestStateStage::putReplacesAndCreates()
{
    Mock mock(DefinitionLoader::bundledExamplePath());
    // Bookshelf's PUT has no 201: an unknown id is a 404.
    QCOMPARE(mock.send("PUT", QStringLiteral("/v1/books/5"), R"({"isbn":"978-0-14-143951-8","title":"T","authorId":1})")
                 .response.status,
        404);
    const MockResult r =
        mock.send("PUT", QStringLiteral("/v1/books/1"), R"({"isbn":"978-0-14-143951-8","title":"Emma","authorId":7})");
    QCOMPARE(r.response.status, 200);
    const QJsonObject book = json(r).toObject();
    QCOMPARE(book.value(QStringLiteral("title")).toString(), QStringLiteral("Emma"));
    QVERIFY(!book.contains(QStringLiteral("genre"))); // replaced: not sent, optional, so gone
    QVERIFY(book.contains(QStringLiteral("available"))); // required by Book: kept
    QVERIFY(traceHas(r, QStringLiteral("replaced item 1 of 'books'")));

    Mock widgets(TestUtils::dataPath(QStringLiteral("state/envelope.yaml")));
    const QString uuid = QStringLiteral("0b6f3c57-3f4e-4c7a-9d0e-4f4a0b1c2d3e");
    // An id that does not fit the id schema (a uuid) would make an invalid item: refused.
    QCOMPARE(
        widgets.send("PUT", QStringLiteral("/widgets/w-9"), R"({"name":"new","color":"red"})").response.status, 422);
    const MockResult made = widgets.send("PUT", QStringLiteral("/widgets/") + uuid, R"({"name":"new","color":"red"})");
    QVERIFY2(made.response.status == 201, made.response.body + made.trace.join(QLatin1Char('\n')).toUtf8());
    QCOMPARE(json(made).toObject().value(QStringLiteral("id")).toString(), uuid);
    QCOMPARE(widgets.send("GET", QStringLiteral("/widgets/") + uuid).response.status, 200);
}

void TestStateStage::forcedAndRefusedStayStatic()
{
    Mock mock(DefinitionLoader::bundledExamplePath());
    MockResult r = mock.send("GET", QStringLiteral("/v1/books/1"), {}, {}, { { "Prefer", "code=404" } });
    QCOMPARE(r.response.status, 404);
    QVERIFY(traceHas(r, QStringLiteral("forced response wins over the state of 'books'")));
    r = mock.send("POST", QStringLiteral("/v1/books"), R"({"isbn":"978-0-261-10221-7","title":"A","authorId":3})",
        "application/json", { { "x-redocly-response-status", "401" } });
    QCOMPARE(r.response.status, 401);
    // An invalid request changes nothing.
    r = mock.send("POST", QStringLiteral("/v1/books"), R"({"title":"no isbn"})");
    QCOMPARE(r.response.status, 400);
    QVERIFY(traceHas(r, QStringLiteral("not accepted; the state of 'books' is unchanged")));
    QCOMPARE(json(mock.send("GET", QStringLiteral("/v1/books"))).toObject().value(QStringLiteral("total")).toInt(), 3);
}

void TestStateStage::offStaysStatic()
{
    Mock mock(DefinitionLoader::bundledExamplePath(), false);
    const MockResult r = mock.send("GET", QStringLiteral("/v1/books/777"));
    QCOMPARE(r.response.status, 200);
    QVERIFY(!traceHas(r, QStringLiteral("Stateful")));
}

void TestStateStage::nestedCollectionsAreScoped()
{
    Mock mock(TestUtils::dataPath(QStringLiteral("state/nested.yaml")));
    mock.store->setSeedCount(2);
    MockResult r = mock.send("GET", QStringLiteral("/users/7/orders"));
    QCOMPARE(r.response.status, 200);
    QCOMPARE(
        ids(json(r).toArray(), QStringLiteral("order_id")), QStringList({ QStringLiteral("1"), QStringLiteral("2") }));
    r = mock.send("POST", QStringLiteral("/users/7/orders"), R"({"product":"tea","quantity":2})");
    QCOMPARE(r.response.status, 201);
    QCOMPARE(json(r).toObject().value(QStringLiteral("order_id")).toInt(), 3);
    QCOMPARE(r.response.header("Location"), QByteArray("http://localhost:4010/users/7/orders/3"));
    QVERIFY(traceHas(r, QStringLiteral("'orders' of {userId} 7")));
    // User 8 has its own orders.
    QCOMPARE(ids(json(mock.send("GET", QStringLiteral("/users/8/orders"))).toArray(), QStringLiteral("order_id")),
        QStringList({ QStringLiteral("1"), QStringLiteral("2") }));
    QCOMPARE(mock.send("GET", QStringLiteral("/users/8/orders/3")).response.status, 404);
    QCOMPARE(mock.send("GET", QStringLiteral("/users/7/orders/3")).response.status, 200);
    r = mock.send("GET", QStringLiteral("/users/8/orders/3"));
    QCOMPARE(r.response.header("Content-Type"), QByteArray("application/problem+json")); // no 404 defined
    QVERIFY(traceHas(r, QStringLiteral("a 404 problem")));
    QCOMPARE(mock.send("DELETE", QStringLiteral("/users/7/orders/3")).response.status, 204);
    QCOMPARE(mock.send("GET", QStringLiteral("/users/7/orders/3")).response.status, 404);
    const QJsonObject state = mock.store->snapshot();
    QCOMPARE(state.value(QStringLiteral("orders")).toObject().value(QStringLiteral("scopes")).toObject().keys(),
        QStringList({ QStringLiteral("7"), QStringLiteral("8") }));
}

void TestStateStage::envelopeListsFilterAndPage_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("page");
    QTest::addColumn<bool>("more");
    const QStringList all = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
        QStringLiteral("e") };
    QTest::addRow("default per_page is the parameter's default") << QString() << all.mid(0, 2) << 5 << 1 << true;
    QTest::addRow("second page") << QStringLiteral("page=2") << all.mid(2, 2) << 5 << 2 << true;
    QTest::addRow("last page") << QStringLiteral("page=3") << all.mid(4, 1) << 5 << 3 << false;
    QTest::addRow("past the end") << QStringLiteral("page=9") << QStringList() << 5 << 9 << false;
    QTest::addRow("per_page") << QStringLiteral("per_page=4&page=2") << all.mid(4) << 5 << 2 << false;
    QTest::addRow("filter then page") << QStringLiteral("color=red&per_page=10")
                                      << QStringList({ QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("e") })
                                      << 3 << 1 << false;
    QTest::addRow("filter matches nothing") << QStringLiteral("color=blue") << QStringList() << 0 << 1 << false;
}

void TestStateStage::envelopeListsFilterAndPage()
{
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    QFETCH(int, total);
    QFETCH(int, page);
    QFETCH(bool, more);
    Mock mock(TestUtils::dataPath(QStringLiteral("state/envelope.yaml")));
    mock.store->setSeedCount(0);
    int n = 0;
    for (const char* name : { "a", "b", "c", "d", "e" }) {
        const QByteArray color = n++ % 2 == 0 ? "red" : "green";
        QCOMPARE(mock.send("POST", QStringLiteral("/widgets"),
                         R"({"name":")" + QByteArray(name) + R"(","color":")" + color + R"("})")
                     .response.status,
            201);
    }
    const MockResult r =
        mock.send("GET", QStringLiteral("/widgets") + (query.isEmpty() ? QString() : QLatin1Char('?') + query));
    QCOMPARE(r.response.status, 200);
    const QJsonObject body = json(r).toObject();
    QStringList got;
    for (const QJsonValue& v : body.value(QStringLiteral("data")).toArray())
        got.append(v.toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(got, names);
    QCOMPARE(body.value(QStringLiteral("total_count")).toInt(), total);
    QCOMPARE(body.value(QStringLiteral("page")).toInt(), page);
    QCOMPARE(body.value(QStringLiteral("has_more")).toBool(), more);
    QCOMPARE(r.response.header("X-Total-Count"), QByteArray::number(total));
    QVERIFY(validAgainstResponse(mock, r));
}

void TestStateStage::limitOffsetCursor_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids");
    QTest::addRow("everything") << QString()
                                << QStringList({ QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                       QStringLiteral("4"), QStringLiteral("5") });
    QTest::addRow("limit") << QStringLiteral("limit=2") << QStringList({ QStringLiteral("1"), QStringLiteral("2") });
    QTest::addRow("limit and offset") << QStringLiteral("limit=2&offset=3")
                                      << QStringList({ QStringLiteral("4"), QStringLiteral("5") });
    QTest::addRow("cursor is the last id seen")
        << QStringLiteral("cursor=2&limit=2") << QStringList({ QStringLiteral("3"), QStringLiteral("4") });
    QTest::addRow("offset past the end") << QStringLiteral("offset=10") << QStringList();
}

void TestStateStage::limitOffsetCursor()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    Mock mock(TestUtils::dataPath(QStringLiteral("state/envelope.yaml")));
    const MockResult r =
        mock.send("GET", QStringLiteral("/gadgets") + (query.isEmpty() ? QString() : QLatin1Char('?') + query));
    QCOMPARE(r.response.status, 200);
    QCOMPARE(::ids(json(r).toArray()), ids);
}

void TestStateStage::writeOnlyStoredNeverReturned()
{
    Mock mock(TestUtils::dataPath(QStringLiteral("state/envelope.yaml")));
    const MockResult r = mock.send("POST", QStringLiteral("/widgets"), R"({"name":"w","color":"blue","secret":"s3"})");
    QCOMPARE(r.response.status, 201);
    const QJsonObject widget = json(r).toObject();
    QVERIFY(!widget.contains(QStringLiteral("secret")));
    QVERIFY(QUuid::fromString(widget.value(QStringLiteral("id")).toString()).isNull() == false); // uuid generated
    const QString id = widget.value(QStringLiteral("id")).toString();
    QVERIFY(!json(mock.send("GET", QStringLiteral("/widgets/") + id)).toObject().contains(QStringLiteral("secret")));
    const std::optional<QJsonObject> stored = mock.store->item(QStringLiteral("widgets"), QString(), id);
    QVERIFY(stored);
    QCOMPARE(stored->value(QStringLiteral("secret")).toString(), QStringLiteral("s3"));
    // The generated seeds have distinct uuids; an unknown one answers the defined 404 example.
    const MockResult missing = mock.send("GET", QStringLiteral("/widgets/nope"));
    QCOMPARE(missing.response.status, 404);
    QCOMPARE(json(missing).toObject().value(QStringLiteral("message")).toString(), QStringLiteral("no such widget"));
}

void TestStateStage::nestedWriteOnlyNeverReturned()
{
    // writeOnly properties of a nested object and of array items are stored, never shown, and every answer stays
    // stateful and valid (it used to fall back to the static answer because the nested ones were shown).
    Mock mock(TestUtils::dataPath(QStringLiteral("state/nested-writeonly.yaml")));
    const MockResult created = mock.send("POST", QStringLiteral("/accounts"),
        R"({"name":"a","owner":{"name":"Ann","pin":"1234"},"keys":[{"label":"k1","token":"t1"},{"label":"k2","token":"t2"}]})");
    QCOMPARE(created.response.status, 201);
    QVERIFY(validAgainstResponse(mock, created));
    const QJsonObject account = json(created).toObject();
    QCOMPARE(account.value(QStringLiteral("owner")).toObject(),
        QJsonObject({ { QStringLiteral("name"), QStringLiteral("Ann") } }));
    const QJsonArray keys = account.value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    for (const QJsonValue& key : keys)
        QVERIFY(!key.toObject().contains(QStringLiteral("token")));
    const QString id = StateModel::idText(account.value(QStringLiteral("id")));

    const MockResult one = mock.send("GET", QStringLiteral("/accounts/") + id);
    QCOMPARE(one.response.status, 200);
    QVERIFY(validAgainstResponse(mock, one));
    QCOMPARE(json(one).toObject(), account);
    QVERIFY2(!traceHas(one, QStringLiteral("static")), qPrintable(one.trace.join(u'\n')));

    const MockResult list = mock.send("GET", QStringLiteral("/accounts"));
    QCOMPARE(list.response.status, 200);
    QVERIFY(validAgainstResponse(mock, list));
    QVERIFY(json(list).toArray().contains(account));

    const std::optional<QJsonObject> stored = mock.store->item(QStringLiteral("accounts"), QString(), id);
    QVERIFY(stored);
    QCOMPARE(stored->value(QStringLiteral("owner")).toObject().value(QStringLiteral("pin")).toString(),
        QStringLiteral("1234"));
    QCOMPARE(stored->value(QStringLiteral("keys")).toArray().at(1).toObject().value(QStringLiteral("token")).toString(),
        QStringLiteral("t2"));
}

void TestStateStage::understudyIdExtension()
{
    Mock mock(TestUtils::dataPath(QStringLiteral("state/xid.yaml")));
    const StateModel& model = *mock.pipeline->state().model();
    QCOMPARE(model.resource(QStringLiteral("parts"))->idField, QStringLiteral("serial"));
    QCOMPARE(model.resource(QStringLiteral("tools"))->idField, QStringLiteral("code"));
    // Seeds deduplicated by serial, not by the shared id 1.
    QCOMPARE(ids(json(mock.send("GET", QStringLiteral("/parts"))).toArray(), QStringLiteral("serial")),
        QStringList({ QStringLiteral("A-1"), QStringLiteral("A-2") }));
    QCOMPARE(json(mock.send("GET", QStringLiteral("/parts/A-2"))).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("nut"));
    QCOMPARE(
        mock.send("PUT", QStringLiteral("/tools/hammer"), R"({"code":"ignored","label":"Hammer"})").response.status,
        201);
    const MockResult tool = mock.send("GET", QStringLiteral("/tools/hammer"));
    QCOMPARE(tool.response.status, 200);
    QCOMPARE(json(tool).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("hammer"));
}

void TestStateStage::nothingInferredStaysStatic_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("reason");
    QTest::addRow("text response") << QStringLiteral("/health") << QStringLiteral("health stays static");
    QTest::addRow("object without a list") << QStringLiteral("/stats") << QStringLiteral("not a JSON list of objects");
    QTest::addRow("item path without collection or writes")
        << QStringLiteral("/reports/monday") << QStringLiteral("has no collection path /reports");
    QTest::addRow("items without an id") << QStringLiteral("/notes") << QStringLiteral("no id field");
}

void TestStateStage::nothingInferredStaysStatic()
{
    QFETCH(QString, target);
    QFETCH(QString, reason);
    Mock mock(TestUtils::dataPath(QStringLiteral("state/static.yaml")));
    QVERIFY(mock.pipeline->state().model()->resources().isEmpty());
    const MockResult r = mock.send("GET", target);
    QCOMPARE(r.response.status, 200);
    QVERIFY2(traceHas(r, reason), qPrintable(r.trace.join(QLatin1Char('\n'))));
    QVERIFY(mock.store->snapshot().isEmpty());
}

QTEST_GUILESS_MAIN(TestStateStage)
#include "tst_statestage.moc"
