// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "ui/models/requestlogfiltermodel.h"
#include "ui/models/requestlogmodel.h"
#include "uitestutils.h"

using UiTestUtils::makeEntry;

class TestRequestLogModel : public QObject
{
    Q_OBJECT

private slots:
    void batchesUntilFlush();
    void flushesOnTimer();
    void capDropsOldest_data();
    void capDropsOldest();
    void loweringCapDropsRows();
    void columnsAndRoles();
    void clear();
    void filter_data();
    void filter();
};

void TestRequestLogModel::batchesUntilFlush()
{
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy appended(&model, &RequestLogModel::rowsAppended);
    for (quint64 i = 1; i <= 5; ++i)
        model.handleRequest(makeEntry(i, "GET", QStringLiteral("/pets"), 200));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 5);
    model.flush();
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(appended.count(), 1);
    QCOMPARE(appended.first().first().toInt(), 5);
    QCOMPARE(model.entry(4)->id, quint64(5));
    QCOMPARE(model.rowOfId(3), 2);
    QCOMPARE(model.rowOfId(99), -1);
}

void TestRequestLogModel::flushesOnTimer()
{
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy appended(&model, &RequestLogModel::rowsAppended);
    model.handleRequest(makeEntry(1, "GET", QStringLiteral("/a"), 200));
    model.handleRequest(makeEntry(2, "GET", QStringLiteral("/b"), 200));
    QTRY_COMPARE(model.rowCount(), 2);
    // Both entries arrived within one flush interval, so the view saw a single insertion.
    QCOMPARE(appended.count(), 1);
}

void TestRequestLogModel::capDropsOldest_data()
{
    QTest::addColumn<int>("cap");
    QTest::addColumn<QList<int>>("batches");
    QTest::addColumn<int>("expectedRows");
    QTest::addColumn<quint64>("expectedFirstId");
    QTest::addRow("under the cap") << 10 << QList<int> { 3, 4 } << 7 << quint64(1);
    QTest::addRow("second batch overflows") << 10 << QList<int> { 8, 5 } << 10 << quint64(4);
    QTest::addRow("one batch larger than the cap") << 10 << QList<int> { 2, 25 } << 10 << quint64(18);
    QTest::addRow("many small batches") << 3 << QList<int> { 1, 1, 1, 1, 1 } << 3 << quint64(3);
}

void TestRequestLogModel::capDropsOldest()
{
    QFETCH(int, cap);
    QFETCH(QList<int>, batches);
    QFETCH(int, expectedRows);
    QFETCH(quint64, expectedFirstId);
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaximumRows(cap);
    quint64 id = 0;
    for (int batch : batches) {
        for (int i = 0; i < batch; ++i)
            model.handleRequest(makeEntry(++id, "GET", QStringLiteral("/x"), 200));
        model.flush();
    }
    QCOMPARE(model.rowCount(), expectedRows);
    QCOMPARE(model.entry(0)->id, expectedFirstId);
    QCOMPARE(model.entry(expectedRows - 1)->id, id);
    QCOMPARE(model.droppedCount(), id - quint64(expectedRows));
}

void TestRequestLogModel::loweringCapDropsRows()
{
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (quint64 i = 1; i <= 20; ++i)
        model.handleRequest(makeEntry(i, "GET", QStringLiteral("/x"), 200));
    model.flush();
    model.setMaximumRows(5);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.entry(0)->id, quint64(16));
}

