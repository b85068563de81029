// SPDX-License-Identifier: MIT
// Problem: RFC 7807 bodies with our `errors` and Prism's `validation` and 401 `headers` members.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/http/problem.h"

class TestProblem : public QObject
{
    Q_OBJECT

private slots:
    void validationArray_data();
    void validationArray();
    void unauthorizedHeadersMember();
    void noViolationsNoValidation();
    void unsupportedMediaTypeWithoutBody();
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

QTEST_GUILESS_MAIN(TestProblem)
#include "tst_problem.moc"
