// SPDX-License-Identifier: MIT
// ResponseRecorder: readable stable names, one example per distinct body, no secrets kept, numbering across runs.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/proxy/responserecorder.h"

class TestResponseRecorder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void notRecorded_data();
    void notRecorded();
    void namesDedupeAndReload();
    void capPerMediaType();
    void keptHeaders_data();
    void keptHeaders();
    void slug();
    void recordedOverlayServesAfterLoad();

private:
    DefinitionPtr m_definition;
    const Operation* op(const char* id) const
    {
        return m_definition->operation(QString::fromLatin1(id));
    }
};

namespace {

RecordedAnswer json(int status, const QByteArray& body, const QByteArray& type = "application/json")
{
    return RecordedAnswer { "GET", QStringLiteral("/v1/books/7"), status, { { "Content-Type", type } }, body };
}

} // namespace

void TestResponseRecorder::initTestCase()
{
    m_definition = DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/proxy/books.yaml")).definition;
    QVERIFY(m_definition);
}

void TestResponseRecorder::notRecorded_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("why");
    QTest::addRow("status not defined") << "getBook" << 500 << QByteArray("application/json") << QByteArray("{}")
                                        << "500 is not a response of getBook";
    QTest::addRow("media type not declared") << "getBook" << 200 << QByteArray("text/html") << QByteArray("<p>")
                                             << "the media type text/html is not declared for 200";
    QTest::addRow("not JSON") << "getBook" << 200 << QByteArray("application/json") << QByteArray("{nope")
                              << "the body is not JSON";
    QTest::addRow("no content defined") << "ping" << 204 << QByteArray() << QByteArray("x")
                                        << "the response 204 defines no content";
    QTest::addRow("empty body") << "getBook" << 200 << QByteArray("application/json") << QByteArray()
                                << "the answer has no body";
}

void TestResponseRecorder::notRecorded()
{
    QFETCH(QString, operation);
    QFETCH(int, status);
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, body);
    QFETCH(QString, why);
    QTemporaryDir dir;
    ResponseRecorder recorder(dir.filePath(QStringLiteral("rec.json")));
    const QString sentence =
        recorder.record(*m_definition, *m_definition->operation(operation), json(status, body, type));
    QCOMPARE(sentence, QStringLiteral("Not recorded: %1.").arg(why));
    QCOMPARE(recorder.recordedCount(), 0);
}

void TestResponseRecorder::namesDedupeAndReload()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("rec.json"));
    {
        ResponseRecorder recorder(file);
        QCOMPARE(recorder.load(), QString());
        QVERIFY(recorder.record(*m_definition, *op("getBook"), json(200, R"({"id":7,"title":"Dune"})"))
                    .startsWith(QLatin1String("Recorded the answer as example recorded-getBook-200-1 ")));
        // The same value with other spacing and key order is the same body.
        QCOMPARE(recorder.record(*m_definition, *op("getBook"), json(200, R"({ "title": "Dune", "id": 7 })")),
            QStringLiteral("Not recorded: the same body is already recorded for 200 application/json."));
        QVERIFY(recorder.record(*m_definition, *op("getBook"), json(200, R"({"id":8,"title":"Emma"})"))
                    .contains(QLatin1String("recorded-getBook-200-2")));
        QVERIFY(recorder.record(*m_definition, *op("getBook"), json(404, R"({"missing":9})"))
                    .contains(QLatin1String("recorded-getBook-404-1")));
        QCOMPARE(recorder.recordedCount(), 3);
        QVERIFY(recorder.flush());
    }
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QVERIFY2(bytes.startsWith("{\n    \"overlay\": \"1.0.0\",\n    \"info\": {"), bytes.constData());
    QVERIFY(bytes.contains(R"("target": "$.paths['/books/{id}'].get.responses['200'].content['application/json']")"));

    ResponseRecorder again(file);
    QCOMPARE(again.load(), QString());
    QCOMPARE(again.record(*m_definition, *op("getBook"), json(200, R"({"id":7,"title":"Dune"})")),
        QStringLiteral("Not recorded: the same body is already recorded for 200 application/json."));
    QCOMPARE(again.nextName(*op("getBook"), 200), QStringLiteral("recorded-getBook-200-3"));
    QCOMPARE(again.addExample(
                 *m_definition, *op("getBook"), json(200, R"({"id":7,"title":"Dune"})"), QStringLiteral("dune")),
        QString());
    QVERIFY(
        !again.addExample(*m_definition, *op("getBook"), json(200, R"({"id":1})"), QStringLiteral("dune")).isEmpty());

    // A file that is not an overlay is never overwritten.
    const QString other = dir.filePath(QStringLiteral("notes.json"));
    QFile notes(other);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write(R"({"hello": 1})");
    notes.close();
    ResponseRecorder refused(other);
    QVERIFY(!refused.load().isEmpty());
    QVERIFY(refused.record(*m_definition, *op("getBook"), json(200, R"({"id":7})")).startsWith(QLatin1String("Not")));
    QVERIFY(notes.open(QIODevice::ReadOnly));
    QCOMPARE(notes.readAll(), QByteArray(R"({"hello": 1})"));
}

