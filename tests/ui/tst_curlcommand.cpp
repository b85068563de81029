// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "ui/models/curlcommand.h"
#include "ui/models/requestdraft.h"
#include "ui/models/specformat.h"
#include "uitestutils.h"

class TestCurlCommand : public QObject
{
    Q_OBJECT

private slots:
    void shellQuote_data();
    void shellQuote();
    void forOperation_data();
    void forOperation();
    void forLogEntry();
    void inlineRefsStopsAtCycles();
};

void TestCurlCommand::shellQuote_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << QStringLiteral("abc") << QStringLiteral("'abc'");
    QTest::addRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
    QTest::addRow("shell metacharacters stay literal")
        << QStringLiteral("$(rm) `x` \"y\"") << QStringLiteral("'$(rm) `x` \"y\"'");
    QTest::addRow("empty") << QString() << QStringLiteral("''");
}

void TestCurlCommand::shellQuote()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(CurlCommand::shellQuote(input), expected);
}

void TestCurlCommand::forOperation_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<QString>("expected");
    QTest::addRow("required query parameter gets a sample")
        << QStringLiteral("listPets") << QStringLiteral("curl 'http://127.0.0.1:4010/pets?limit=50'");
    QTest::addRow("path parameter uses its example")
        << QStringLiteral("getPet") << QStringLiteral("curl 'http://127.0.0.1:4010/pets/42'");
    QTest::addRow("body sampled from a referenced schema, readOnly skipped")
        << QStringLiteral("createPet")
        << QStringLiteral("curl -X POST 'http://127.0.0.1:4010/pets' -H 'Content-Type: application/json' "
                          "--data-binary '{\n    \"name\": \"Rex\",\n    \"tag\": \"kind\"\n}'");
    QTest::addRow("no parameters") << QStringLiteral("health") << QStringLiteral("curl 'http://127.0.0.1:4010/health'");
}

void TestCurlCommand::forOperation()
{
    QFETCH(QString, operationId);
    QFETCH(QString, expected);
    const DefinitionPtr def = UiTestUtils::petStore();
    const Operation* op = def->operation(operationId);
    QVERIFY(op);
    const QUrl base(QStringLiteral("http://127.0.0.1:4010/"));
    const QString curl = CurlCommand::forOperation(*op, *def, base);
    QCOMPARE(curl, expected);
    // The operation details and Try-it show one and the same command.
    QCOMPARE(curl, RequestDraft::fromOperation(*def, *op).curlCommand(base));
}

void TestCurlCommand::forLogEntry()
{
    RequestLogEntry e = UiTestUtils::makeEntry(1, "PUT", QStringLiteral("/pets/1"), 200);
    e.query = "x=1";
    e.requestHeaders = { { "Host", "127.0.0.1:4010" }, { "Content-Type", "application/json" },
        { "Content-Length", "9" }, { "X-Note", "it's" } };
    e.requestBody = R"({"a":"b"})";
    QCOMPARE(CurlCommand::forLogEntry(e, QUrl(QStringLiteral("http://127.0.0.1:5000"))),
        QStringLiteral("curl -X PUT 'http://127.0.0.1:5000/pets/1?x=1' -H 'Content-Type: application/json' "
                       "-H 'X-Note: it'\\''s' --data-binary '{\"a\":\"b\"}'"));
    RequestLogEntry head = UiTestUtils::makeEntry(2, "HEAD", QStringLiteral("/"), 200);
    QCOMPARE(
        CurlCommand::forLogEntry(head, QUrl(QStringLiteral("http://h:1"))), QStringLiteral("curl -I 'http://h:1/'"));
}

void TestCurlCommand::inlineRefsStopsAtCycles()
{
    const QJsonObject doc = QJsonDocument::fromJson(R"({"components":{"schemas":{"Node":{"type":"object",
        "properties":{"next":{"$ref":"#/components/schemas/Node"}}}}}})")
                                .object();
    const QJsonValue inlined = SpecFormat::inlineRefs(
        QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Node") } }, doc);
    QCOMPARE(inlined[QLatin1String("type")].toString(), QStringLiteral("object"));
    QCOMPARE(inlined[QLatin1String("properties")][QLatin1String("next")][QLatin1String("$ref")].toString(),
        QStringLiteral("#/components/schemas/Node"));
}

QTEST_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
