// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/http/problem.h"

Q_DECLARE_METATYPE(Problem)

class TestProblem : public QObject
{
    Q_OBJECT

private slots:
    void bodyIsToJsonWrittenCompact_data();
    void bodyIsToJsonWrittenCompact();
    void responseCarriesTypeAndHeaders();
};

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
