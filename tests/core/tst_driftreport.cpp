// SPDX-License-Identifier: MIT
// The per-operation drift report: counts, violations summed by place and kind, JSON written atomically.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "core/proxy/driftreport.h"

class TestDriftReport : public QObject
{
    Q_OBJECT

private slots:
    void countsPerOperation();
    void summaryNamesEveryOperationAndViolation();
    void writesJsonAtomically();
    void unwritableFileSaysWhy();
    void manyUndefinedPathsStayBounded();
};

namespace {
const QList<ProblemError> kMissingTitle { { QStringLiteral("body/title"), QStringLiteral("required"),
    QStringLiteral("missing required property 'title'") } };
}

void TestDriftReport::countsPerOperation()
{
    DriftReport report;
    QVERIFY(report.isEmpty());
    report.add(QStringLiteral("GET /books/{id}"), QStringLiteral("getBook"), QStringLiteral("upstream"), {});
    report.add(QStringLiteral("GET /books/{id}"), QStringLiteral("getBook"), QStringLiteral("upstream"), kMissingTitle);
    report.add(QStringLiteral("GET /books/{id}"), QStringLiteral("getBook"), QStringLiteral("upstream"), kMissingTitle);
    report.add(QStringLiteral("GET /authors"), QStringLiteral("listAuthors"), QStringLiteral("mock"), {});
    QCOMPARE(report.exchanges(), 4);
    QCOMPARE(report.drifted(), 2);
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(QStringLiteral("exchanges")).toInt(), 4);
    const QJsonArray operations = json.value(QStringLiteral("operations")).toArray();
    QCOMPARE(operations.size(), 2);
    const QJsonObject book = operations.at(1).toObject(); // sorted: "GET /authors" first
    QCOMPARE(book.value(QStringLiteral("operationId")).toString(), QStringLiteral("getBook"));
    QCOMPARE(book.value(QStringLiteral("drifted")).toInt(), 2);
    QCOMPARE(book.value(QStringLiteral("answeredBy")).toObject().value(QStringLiteral("upstream")).toInt(), 3);
    const QJsonArray violations = book.value(QStringLiteral("violations")).toArray();
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.at(0).toObject().value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(violations.at(0).toObject().value(QStringLiteral("location")).toString(), QStringLiteral("body/title"));
    QCOMPARE(operations.at(0).toObject().value(QStringLiteral("answeredBy")).toObject().value(QStringLiteral("mock")),
        QJsonValue(1));
}

void TestDriftReport::summaryNamesEveryOperationAndViolation()
{
    DriftReport report;
    report.add(QStringLiteral("GET /books/{id}"), QStringLiteral("getBook"), QStringLiteral("upstream"), kMissingTitle);
    const QStringList lines = report.summary();
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).contains(QLatin1String("1 exchange(s), 1 with drift")));
    QVERIFY(lines.at(1).contains(QLatin1String("GET /books/{id}")));
    QVERIFY(lines.at(2).contains(QLatin1String("1x body/title: missing required property 'title'")));
}

void TestDriftReport::writesJsonAtomically()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("report.json"));
    DriftReport report;
    report.add(QStringLiteral("GET /x"), QString(), QStringLiteral("upstream"),
        { { QStringLiteral("path"), QStringLiteral("not-in-definition"), QStringLiteral("no operation") } });
    QCOMPARE(report.writeTo(file), QString());
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
    QCOMPARE(json, report.toJson());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("report.json") });
}

void TestDriftReport::unwritableFileSaysWhy()
{
    DriftReport report;
    QVERIFY(!report.writeTo(QStringLiteral("/nonexistent-folder/report.json")).isEmpty());
}

void TestDriftReport::manyUndefinedPathsStayBounded()
{
    DriftReport report;
    for (int i = 0; i < 5000; ++i)
        report.add(QStringLiteral("GET /x/%1").arg(i), QString(), QStringLiteral("upstream"), {});
    QCOMPARE(report.exchanges(), 5000);
    const QJsonObject json = report.toJson();
    QVERIFY(json.value(QStringLiteral("operations")).toArray().size() < 5000);
    QVERIFY(json.value(QStringLiteral("notListed")).toInt() > 0);
}

QTEST_GUILESS_MAIN(TestDriftReport)
#include "tst_driftreport.moc"
