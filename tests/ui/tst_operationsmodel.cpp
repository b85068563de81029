// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

#include "ui/models/operationsfiltermodel.h"
#include "ui/models/operationsmodel.h"
#include "uitestutils.h"

using UiTestUtils::dumpModel;

class TestOperationsModel : public QObject
{
    Q_OBJECT

private slots:
    void groupsByTag();
    void operationRoles();
    void forcedMarker();
    void emptyDefinition();
    void filter_data();
    void filter();
    void problemsByOperation_data();
    void problemsByOperation();
};

void TestOperationsModel::problemsByOperation_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("file"); // "" = the definition's own file
    QTest::addColumn<bool>("error"); // else a warning
    QTest::addColumn<QStringList>("marked"); // operationIds that get the problem
    QTest::addRow("a missing $ref in a response") << "/paths/~1pets/get/responses/200/content/application~1json/schema"
                                                  << QString() << true << QStringList { "listPets" };
    QTest::addRow("the operation itself") << "/paths/~1pets/post" << QString() << true << QStringList { "createPet" };
    QTest::addRow("a sibling path is not inside")
        << "/paths/~1pets~1{petId}/get/parameters/0" << QString() << true << QStringList { "getPet" };
    QTest::addRow("a prefix of another path is not inside")
        << "/paths/~1pets/getx" << QString() << true << QStringList {};
    QTest::addRow("warnings do not mark") << "/paths/~1pets/get/responses" << QString() << false << QStringList {};
    QTest::addRow("components are no operation") << "/components/schemas/Pet" << QString() << true << QStringList {};
    QTest::addRow("another file's pointer") << "/paths/~1pets/get"
                                            << "/tmp/other.yaml" << true << QStringList {};
}

// Which operations carry the error badge: errors whose pointer lies inside the operation, in its own file.
void TestOperationsModel::problemsByOperation()
{
    QFETCH(QString, pointer);
    QFETCH(QString, file);
    QFETCH(bool, error);
    QFETCH(QStringList, marked);
    auto def = std::make_shared<Definition>(*UiTestUtils::petStore());
    for (Operation& op : def->operations)
        op.pointer = QStringLiteral("/paths/%1/%2")
                         .arg(QString(op.path).replace(QLatin1Char('/'), QStringLiteral("~1")), op.method.toLower());
    Diagnostic d;
    d.severity = error ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
    d.message = QStringLiteral("$ref target not found");
    d.line = 12;
    d.pointer = pointer;
    d.file = file.isEmpty() ? def->file : file;
    const QHash<QString, QStringList> problems = OperationsModel::problemsByOperation(*def, { d });
    QStringList keys = problems.keys();
    keys.sort();
    QCOMPARE(keys, marked);
    for (const QString& id : marked)
        QCOMPARE(problems.value(id), QStringList { QStringLiteral("$ref target not found (line 12)") });
    OperationsModel model;
    model.setDefinition(def);
    model.setProblems(problems);
    for (const QString& id : marked) {
        const QModelIndex idx = model.indexOfOperation(id);
        QCOMPARE(idx.data(OperationsModel::ProblemsRole).toStringList().size(), 1);
        QVERIFY(idx.data(Qt::ToolTipRole).toString().contains(QLatin1String("$ref target not found")));
    }
}

void TestOperationsModel::groupsByTag()
{
    OperationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDefinition(UiTestUtils::petStore());
    const QStringList expected {
        QStringLiteral("pets"),
        QStringLiteral("  GET /pets"),
        QStringLiteral("  POST /pets"),
        QStringLiteral("  GET /pets/{petId}"),
        QStringLiteral("store"),
        QStringLiteral("  GET /pets/{petId}"),
        QStringLiteral("  POST /store/order"),
        QStringLiteral("legacy"),
        QStringLiteral("  GET /v0/pets"),
        QStringLiteral("Other"),
        QStringLiteral("  GET /health"),
    };
    const QStringList actual = dumpModel(model);
    if (actual != expected)
        qWarning().noquote() << "actual:\n" << actual.join(QLatin1Char('\n'));
    QCOMPARE(actual, expected);
}

