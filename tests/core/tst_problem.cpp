// SPDX-License-Identifier: MIT
// Problem: RFC 7807 bodies with our `errors` and Prism's `validation` and 401 `headers` members.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/http/problem.h"

Q_DECLARE_METATYPE(Problem)

class TestProblem : public QObject
{
    Q_OBJECT

private slots:
    void validationArray_data();
    void validationArray();
    void unauthorizedHeadersMember();
    void noViolationsNoValidation();
    void unsupportedMediaTypeWithoutBody();
    void bodyIsToJsonWrittenCompact_data();
    void bodyIsToJsonWrittenCompact();
    void responseCarriesTypeAndHeaders();
};

void TestProblem::validationArray_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QStringList>("segments");
    QTest::addRow("query") << "query/limit" << QStringList { "query", "limit" };
    QTest::addRow("body root") << "body" << QStringList { "body" };
    QTest::addRow("nested body") << "body/items/0/id" << QStringList { "body", "items", "0", "id" };
    QTest::addRow("header") << "header/X-Id" << QStringList { "header", "X-Id" };
}

void TestProblem::validationArray()
{
    QFETCH(QString, location);
    QFETCH(QStringList, segments);
    const Problem p = Problem::invalidRequest(
        { ProblemError { location, QStringLiteral("type"), QStringLiteral("must be integer") } });
    const QJsonObject o = p.toJson();
    QCOMPARE(o.value(QStringLiteral("errors")).toArray().size(), 1); // ours stay
    const QJsonObject v = o.value(QStringLiteral("validation")).toArray().first().toObject();
    QCOMPARE(v.value(QStringLiteral("location")).toArray(), QJsonArray::fromStringList(segments));
    QCOMPARE(v.value(QStringLiteral("severity")).toString(), QStringLiteral("Error"));
    QCOMPARE(v.value(QStringLiteral("code")).toString(), QStringLiteral("type"));
    QCOMPARE(v.value(QStringLiteral("message")).toString(), QStringLiteral("must be integer"));
}

void TestProblem::unauthorizedHeadersMember()
{
    const Problem p = Problem::unauthorized(QStringLiteral("no credentials"), { "Bearer", "Basic realm=\"x\"" });
    QCOMPARE(
        p.toJson().value(QStringLiteral("headers")).toObject().value(QStringLiteral("WWW-Authenticate")).toString(),
        QStringLiteral("Bearer, Basic realm=\"x\""));
    const HttpResponse r = p.toResponse();
    QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
}

void TestProblem::noViolationsNoValidation()
{
    const QJsonObject o = Problem::noPathMatched(QStringLiteral("/x")).toJson();
    QVERIFY(!o.contains(QStringLiteral("validation")));
    QVERIFY(!o.contains(QStringLiteral("headers")));
}

void TestProblem::unsupportedMediaTypeWithoutBody()
{
    const Problem p = Problem::unsupportedMediaType(QStringLiteral("application/json"), {});
    QCOMPARE(p.status, 415);
    QVERIFY(p.detail.contains(QLatin1String("takes no request body")));
}

void TestProblem::bodyIsToJsonWrittenCompact_data()
{
    QTest::addColumn<Problem>("problem");
    const QList<ProblemError> errors {
        { QStringLiteral("body/sku"), QStringLiteral("pattern"), QStringLiteral("must match ^[A-Z]{3}$") },
        { QStringLiteral("query/limit"), QStringLiteral("maximum"), QStringLiteral("\"500\" > 100 \\ ünïcødé\n") },
    };
    QTest::addRow("404") << Problem::noPathMatched(QStringLiteral("/nope"));
    QTest::addRow("405 with allowed") << Problem::methodNotAllowed(
        QStringLiteral("PUT"), QStringLiteral("/books"), { QStringLiteral("GET"), QStringLiteral("POST") });
    QTest::addRow("406") << Problem::notAcceptable(QStringLiteral("text/csv"), { QStringLiteral("application/json") });
    QTest::addRow("415") << Problem::unsupportedMediaType(QStringLiteral("text/plain"), { QStringLiteral("a/b") });
    QTest::addRow("422 with errors") << Problem::invalidRequest(errors);
    QTest::addRow("401") << Problem::unauthorized(QStringLiteral("No credentials"), { "Bearer", "Basic realm=\"x\"" });
    QTest::addRow("500 example") << Problem::exampleNotFound(QStringLiteral("nope"), { QStringLiteral("a") });
    QTest::addRow("503") << Problem::mockOff(QStringLiteral("off"));
    Problem clash = Problem::invalidRequest(errors);
    clash.extra.insert(QStringLiteral("status"), QStringLiteral("an extra member of our name loses"));
    clash.extra.insert(QStringLiteral("aaa"), 1.5);
    clash.extra.insert(QStringLiteral("zzz"), QJsonObject { { QStringLiteral("k"), QJsonArray { 1, true } } });
    clash.extra.insert(QStringLiteral("f"), QJsonValue::Null);
    QTest::addRow("extra members around ours") << clash;
    QTest::addRow("empty") << Problem();
}

void TestProblem::bodyIsToJsonWrittenCompact()
{
    QFETCH(Problem, problem);
    QCOMPARE(problem.body(), QJsonDocument(problem.toJson()).toJson(QJsonDocument::Compact));
}

void TestProblem::responseCarriesTypeAndHeaders()
{
    const HttpResponse r = Problem::unauthorized(QStringLiteral("No credentials"), { "Bearer" }).toResponse();
    QCOMPARE(r.status, 401);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
    QVERIFY(QJsonDocument::fromJson(r.body).isObject());
}

QTEST_GUILESS_MAIN(TestProblem)
#include "tst_problem.moc"
