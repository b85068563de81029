// SPDX-License-Identifier: MIT
// Drift detection: a real server's answer against the operation's status, headers, media type and body schema.
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/proxy/responsedrift.h"

class TestResponseDrift : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void check_data();
    void check();
    void noOperationIsNotInTheDefinition();
    void encodedBodyIsNotParsed();
    void responseForPrefersExactThenRangeThenDefault();

private:
    const Operation* operation(const QString& id) const;
    DefinitionPtr m_definition;
};

void TestResponseDrift::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(QStringLiteral(UNDERSTUDY_TEST_DATA "/proxy/books.yaml"));
    QVERIFY(loaded.definition);
    m_definition = loaded.definition;
}

const Operation* TestResponseDrift::operation(const QString& id) const
{
    for (const Operation& op : m_definition->operations)
        if (op.id == id)
            return &op;
    return nullptr;
}

void TestResponseDrift::check_data()
{
    QTest::addColumn<QString>("operationId");
    QTest::addColumn<int>("status");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("head");
    QTest::addColumn<QStringList>("drift"); // "location code" per violation, in order
    const HeaderList json { { "Content-Type", "application/json; charset=utf-8" }, { "X-Rate-Limit", "10" } };
    const QByteArray book = R"({"id":7,"title":"Real"})";
    QTest::newRow("fits") << "getBook" << 200 << json << book << false << QStringList();
    QTest::newRow("readOnly property is normal in a response")
        << "createBook" << 201 << json << book << false << QStringList();
    QTest::newRow("missing required field")
        << "getBook" << 200 << json << QByteArray(R"({"id":7})") << false << QStringList { "body/title required" };
    QTest::newRow("wrong type") << "getBook" << 200 << json << QByteArray(R"({"id":"7","title":1})") << false
                                << QStringList { "body/id type", "body/title type" };
    QTest::newRow("writeOnly property must be absent")
        << "getBook" << 200 << json << QByteArray(R"({"id":7,"title":"Real","secret":"x"})") << false
        << QStringList { "body writeOnly" };
    QTest::newRow("undefined status") << "getBook" << 500 << json << book << false
                                      << QStringList { "status undefined-status" };
    QTest::newRow("range covers the status")
        << "createBook" << 409 << HeaderList { { "Content-Type", "application/problem+json" } } << QByteArray("{}")
        << false << QStringList();
    QTest::newRow("default covers any status")
        << "listAuthors" << 503 << json << QByteArray("{}") << false << QStringList();
    QTest::newRow("media type not declared")
        << "getBook" << 200 << HeaderList { { "Content-Type", "text/html" }, { "X-Rate-Limit", "1" } }
        << QByteArray("<p>") << false << QStringList { "header/Content-Type content-type" };
    QTest::newRow("body without Content-Type") << "getBook" << 200 << HeaderList { { "X-Rate-Limit", "1" } } << book
                                               << false << QStringList { "header/Content-Type content-type" };
    QTest::newRow("required header missing")
        << "getBook" << 200 << HeaderList { { "Content-Type", "application/json" } } << book << false
        << QStringList { "header/X-Rate-Limit required" };
    QTest::newRow("header value against its schema")
        << "getBook" << 200 << HeaderList { { "Content-Type", "application/json" }, { "x-rate-limit", "lots" } } << book
        << false << QStringList { "header/X-Rate-Limit schema" };
    QTest::newRow("unreadable JSON") << "getBook" << 200 << json << QByteArray("{\"id\":") << false
                                     << QStringList { "body unreadable" };
    QTest::newRow("HEAD answer: no body to check") << "getBook" << 200 << json << QByteArray() << true << QStringList();
    QTest::newRow("body where no content is defined")
        << "ping" << 204 << HeaderList {} << QByteArray("x") << false << QStringList { "body unexpected-body" };
}

void TestResponseDrift::check()
{
    QFETCH(QString, operationId);
    QFETCH(int, status);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    QFETCH(bool, head);
    QFETCH(QStringList, drift);
    const Operation* op = operation(operationId);
    QVERIFY(op);
    const DriftResult result = ResponseDrift::check(*m_definition, op, { status, headers, body, head });
    QStringList found;
    for (const ProblemError& e : result.errors)
        found.append(e.location + QLatin1Char(' ') + e.code);
    QCOMPARE(found, drift);
    QCOMPARE(result.ok(), drift.isEmpty());
    QVERIFY(!result.trace.isEmpty());
}

void TestResponseDrift::noOperationIsNotInTheDefinition()
{
    const DriftResult result = ResponseDrift::check(*m_definition, nullptr, { 200, {}, "hi", false });
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().code, QStringLiteral("not-in-definition"));
}

void TestResponseDrift::encodedBodyIsNotParsed()
{
    const HeaderList headers { { "Content-Type", "application/json" }, { "X-Rate-Limit", "1" },
        { "Content-Encoding", "gzip" } };
    const DriftResult result =
        ResponseDrift::check(*m_definition, operation(QStringLiteral("getBook")), { 200, headers, "\x1f\x8b", false });
    QVERIFY(result.ok());
    QVERIFY(result.trace.join(QLatin1Char(' ')).contains(QLatin1String("gzip")));
}

void TestResponseDrift::responseForPrefersExactThenRangeThenDefault()
{
    const Operation* create = operation(QStringLiteral("createBook"));
    QCOMPARE(ResponseDrift::responseFor(*create, 201)->code, QStringLiteral("201"));
    QCOMPARE(ResponseDrift::responseFor(*create, 422)->code, QStringLiteral("4XX"));
    QVERIFY(!ResponseDrift::responseFor(*create, 500));
    QCOMPARE(
        ResponseDrift::responseFor(*operation(QStringLiteral("listAuthors")), 418)->code, QStringLiteral("default"));
}

QTEST_GUILESS_MAIN(TestResponseDrift)
#include "tst_responsedrift.moc"
