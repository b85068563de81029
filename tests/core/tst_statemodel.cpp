// SPDX-License-Identifier: MIT
// StateModel::infer: which paths form resources, their names, scopes, id fields, seeds, and why others stay static.
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/state/statemodel.h"
#include "testutils.h"

namespace {

std::shared_ptr<const StateModel> infer(const QString& file)
{
    const LoadResult loaded = DefinitionLoader().loadFile(file);
    if (!loaded.definition)
        return nullptr;
    return StateModel::infer(loaded.definition);
}

QString bundled()
{
    return DefinitionLoader::bundledExamplePath();
}

} // namespace

class TestStateModel : public QObject
{
    Q_OBJECT

private slots:
    void resources_data();
    void resources();
    void bindings_data();
    void bindings();
    void seedsAreDeduplicatedById();
    void nullDefinition();
};

void TestStateModel::resources_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("collectionPath");
    QTest::addColumn<QString>("itemPath");
    QTest::addColumn<QString>("idField");
    QTest::addColumn<QString>("idRule");
    QTest::addColumn<QStringList>("scope");
    QTest::addRow("books: the property named id")
        << bundled() << QStringLiteral("books") << QStringLiteral("/books") << QStringLiteral("/books/{bookId}")
        << QStringLiteral("id") << QStringLiteral("named id") << QStringList();
    QTest::addRow("loans: POST collection and GET item")
        << bundled() << QStringLiteral("loans") << QStringLiteral("/loans") << QStringLiteral("/loans/{loanId}")
        << QStringLiteral("id") << QStringLiteral("named id") << QStringList();
    QTest::addRow("nested: named like the path parameter")
        << TestUtils::dataPath(QStringLiteral("state/nested.yaml")) << QStringLiteral("orders")
        << QStringLiteral("/users/{userId}/orders") << QStringLiteral("/users/{userId}/orders/{orderId}")
        << QStringLiteral("order_id") << QStringLiteral("path parameter {orderId}")
        << QStringList { QStringLiteral("userId") };
    QTest::addRow("x-understudy-id on the schema beats id")
        << TestUtils::dataPath(QStringLiteral("state/xid.yaml")) << QStringLiteral("parts") << QStringLiteral("/parts")
        << QStringLiteral("/parts/{serial}") << QStringLiteral("serial") << QStringLiteral("x-understudy-id")
        << QStringList();
    QTest::addRow("x-understudy-id on the path item")
        << TestUtils::dataPath(QStringLiteral("state/xid.yaml")) << QStringLiteral("tools") << QStringLiteral("/tools")
        << QStringLiteral("/tools/{key}") << QStringLiteral("code") << QStringLiteral("x-understudy-id")
        << QStringList();
}

void TestStateModel::resources()
{
    QFETCH(QString, file);
    QFETCH(QString, name);
    QFETCH(QString, collectionPath);
    QFETCH(QString, itemPath);
    QFETCH(QString, idField);
    QFETCH(QString, idRule);
    QFETCH(QStringList, scope);
    const auto model = infer(file);
    QVERIFY(model);
    const Resource* r = model->resource(name);
    QVERIFY(r);
    QCOMPARE(r->collectionPath, collectionPath);
    QCOMPARE(r->itemPath, itemPath);
    QCOMPARE(r->idField, idField);
    QVERIFY2(r->idRule.contains(idRule), qPrintable(r->idRule));
    QCOMPARE(r->scopeParameters, scope);
}

void TestStateModel::bindings_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("words"); // in describe()
    QTest::addRow("list") << QStringLiteral("listBooks") << int(StateRole::List)
                          << QStringLiteral("Lists the collection 'books'");
    QTest::addRow("create") << QStringLiteral("createBook") << int(StateRole::Create) << QStringLiteral("Creates");
    QTest::addRow("read") << QStringLiteral("getBook") << int(StateRole::Read) << QStringLiteral("id field 'id'");
    QTest::addRow("replace") << QStringLiteral("updateBook") << int(StateRole::Replace) << QStringLiteral("Replaces");
    QTest::addRow("patch") << QStringLiteral("patchBook") << int(StateRole::Patch) << QStringLiteral("Patches");
    QTest::addRow("delete") << QStringLiteral("deleteBook") << int(StateRole::Remove) << QStringLiteral("Deletes");
    QTest::addRow("authors list") << QStringLiteral("listAuthors") << int(StateRole::List)
                                  << QStringLiteral("'authors'");
    QTest::addRow("cover blurb is text") << QStringLiteral("getBookCover") << int(StateRole::None)
                                         << QStringLiteral("not a JSON list");
    QTest::addRow("user item without collection")
        << QStringLiteral("getUser") << int(StateRole::None) << QStringLiteral("no collection path /users");
    QTest::addRow("health") << QStringLiteral("health") << int(StateRole::None) << QStringLiteral("Stays static");
    QTest::addRow("stats object") << QStringLiteral("getStats") << int(StateRole::None)
                                  << QStringLiteral("not a JSON list of objects");
}

void TestStateModel::bindings()
{
    QFETCH(QString, operationId);
    QFETCH(int, role);
    QFETCH(QString, words);
    const LoadResult loaded = DefinitionLoader().loadFile(bundled());
    const auto model = StateModel::infer(loaded.definition);
    const Operation* op = loaded.definition->operation(operationId);
    QVERIFY(op);
    QCOMPARE(int(model->binding(op->index).role), role);
    QVERIFY2(model->describe(op->index).contains(words), qPrintable(model->describe(op->index)));
}

void TestStateModel::seedsAreDeduplicatedById()
{
    const auto model = infer(bundled());
    QStringList ids;
    for (const QJsonObject& item : model->resource(QStringLiteral("books"))->exampleSeeds)
        ids.append(StateModel::idText(item.value(QStringLiteral("id"))));
    QCOMPARE(ids, QStringList({ QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("42") }));
    ids.clear();
    // listAuthors has 7 and 12; getAuthor's example is 7 again.
    for (const QJsonObject& item : model->resource(QStringLiteral("authors"))->exampleSeeds)
        ids.append(StateModel::idText(item.value(QStringLiteral("id"))));
    QCOMPARE(ids, QStringList({ QStringLiteral("7"), QStringLiteral("12") }));
    QCOMPARE(model->resource(QStringLiteral("loans"))->exampleSeeds.size(), 2);
}

void TestStateModel::nullDefinition()
{
    const auto model = StateModel::infer(nullptr);
    QVERIFY(model->resources().isEmpty());
    QCOMPARE(model->binding(3).role, StateRole::None);
}

QTEST_GUILESS_MAIN(TestStateModel)
#include "tst_statemodel.moc"
