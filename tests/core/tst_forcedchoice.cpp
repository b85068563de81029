// SPDX-License-Identifier: MIT
// The forced-choice stage: a forced status resolved against the operation's responses, with its trace.
#include <QTest>

#include "core/negotiation/forcedchoice.h"
#include "stagetestutils.h"

class TestForcedChoice : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void requestTraceComesFirst();
    void malformedPreferResolvesNothing();
};

void TestForcedChoice::resolve_data()
{
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("response"); // empty: nothing usable forced
    QTest::addColumn<QString>("trace"); // empty: no sentence
    QTest::addRow("nothing forced") << QStringList { "200", "404" } << 0 << ""
                                    << "";
    QTest::addRow("defined status skips validation")
        << QStringList { "200", "404" } << 404 << "404"
        << "Prefer forced status 404 (response 404); request validation and authentication skipped.";
    QTest::addRow("a range covers the status")
        << QStringList { "200", "4XX" } << 429 << "4XX"
        << "Prefer forced status 429 (response 4XX); request validation and authentication skipped.";
    QTest::addRow("exact code beats its range")
        << QStringList { "4XX", "429" } << 429 << "429"
        << "Prefer forced status 429 (response 429); request validation and authentication skipped.";
    QTest::addRow("undefined status is traced and ignored")
        << QStringList { "200", "404" } << 418 << ""
        << "Prefer asked for status 418, which op does not define (defined: 200, 404); answering as if it had not.";
    QTest::addRow("default does not count")
        << QStringList { "200", "default" } << 500 << ""
        << "Prefer asked for status 500, which op does not define (defined: 200, default); answering as if it had "
           "not.";
}

void TestForcedChoice::resolve()
{
    QFETCH(QStringList, codes);
    QFETCH(int, status);
    QFETCH(QString, response);
    QFETCH(QString, trace);
    const Operation op = StageTestUtils::operation(codes);
    ForcedRequest request;
    request.status = status;
    request.statusSource = QStringLiteral("Prefer");
    request.example = QStringLiteral("kept");
    const ForcedChoice choice = ForcedChoice::resolve(op, request);
    QCOMPARE(choice.response ? choice.response->code : QString(), response);
    QCOMPARE(choice.skipsValidation(), !response.isEmpty());
    QCOMPARE(choice.trace, trace.isEmpty() ? QStringList() : QStringList { trace });
    QCOMPARE(choice.request.status, status);
    QCOMPARE(choice.request.example, QStringLiteral("kept"));
}

void TestForcedChoice::requestTraceComesFirst()
{
    const Operation op = StageTestUtils::operation({ "200", "404" });
    ForcedRequest request;
    request.trace = QStringList { QStringLiteral("Ignored x-redocly-response-status: 'abc' is not a status code.") };
    request.status = 404;
    request.statusSource = QStringLiteral("the forcing panel");
    const ForcedChoice choice = ForcedChoice::resolve(op, request);
    QCOMPARE(choice.trace.size(), 2);
    QCOMPARE(choice.trace.first(), request.trace.first());
    QVERIFY(choice.trace.last().startsWith(QLatin1String("the forcing panel forced status 404")));
}

void TestForcedChoice::malformedPreferResolvesNothing()
{
    const Operation op = StageTestUtils::operation({ "200", "404" });
    ForcedRequest request;
    request.status = 404;
    request.error = Problem::make(
        422, QStringLiteral("invalid-prefer-header"), QStringLiteral("Invalid Prefer header"), QStringLiteral("bad"));
    const ForcedChoice choice = ForcedChoice::resolve(op, request);
    QVERIFY(!choice.response);
    QVERIFY(choice.request.error);
    QCOMPARE(choice.request.error->status, 422);
    QVERIFY(choice.trace.isEmpty());
}

QTEST_GUILESS_MAIN(TestForcedChoice)
#include "tst_forcedchoice.moc"
