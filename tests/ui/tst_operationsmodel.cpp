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
};

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