void TestResponseRecorder::capPerMediaType()
{
    QTemporaryDir dir;
    ResponseRecorder recorder(dir.filePath(QStringLiteral("rec.json")));
    for (int i = 0; i < ResponseRecorder::kMaxPerMediaType; ++i)
        QVERIFY(recorder.record(*m_definition, *op("getBook"), json(200, QByteArray::number(i)))
                    .startsWith(QLatin1String("Recorded")));
    QCOMPARE(recorder.record(*m_definition, *op("getBook"), json(200, "99")),
        QStringLiteral("Not recorded: 20 examples are already recorded for 200 application/json."));
    QCOMPARE(recorder.recordedCount(), ResponseRecorder::kMaxPerMediaType);
}

void TestResponseRecorder::keptHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("kept");
    QTest::addRow("rate limit") << QByteArray("X-Rate-Limit") << true;
    QTest::addRow("etag") << QByteArray("ETag") << true;
    QTest::addRow("set-cookie") << QByteArray("Set-Cookie") << false;
    QTest::addRow("authorization") << QByteArray("Authorization") << false;
    QTest::addRow("proxy header") << QByteArray("Proxy-Authenticate") << false;
    QTest::addRow("token") << QByteArray("X-Refresh-Token") << false;
    QTest::addRow("api key") << QByteArray("X-Api-Key") << false;
    QTest::addRow("secret") << QByteArray("x-client-secret") << false;
    QTest::addRow("password") << QByteArray("X-Password-Hint") << false;
    QTest::addRow("framing") << QByteArray("Content-Length") << false;
}

void TestResponseRecorder::keptHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, kept);
    const HeaderList headers = ResponseRecorder::keptHeaders({ { name, "v" } });
    QCOMPARE(headers.size(), kept ? 1 : 0);

    // And never in the file.
    QTemporaryDir dir;
    ResponseRecorder recorder(dir.filePath(QStringLiteral("rec.json")));
    RecordedAnswer answer = json(200, R"({"id":1})");
    answer.headers.append({ name, "sensitive-value" });
    QVERIFY(recorder.record(*m_definition, *op("getBook"), answer).startsWith(QLatin1String("Recorded")));
    QCOMPARE(recorder.toJson().contains("sensitive-value"), kept);
}

void TestResponseRecorder::slug()
{
    Operation named;
    named.id = QStringLiteral("getBook");
    QCOMPARE(ResponseRecorder::slug(named), QStringLiteral("getBook"));
    Operation anonymous;
    anonymous.id = QStringLiteral("get_books_id");
    anonymous.idSynthesized = true;
    anonymous.method = QStringLiteral("GET");
    anonymous.path = QStringLiteral("/books/{id}/");
    QCOMPARE(ResponseRecorder::slug(anonymous), QStringLiteral("get-books-id"));
}

void TestResponseRecorder::recordedOverlayServesAfterLoad()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("rec.json"));
    {
        ResponseRecorder recorder(file);
        recorder.record(*m_definition, *op("getBook"), json(200, R"({"id":7,"title":"Dune"})"));
        recorder.record(*m_definition, *op("listAuthors"), json(200, R"(["Herbert"])"));
    }
    LoadOptions options;
    options.overlays = { file };
    const LoadResult loaded =
        DefinitionLoader(options).loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/proxy/books.yaml"));
    QVERIFY(loaded.definition);
    for (const Diagnostic& d : loaded.diagnostics)
        QVERIFY2(!d.code.startsWith(QLatin1String("overlay")), qPrintable(d.toString()));
    const NamedExample& example =
        loaded.definition->operation(QStringLiteral("listAuthors"))->responses.first().content.first().examples.first();
    QCOMPARE(example.name, QStringLiteral("recorded-listAuthors-200-1"));
    QCOMPARE(example.value.toArray().at(0).toString(), QStringLiteral("Herbert"));
}

QTEST_GUILESS_MAIN(TestResponseRecorder)
#include "tst_responserecorder.moc"
