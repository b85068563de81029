// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/http/runtimeexpression.h"

using namespace Qt::StringLiterals;

namespace {

HttpRequest sampleRequest()
{
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/v1/items/42");
    r.query = "hook=http%3A%2F%2F127.0.0.1%3A9%2Fq&empty=";
    r.headers = { { "Content-Type", "application/json" }, { "X-Hook", "http://127.0.0.1:9/h" }, { "X-Many", "a" },
        { "x-many", "b" } };
    r.body = "{\"callbackUrl\": \"http://127.0.0.1:9/b\", \"n\": 7, \"flag\": true, \"obj\": {\"a\": [1, \"x\"]}, "
             "\"nothing\": null, \"a/b\": \"slash\", \"m~n\": \"tilde\"}";
    return r;
}

HttpResponse sampleResponse()
{
    HttpResponse r;
    r.status = 201;
    r.headers = { { "Location", "/v1/items/43" } };
    r.body = "{\"id\": \"sub-1\", \"count\": 3}";
    return r;
}

} // namespace

class TestRuntimeExpression : public QObject
{
    Q_OBJECT

private slots:
    void expand_data();
    void expand();
    void check_data();
    void check();
    void withoutResponse();
};

void TestRuntimeExpression::expand_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // the value, or "error: <part of the reason>"
    QTest::addRow("$url") << u"{$url}"_s << u"http://localhost:4010/v1/items/42?hook=x"_s;
    QTest::addRow("$method") << u"{$method}"_s << u"POST"_s;
    QTest::addRow("$statusCode") << u"{$statusCode}"_s << u"201"_s;
    QTest::addRow("path parameter") << u"{$request.path.itemId}"_s << u"42"_s;
    QTest::addRow("unknown path parameter") << u"{$request.path.other}"_s << u"error: no parameter other"_s;
    QTest::addRow("query parameter, decoded") << u"{$request.query.hook}"_s << u"http://127.0.0.1:9/q"_s;
    QTest::addRow("empty query parameter") << u"x{$request.query.empty}y"_s << u"xy"_s;
    QTest::addRow("missing query parameter") << u"{$request.query.nope}"_s << u"error: no query parameter nope"_s;
    QTest::addRow("header, case-insensitive") << u"{$request.header.x-hook}"_s << u"http://127.0.0.1:9/h"_s;
    QTest::addRow("repeated header joined") << u"{$request.header.X-Many}"_s << u"a, b"_s;
    QTest::addRow("missing header") << u"{$request.header.X-None}"_s << u"error: no header X-None"_s;
    QTest::addRow("body string") << u"{$request.body#/callbackUrl}"_s << u"http://127.0.0.1:9/b"_s;
    QTest::addRow("body number as JSON") << u"{$request.body#/n}"_s << u"7"_s;
    QTest::addRow("body boolean as JSON") << u"{$request.body#/flag}"_s << u"true"_s;
    QTest::addRow("body null as JSON") << u"{$request.body#/nothing}"_s << u"null"_s;
    QTest::addRow("body object as JSON") << u"{$request.body#/obj}"_s << QStringLiteral("{\"a\":[1,\"x\"]}");
    QTest::addRow("body array element") << u"{$request.body#/obj/a/1}"_s << u"x"_s;
    QTest::addRow("body pointer escapes") << u"{$request.body#/a~1b}-{$request.body#/m~0n}"_s << u"slash-tilde"_s;
    QTest::addRow("body pointer missing") << u"{$request.body#/gone}"_s << u"error: nothing at /gone"_s;
    QTest::addRow("whole body as sent") << u"{$request.body}"_s << QString::fromUtf8(sampleRequest().body);
    QTest::addRow("response body pointer") << u"{$response.body#/id}"_s << u"sub-1"_s;
    QTest::addRow("response header") << u"{$response.header.location}"_s << u"/v1/items/43"_s;
    QTest::addRow("template mixing text and expressions")
        << u"{$request.body#/callbackUrl}/events/{$response.body#/id}?n={$request.body#/n}"_s
        << u"http://127.0.0.1:9/b/events/sub-1?n=7"_s;
    QTest::addRow("bare expression without braces") << u"$request.query.hook"_s << u"http://127.0.0.1:9/q"_s;
    QTest::addRow("plain text stays") << u"http://127.0.0.1:9/fixed"_s << u"http://127.0.0.1:9/fixed"_s;
    QTest::addRow("unclosed brace") << u"http://x/{$method"_s << u"error: without its }"_s;
    QTest::addRow("not an expression") << u"{$nope}"_s << u"error: is not a runtime expression"_s;
}

void TestRuntimeExpression::expand()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const HttpRequest request = sampleRequest();
    const HttpResponse response = sampleResponse();
    RuntimeContext context;
    context.url = QStringLiteral("http://localhost:4010/v1/items/42?hook=x");
    context.request = &request;
    context.response = &response;
    context.pathParameters = { { QStringLiteral("itemId"), QStringLiteral("42") } };
    const RuntimeValue value = RuntimeExpression::expand(text, context);
    if (expected.startsWith(QLatin1String("error: "))) {
        QVERIFY2(!value.ok(), qPrintable(value.value));
        QVERIFY2(value.error.contains(expected.mid(7)), qPrintable(value.error));
        QVERIFY(value.value.isEmpty());
    } else {
        QVERIFY2(value.ok(), qPrintable(value.error));
        QCOMPARE(value.value, expected);
    }
}

void TestRuntimeExpression::check_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addRow("every source") << u"{$url}{$method}{$statusCode}{$request.path.a}{$request.query.b}"
                                     "{$request.header.C}{$request.body}{$request.body#/d}{$response.header.E}"
                                     "{$response.body#/f}"_s
                                  << true;
    QTest::addRow("body pointer to the root") << u"{$request.body#}"_s << true;
    QTest::addRow("unknown source") << u"{$request.cookie.a}"_s << false;
    QTest::addRow("response has no query") << u"{$response.query.a}"_s << false;
    QTest::addRow("response has no path") << u"{$response.path.a}"_s << false;
    QTest::addRow("header name must be a token") << u"{$request.header.a b}"_s << false;
    QTest::addRow("empty name") << u"{$request.query.}"_s << false;
    QTest::addRow("pointer without slash") << u"{$request.body#x}"_s << false;
    QTest::addRow("typo in $method") << u"{$methods}"_s << false;
    QTest::addRow("unclosed") << u"{$url"_s << false;
}

void TestRuntimeExpression::check()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const QString error = RuntimeExpression::checkTemplate(text);
    QCOMPARE(error.isEmpty(), valid);
}

void TestRuntimeExpression::withoutResponse()
{
    const HttpRequest request = sampleRequest();
    RuntimeContext context;
    context.request = &request;
    QVERIFY(!RuntimeExpression::evaluate(QStringLiteral("$response.body#/id"), context).ok());
    QVERIFY(!RuntimeExpression::evaluate(QStringLiteral("$statusCode"), context).ok());
    QCOMPARE(RuntimeExpression::evaluate(QStringLiteral("$method"), context).value, QStringLiteral("POST"));
    context.request = nullptr;
    QVERIFY(!RuntimeExpression::evaluate(QStringLiteral("$request.query.hook"), context).ok());
}

QTEST_GUILESS_MAIN(TestRuntimeExpression)
#include "tst_runtimeexpression.moc"
