// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mocksession.h"
#include "core/generation/generationcontrol.h"
#include "testutils.h"
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
    void everyOperationAnswers2xx_data();
    void everyOperationAnswers2xx();
};

namespace {

// Sends what forOperation() renders (the draft behind it) and returns the status, or 0 on a transport failure.
int send(QNetworkAccessManager& nam, const RequestDraft& draft, const QUrl& base)
{
    QNetworkRequest request(draft.url(base));
    for (const auto& header : draft.headers())
        request.setRawHeader(header.first, header.second);
    QNetworkReply* reply = nam.sendCustomRequest(request, draft.method.toLatin1(), draft.bodyBytes());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

// Runs a generated command line through the real curl; returns the HTTP status it printed.
int runCurl(const QString& command)
{
    QProcess shell;
    shell.start(QStringLiteral("sh"),
        { QStringLiteral("-c"), command + QStringLiteral(" -s -o /dev/null -w '%{http_code}' --max-time 10") });
    if (!shell.waitForFinished(15000))
        return 0;
    return shell.readAllStandardOutput().trimmed().toInt();
}

} // namespace

void TestCurlCommand::everyOperationAnswers2xx_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("throughCurl"); // also run each command line through the curl program
    QTest::addRow("bookshelf example") << DefinitionLoader::bundledExamplePath() << true;
    const QString github = UiTestUtils::sharedFile(QStringLiteral("testdata/specs/api.github.com.json"));
    if (!github.isEmpty())
        QTest::addRow("GitHub") << github << false;
}

// The toolbar's curl, Try-it and the log's replay share one builder; what it builds for any operation of a real
// definition, credentials included, is accepted by the mock with a 2xx.
void TestCurlCommand::everyOperationAnswers2xx()
{
    QFETCH(QString, path);
    QFETCH(bool, throughCurl);
    MockSession session;
    // GitHub's largest bodies take tens of milliseconds under ASan on a busy machine: scale the time limit like the
    // tests' own bounds, so that this checks what the builder sends, not the machine's load.
    SampleBudget budget;
    budget.maxMilliseconds *= TestUtils::timeScale();
    session.generationControl()->setBudget(budget);
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    session.open(path);
    QVERIFY(loaded.wait(60000));
    QVERIFY(session.start(QHostAddress(QHostAddress::LocalHost), 0));
    const QUrl base = session.url();
    const DefinitionPtr definition = session.definition();
    QNetworkAccessManager nam;
    const bool haveCurl = throughCurl && !QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty();
    QStringList failures;
    int checked = 0;
    for (const Operation& op : definition->operations) {
        bool defines2xx = false;
        for (const Response& r : op.responses)
            defines2xx = defines2xx || (r.status() >= 200 && r.status() < 300);
        if (!defines2xx)
            continue; // an operation that only answers 3xx/4xx cannot give a 2xx
        const RequestDraft draft = RequestDraft::fromOperation(*definition, op);
        const QString command = CurlCommand::forOperation(op, *definition, base);
        QCOMPARE(command, draft.curlCommand(base));
        const int status = send(nam, draft, base);
        if (status < 200 || status > 299)
            failures << QStringLiteral("%1 %2 -> %3 (%4)").arg(op.method, op.path).arg(status).arg(command);
        if (haveCurl) {
            const int viaCurl = runCurl(command);
            if (viaCurl < 200 || viaCurl > 299)
                failures << QStringLiteral("curl: %1 -> %2").arg(command).arg(viaCurl);
        }
        ++checked;
    }
    qInfo("%d operations answered 2xx", checked - int(failures.size()));
    QVERIFY(checked > 0);
    QVERIFY2(failures.isEmpty(),
        qPrintable(
            QStringLiteral("%1 failures:\n").arg(failures.size()) + failures.mid(0, 15).join(QLatin1Char('\n'))));
}

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
        << QStringLiteral("listPets") << QStringLiteral("curl 'http://127.0.0.1:4010/pets?limit=97'");
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
