// SPDX-License-Identifier: MIT
// Stateful mode over real HTTP on 127.0.0.1: the bundled example's CRUD round trip and the admin endpoints.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "httpclient.h"

namespace {

QJsonObject object(const TestHttp::RawResponse& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QStringList bookIds(const TestHttp::RawResponse& r)
{
    QStringList ids;
    for (const QJsonValue& v : object(r).value(QStringLiteral("items")).toArray())
        ids.append(QString::number(v.toObject().value(QStringLiteral("id")).toInt()));
    return ids;
}

} // namespace

class TestStatefulHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void crudRoundTrip();
    void adminState();
    void adminReplaceAndErrors_data();
    void adminReplaceAndErrors();
    void adminKeepsTheHostRules();
    void toggleWhileRunning();

private:
    TestHttp::RawResponse send(const QByteArray& method, const QByteArray& target, const QByteArray& body = {},
        const QByteArray& contentType = "application/json")
    {
        QByteArray headers = "Authorization: Bearer t\r\n";
        if (!body.isEmpty())
            headers += "Content-Type: " + contentType + "\r\n";
        return TestHttp::roundTrip(m_port, TestHttp::request(method, target, headers, body));
    }

    MockService* m_service = nullptr;
    quint16 m_port = 0;
};

void TestStatefulHttp::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(DefinitionLoader::bundledExamplePath());
    QVERIFY(loaded.definition);
    m_service = new MockService;
    m_service->state()->setEnabled(true);
    m_service->setDefinition(loaded.definition);
    const StartResult started = m_service->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
    m_port = m_service->port();
}

void TestStatefulHttp::cleanupTestCase()
{
    delete m_service;
}

void TestStatefulHttp::init()
{
    m_service->state()->setEnabled(true);
    QCOMPARE(send("POST", "/__understudy/state/reset").status, 200);
}

void TestStatefulHttp::crudRoundTrip()
{
    const TestHttp::RawResponse created = send(
        "POST", "/v1/books", R"({"isbn":"978-0-261-10221-7","title":"The Hobbit","authorId":3,"genre":"fantasy"})");
    QCOMPARE(created.status, 201);
    const QString id = QString::number(object(created).value(QStringLiteral("id")).toInt());
    QCOMPARE(id, QStringLiteral("43"));
    QCOMPARE(created.header("Location"), "http://localhost/v1/books/" + id.toUtf8());

    QVERIFY(bookIds(send("GET", "/v1/books")).contains(id));
    TestHttp::RawResponse got = send("GET", "/v1/books/" + id.toUtf8());
    QCOMPARE(got.status, 200);
    QCOMPARE(object(got).value(QStringLiteral("title")).toString(), QStringLiteral("The Hobbit"));

    QCOMPARE(send("PATCH", "/v1/books/" + id.toUtf8(), R"({"title":"The Hobbit, or There and Back Again"})",
                 "application/merge-patch+json")
                 .status,
        200);
    got = send("GET", "/v1/books/" + id.toUtf8());
    QCOMPARE(
        object(got).value(QStringLiteral("title")).toString(), QStringLiteral("The Hobbit, or There and Back Again"));

    QCOMPARE(send("DELETE", "/v1/books/" + id.toUtf8()).status, 204);
    got = send("GET", "/v1/books/" + id.toUtf8());
    QCOMPARE(got.status, 404);
    QCOMPARE(object(got).value(QStringLiteral("title")).toString(), QStringLiteral("Not found")); // its example

    QSignalSpy reset(m_service->state().get(), &StateStore::stateReset);
    QCOMPARE(send("POST", "/__understudy/state/reset").status, 200);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(bookIds(send("GET", "/v1/books")),
        QStringList({ QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("42") }));
}

void TestStatefulHttp::adminState()
{
    const TestHttp::RawResponse r = send("GET", "/__understudy/state");
    QCOMPARE(r.status, 200);
    const QJsonObject body = object(r);
    QCOMPARE(body.value(QStringLiteral("stateful")).toBool(), true);
    const QJsonObject collections = body.value(QStringLiteral("collections")).toObject();
    QCOMPARE(collections.keys(),
        QStringList({ QStringLiteral("authors"), QStringLiteral("books"), QStringLiteral("loans") }));
    QCOMPARE(collections.value(QStringLiteral("books")).toObject().value(QStringLiteral("items")).toArray().size(), 3);
    QCOMPARE(collections.value(QStringLiteral("books")).toObject().value(QStringLiteral("path")).toString(),
        QStringLiteral("/books"));
}

void TestStatefulHttp::adminReplaceAndErrors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addRow("replace books")
        << QByteArray("PUT") << QByteArray("/__understudy/state/books")
        << QByteArray(R"([{"id":5,"isbn":"978-0-14-143951-8","title":"Emma","authorId":7,"available":true}])") << 200;
    QTest::addRow("unknown collection") << QByteArray("PUT") << QByteArray("/__understudy/state/dragons")
                                        << QByteArray("[]") << 404;
    QTest::addRow("malformed JSON") << QByteArray("PUT") << QByteArray("/__understudy/state/books") << QByteArray("[{")
                                    << 400;
    QTest::addRow("items without ids") << QByteArray("PUT") << QByteArray("/__understudy/state/books")
                                       << QByteArray(R"([{"title":"x"}])") << 422;
    QTest::addRow("reset needs POST") << QByteArray("GET") << QByteArray("/__understudy/state/reset") << QByteArray()
                                      << 405;
    QTest::addRow("state needs GET") << QByteArray("DELETE") << QByteArray("/__understudy/state") << QByteArray()
                                     << 405;
    QTest::addRow("unknown admin endpoint")
        << QByteArray("GET") << QByteArray("/__understudy/nope") << QByteArray() << 404;
}

void TestStatefulHttp::adminReplaceAndErrors()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const TestHttp::RawResponse r = send(method, target, body);
    QCOMPARE(r.status, status);
    if (status == 200) {
        QCOMPARE(bookIds(send("GET", "/v1/books")), QStringList { QStringLiteral("5") });
        QCOMPARE(send("GET", "/v1/books/5").status, 200);
    } else {
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(bookIds(send("GET", "/v1/books")).size(), 3);
    }
}

void TestStatefulHttp::adminKeepsTheHostRules()
{
    const QByteArray request = "POST /__understudy/state/reset HTTP/1.1\r\nHost: evil.example\r\n\r\n";
    QSignalSpy reset(m_service->state().get(), &StateStore::stateReset);
    QCOMPARE(TestHttp::roundTrip(m_port, request).status, 421);
    QCOMPARE(reset.count(), 0);
}

void TestStatefulHttp::toggleWhileRunning()
{
    m_service->state()->setEnabled(false);
    TestHttp::RawResponse r = send("GET", "/v1/books/777");
    QCOMPARE(r.status, 200); // static: any id answers
    m_service->state()->setEnabled(true);
    r = send("GET", "/v1/books/777");
    QCOMPARE(r.status, 404);
}

QTEST_GUILESS_MAIN(TestStatefulHttp)
#include "tst_statefulhttp.moc"
