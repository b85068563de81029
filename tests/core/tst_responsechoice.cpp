// SPDX-License-Identifier: MIT
// The response-choice stage: forced status, refusal or normal choice, and the one owner of a forced example.
#include <QTest>

#include "core/negotiation/responsechoice.h"
#include "stagetestutils.h"

namespace {

constexpr int Respond = int(ResponseChoice::Outcome::Respond);
constexpr int Generated = int(ResponseChoice::Outcome::GeneratedRejection);
constexpr int Refused = int(ResponseChoice::Outcome::Problem);

} // namespace

class TestResponseChoice : public QObject
{
    Q_OBJECT

private slots:
    void choose_data();
    void choose();
};

void TestResponseChoice::choose_data()
{
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<int>("forcedStatus"); // 0: none
    QTest::addColumn<QString>("forcedExample"); // empty: none
    QTest::addColumn<int>("rejectedStatus"); // 0: the request was accepted
    QTest::addColumn<bool>("errorIfNotFound");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("response"); // empty: none
    QTest::addColumn<int>("status"); // status line, or the problem's status for Outcome::Problem
    QTest::addColumn<QString>("example"); // the example served
    QTest::addColumn<bool>("forced");
    QTest::addColumn<QString>("traceContains"); // empty: no trace at all

    const QStringList owners { "200 application/json:small,large", "404 application/json:gone", "422" };
    QTest::addRow("nothing forced: the lowest 2xx")
        << QStringList { "404", "201", "200" } << 0 << "" << 0 << false << Respond << "200" << 200 << "" << false
        << "Chose 200, the lowest 2xx response.";
    QTest::addRow("forced defined status")
        << owners << 404 << "" << 0 << false << Respond << "404" << 404 << "" << true << "";
    QTest::addRow("forced example of the normal response")
        << owners << 0 << "large" << 0 << false << Respond << "200" << 200 << "large" << true
        << "Prefer forced the example 'large'.";
    QTest::addRow("forced example moves the choice to its owner")
        << owners << 0 << "gone" << 0 << false << Respond << "404" << 404 << "gone" << true
        << "Chose 404 because it owns the example 'gone'.";
    QTest::addRow("an example owned by default answers 200")
        << QStringList { "200 application/json:small", "default application/json:oops" } << 0 << "oops" << 0 << false
        << Respond << "default" << 200 << "oops" << true << "Chose default because it owns the example 'oops'.";
    QTest::addRow("forced status whose response lacks the example")
        << owners << 404 << "small" << 0 << false << Respond << "404" << 404 << "" << true
        << "Response 404 has no example 'small' (another response does); serving its normal example.";
    QTest::addRow("unknown example is traced and ignored")
        << owners << 0 << "zzz" << 0 << false << Respond << "200" << 200 << "" << false
        << "Prefer asked for example 'zzz', which op does not have";
    QTest::addRow("unknown example is a 500 when configured")
        << owners << 0 << "zzz" << 0 << true << Refused << "" << 500 << "" << true << "Chose 200";
    QTest::addRow("refusal answered by the definition's 422")
        << owners << 0 << "" << 422 << false << Respond << "422" << 422 << "" << false
        << "Answering 422 with the definition's response 422.";
    QTest::addRow("refusal falls back from 422 to 400")
        << QStringList { "200", "400" } << 0 << "" << 422 << false << Respond << "400" << 400 << "" << false
        << "Answering 400 with the definition's response 400.";
    QTest::addRow("refusal falls back to default, keeping its status")
        << QStringList { "200", "default" } << 0 << "" << 400 << false << Respond << "default" << 400 << "" << false
        << "Answering 400 with the definition's default response.";
    QTest::addRow("refusal ignores a forced example")
        << owners << 0 << "gone" << 422 << false << Respond << "422" << 422 << "" << false << "response 422";
    QTest::addRow("refusal without a fitting response: generated problem")
        << QStringList { "200" } << 0 << "" << 401 << false << Generated << "" << 401 << "" << false
        << "defines no response for 401; answering with a generated problem";
    QTest::addRow("no responses at all: a 500 problem") << QStringList {} << 0 << "" << 0 << false << Refused << ""
                                                        << 500 << "" << false << "The operation defines no responses.";
}

void TestResponseChoice::choose()
{
    QFETCH(QStringList, codes);
    QFETCH(int, forcedStatus);
    QFETCH(QString, forcedExample);
    QFETCH(int, rejectedStatus);
    QFETCH(bool, errorIfNotFound);
    QFETCH(int, outcome);
    QFETCH(QString, response);
    QFETCH(int, status);
    QFETCH(QString, example);
    QFETCH(bool, forced);
    QFETCH(QString, traceContains);

    const Operation op = StageTestUtils::operation(codes);
    ForcedRequest request;
    request.status = forcedStatus;
    request.statusSource = QStringLiteral("Prefer");
    request.example = forcedExample;
    request.exampleSource = QStringLiteral("Prefer");
    const ForcedChoice forcedChoice = ForcedChoice::resolve(op, request);
    const ResponseChoice choice = ResponseChoice::choose({ op, forcedChoice, rejectedStatus, errorIfNotFound });

    QCOMPARE(int(choice.outcome), outcome);
    QCOMPARE(choice.response ? choice.response->code : QString(), response);
    QCOMPARE(outcome == Refused ? choice.problem.status : choice.status, status);
    QCOMPARE(choice.example, example);
    QCOMPARE(choice.forced, forced);
    QCOMPARE(choice.rejected, rejectedStatus != 0);
    if (traceContains.isEmpty())
        QVERIFY2(choice.trace.isEmpty(), qPrintable(choice.trace.join(QLatin1Char('|'))));
    else
        QVERIFY2(choice.trace.join(QLatin1Char(' ')).contains(traceContains),
            qPrintable(choice.trace.join(QLatin1Char('|'))));
}

QTEST_GUILESS_MAIN(TestResponseChoice)
#include "tst_responsechoice.moc"