void TestOperationsModel::operationRoles()
{
    OperationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDefinition(UiTestUtils::petStore());
    const QModelIndex legacy = model.indexOfOperation(QStringLiteral("legacyPets"));
    QVERIFY(legacy.isValid());
    QCOMPARE(legacy.data(OperationsModel::MethodRole).toString(), QStringLiteral("GET"));
    QCOMPARE(legacy.data(OperationsModel::PathRole).toString(), QStringLiteral("/v0/pets"));
    QCOMPARE(legacy.data(OperationsModel::SummaryRole).toString(), QStringLiteral("Old listing"));
    QVERIFY(legacy.data(OperationsModel::DeprecatedRole).toBool());
    QVERIFY(legacy.data(Qt::FontRole).value<QFont>().strikeOut());
    QCOMPARE(legacy.data(OperationsModel::OperationIndexRole).toInt(), 5);
    QVERIFY(!legacy.data(OperationsModel::IsTagRole).toBool());
    QVERIFY(legacy.parent().data(OperationsModel::IsTagRole).toBool());
    QVERIFY(legacy.parent().data(OperationsModel::OperationIdRole).toString().isEmpty());
    QVERIFY(!model.indexOfOperation(QStringLiteral("listPets")).data(OperationsModel::DeprecatedRole).toBool());
    QVERIFY(!model.indexOfOperation(QStringLiteral("nope")).isValid());
}

void TestOperationsModel::forcedMarker()
{
    OperationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDefinition(UiTestUtils::petStore());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setForced({ { QStringLiteral("listPets"), ForcedResponse { 404, {} } },
        { QStringLiteral("getPet"), ForcedResponse { 200, QStringLiteral("cats") } } });
    QVERIFY(changed.count() > 0);
    QCOMPARE(model.indexOfOperation(QStringLiteral("listPets")).data(OperationsModel::ForcedTextRole).toString(),
        QStringLiteral("forced 404"));
    QCOMPARE(model.indexOfOperation(QStringLiteral("getPet")).data(OperationsModel::ForcedTextRole).toString(),
        QStringLiteral("forced 200 · cats"));
    QVERIFY(
        model.indexOfOperation(QStringLiteral("health")).data(OperationsModel::ForcedTextRole).toString().isEmpty());
    model.setForced({});
    QVERIFY(
        model.indexOfOperation(QStringLiteral("listPets")).data(OperationsModel::ForcedTextRole).toString().isEmpty());
}

void TestOperationsModel::emptyDefinition()
{
    OperationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDefinition(std::make_shared<Definition>());
    QCOMPARE(model.rowCount(), 0);
    model.setDefinition(UiTestUtils::petStore());
    QCOMPARE(model.rowCount(), 4);
    model.setDefinition(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestOperationsModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    OperationsModel full;
    full.setDefinition(UiTestUtils::petStore());
    QTest::addRow("empty filter shows everything") << QString() << dumpModel(full);
    QTest::addRow("method") << QStringLiteral("post")
                            << QStringList { QStringLiteral("pets"), QStringLiteral("  POST /pets"),
                                   QStringLiteral("store"), QStringLiteral("  POST /store/order") };
    QTest::addRow("method and path words")
        << QStringLiteral("GET {petId}")
        << QStringList { QStringLiteral("pets"), QStringLiteral("  GET /pets/{petId}"), QStringLiteral("store"),
               QStringLiteral("  GET /pets/{petId}") };
    QTest::addRow("summary") << QStringLiteral("old listing")
                             << QStringList { QStringLiteral("legacy"), QStringLiteral("  GET /v0/pets") };
    QTest::addRow("operationId") << QStringLiteral("placeorder")
                                 << QStringList { QStringLiteral("store"), QStringLiteral("  POST /store/order") };
    QTest::addRow("no match") << QStringLiteral("zebra") << QStringList();
}

void TestOperationsModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    OperationsModel model;
    OperationsFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDefinition(UiTestUtils::petStore());
    proxy.setText(text);
    QCOMPARE(dumpModel(proxy), expected);
    proxy.setText(QString());
    QCOMPARE(dumpModel(proxy), dumpModel(model));
}

QTEST_MAIN(TestOperationsModel)
#include "tst_operationsmodel.moc"