void TestRequestLogModel::columnsAndRoles()
{
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RequestLogEntry e = makeEntry(7, "post", QStringLiteral("/pets"), 422);
    e.query = "a=1";
    e.operationId = QStringLiteral("createPet");
    e.invalid = true;
    e.forced = true;
    e.validationErrors = { { QStringLiteral("body/name"), QStringLiteral("required"),
        QStringLiteral("name is required") } };
    model.handleRequest(e);
    model.flush();
    auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(cell(RequestLogModel::TimeColumn).toString(), QStringLiteral("03:04:05.678"));
    QCOMPARE(cell(RequestLogModel::PathColumn).toString(), QStringLiteral("/pets?a=1"));
    QCOMPARE(cell(RequestLogModel::StatusColumn).toInt(), 422);
    QCOMPARE(cell(RequestLogModel::DurationColumn).toString(), QStringLiteral("1.5 ms"));
    QCOMPARE(cell(RequestLogModel::OperationColumn).toString(), QStringLiteral("createPet"));
    QCOMPARE(cell(RequestLogModel::FlagsColumn).toString(), QStringLiteral("forced, invalid"));
    QVERIFY(cell(RequestLogModel::FlagsColumn, Qt::ToolTipRole).toString().contains(QLatin1String("name is required")));
    QCOMPARE(cell(0, RequestLogModel::MethodRole).toString(), QStringLiteral("POST"));
    QVERIFY(cell(RequestLogModel::StatusColumn, Qt::ForegroundRole).value<QColor>().isValid());
    QCOMPARE(model.headerData(RequestLogModel::StatusColumn, Qt::Horizontal).toString(), QStringLiteral("Status"));
}

void TestRequestLogModel::clear()
{
    RequestLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.handleRequest(makeEntry(1, "GET", QStringLiteral("/a"), 200));
    model.flush();
    model.handleRequest(makeEntry(2, "GET", QStringLiteral("/b"), 200));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 0);
    QTest::qWait(60);
    QCOMPARE(model.rowCount(), 0);
}

void TestRequestLogModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("statusClass");
    QTest::addColumn<bool>("onlyFlagged");
    QTest::addColumn<QList<quint64>>("expectedIds");
    QTest::addRow("everything") << QString() << QString() << 0 << false << QList<quint64> { 1, 2, 3, 4 };
    QTest::addRow("text in path") << QStringLiteral("orders") << QString() << 0 << false << QList<quint64> { 3 };
    QTest::addRow("text in operation id")
        << QStringLiteral("listpets") << QString() << 0 << false << QList<quint64> { 1 };
    QTest::addRow("two words") << QStringLiteral("pets 404") << QString() << 0 << false << QList<quint64> { 2 };
    QTest::addRow("method") << QString() << QStringLiteral("post") << 0 << false << QList<quint64> { 4 };
    QTest::addRow("4xx") << QString() << QString() << 4 << false << QList<quint64> { 2, 4 };
    QTest::addRow("5xx") << QString() << QString() << 5 << false << QList<quint64> { 3 };
    QTest::addRow("flagged") << QString() << QString() << 0 << true << QList<quint64> { 4 };
    QTest::addRow("method and class") << QString() << QStringLiteral("GET") << 4 << false << QList<quint64> { 2 };
}

void TestRequestLogModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QString, method);
    QFETCH(int, statusClass);
    QFETCH(bool, onlyFlagged);
    QFETCH(QList<quint64>, expectedIds);
    RequestLogModel model;
    RequestLogFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RequestLogEntry list = makeEntry(1, "GET", QStringLiteral("/pets"), 200);
    list.operationId = QStringLiteral("listPets");
    RequestLogEntry invalid = makeEntry(4, "POST", QStringLiteral("/pets"), 422);
    invalid.invalid = true;
    for (const auto& e : { list, makeEntry(2, "GET", QStringLiteral("/pets/404"), 404),
             makeEntry(3, "GET", QStringLiteral("/orders"), 500), invalid })
        model.handleRequest(e);
    model.flush();
    proxy.setText(text);
    proxy.setMethod(method);
    proxy.setStatusClass(statusClass);
    proxy.setOnlyFlagged(onlyFlagged);
    QList<quint64> ids;
    for (int r = 0; r < proxy.rowCount(); ++r)
        ids << proxy.index(r, 0).data(RequestLogModel::EntryIdRole).toULongLong();
    QCOMPARE(ids, expectedIds);
    // New rows arriving while filtered go through the same predicate.
    model.handleRequest(makeEntry(5, "POST", QStringLiteral("/orders"), 503));
    model.flush();
    const bool fifthVisible = proxy.rowCount() > ids.size();
    QCOMPARE(fifthVisible,
        (method.isEmpty() || method.compare(QLatin1String("POST"), Qt::CaseInsensitive) == 0)
            && (statusClass == 0 || statusClass == 5) && !onlyFlagged
            && (text.isEmpty() || text == QLatin1String("orders")));
}

QTEST_MAIN(TestRequestLogModel)
#include "tst_requestlogmodel.moc"
