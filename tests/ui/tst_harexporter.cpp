// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "ui/models/harexporter.h"
#include "uitestutils.h"

class TestHarExporter : public QObject
{
    Q_OBJECT

private slots:
    void emptyLog();
    void entryFields();
    void binaryBodyIsBase64();
    void writesFile();
};

void TestHarExporter::emptyLog()
{
    const QJsonObject har = HarExporter::toHar({}, QUrl(QStringLiteral("http://127.0.0.1:4010")));
    const QJsonObject log = har.value(QLatin1String("log")).toObject();
    QCOMPARE(log.value(QLatin1String("version")).toString(), QStringLiteral("1.2"));
    QCOMPARE(log.value(QLatin1String("creator")).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("Understudy"));
    QVERIFY(log.value(QLatin1String("entries")).toArray().isEmpty());
}

void TestHarExporter::entryFields()
{
    RequestLogEntry e = UiTestUtils::makeEntry(1, "POST", QStringLiteral("/pets"), 201);
    e.query = "dry=1&tag=a%20b";
    e.requestHeaders = { { "Content-Type", "application/json" }, { "X-Trace", "t1" } };
    e.requestBody = R"({"name":"Rex"})";
    e.responseHeaders = { { "Content-Type", "application/json" }, { "Content-Length", "22" } };
    e.responseBody = R"({"id":1,"name":"Rex"})";
    e.operationId = QStringLiteral("createPet");
    e.trace = { QStringLiteral("matched createPet"), QStringLiteral("201 has an example") };
    e.durationUs = 2500;
    const QJsonObject har = HarExporter::toHar({ e }, QUrl(QStringLiteral("http://127.0.0.1:4010")));
    const QJsonArray entries = har[QLatin1String("log")][QLatin1String("entries")].toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry[QLatin1String("time")].toDouble(), 2.5);
    QVERIFY(entry[QLatin1String("startedDateTime")].toString().startsWith(QLatin1String("2026-01-02T03:04:05.678")));
    const QJsonObject request = entry[QLatin1String("request")].toObject();
    QCOMPARE(request[QLatin1String("method")].toString(), QStringLiteral("POST"));
    QCOMPARE(request[QLatin1String("url")].toString(), QStringLiteral("http://127.0.0.1:4010/pets?dry=1&tag=a%20b"));
    QCOMPARE(request[QLatin1String("httpVersion")].toString(), QStringLiteral("HTTP/1.1"));
    QCOMPARE(request[QLatin1String("headers")].toArray().size(), 2);
    const QJsonArray query = request[QLatin1String("queryString")].toArray();
    QCOMPARE(query.size(), 2);
    QCOMPARE(query.at(1)[QLatin1String("value")].toString(), QStringLiteral("a b"));
    QCOMPARE(
        request[QLatin1String("postData")][QLatin1String("mimeType")].toString(), QStringLiteral("application/json"));
    QCOMPARE(request[QLatin1String("postData")][QLatin1String("text")].toString(), QStringLiteral(R"({"name":"Rex"})"));
    const QJsonObject response = entry[QLatin1String("response")].toObject();
    QCOMPARE(response[QLatin1String("status")].toInt(), 201);
    QCOMPARE(response[QLatin1String("content")][QLatin1String("size")].toInt(), 21);
    QCOMPARE(response[QLatin1String("content")][QLatin1String("text")].toString(),
        QStringLiteral(R"({"id":1,"name":"Rex"})"));
    for (const char* key : { "cookies", "headers", "redirectURL", "headersSize", "bodySize", "httpVersion" })
        QVERIFY2(response.contains(QLatin1String(key)), key);
    QVERIFY(entry.contains(QLatin1String("cache")));
    QCOMPARE(entry[QLatin1String("timings")][QLatin1String("wait")].toDouble(), 2.5);
    QCOMPARE(entry[QLatin1String("_operationId")].toString(), QStringLiteral("createPet"));
    QCOMPARE(entry[QLatin1String("_trace")].toArray().size(), 2);
}

void TestHarExporter::binaryBodyIsBase64()
{
    RequestLogEntry e = UiTestUtils::makeEntry(1, "GET", QStringLiteral("/img"), 200);
    e.responseBody = QByteArray("\x89PNG\xff\xfe", 6);
    const QJsonObject har = HarExporter::toHar({ e }, QUrl(QStringLiteral("http://localhost:1")));
    const QJsonObject content =
        har[QLatin1String("log")][QLatin1String("entries")][0][QLatin1String("response")][QLatin1String("content")]
            .toObject();
    QCOMPARE(content[QLatin1String("encoding")].toString(), QStringLiteral("base64"));
    QCOMPARE(QByteArray::fromBase64(content[QLatin1String("text")].toString().toLatin1()), e.responseBody);
}

void TestHarExporter::writesFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.har"));
    QString error;
    QVERIFY(HarExporter::writeFile(path, { UiTestUtils::makeEntry(1, "GET", QStringLiteral("/a"), 200) },
        QUrl(QStringLiteral("http://127.0.0.1:4010")), &error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    QCOMPARE(doc[QLatin1String("log")][QLatin1String("entries")].toArray().size(), 1);
    QVERIFY(!HarExporter::writeFile(dir.filePath(QStringLiteral("missing/dir/x.har")), {}, QUrl(), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestHarExporter)
#include "tst_harexporter.moc"
