// SPDX-License-Identifier: MIT
// MockSession and understudy.yaml: found next to the definition or given, reloaded live, diagnostics with lines.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/engine/definitionwatcher.h"
#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "core/engine/requestlogentry.h"
#include "httpclient.h"
#include "testutils.h"

namespace {

bool write(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

bool openAndWait(MockSession& session, const QString& path)
{
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    QSignalSpy failed(&session, &MockSession::loadFailed);
    session.open(path);
    return loaded.wait(5000) || !failed.isEmpty();
}

QByteArray shop()
{
    QFile f(QStringLiteral(UNDERSTUDY_TEST_DATA "/scenarios/shop.yaml"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestScenarioSession : public QObject
{
    Q_OBJECT

private slots:
    void discoveredNextToTheDefinition();
    void explicitFileWins();
    void createdAndEditedFileReloadsLive();
    void reloadScenariosAppliesAtOnce();
    void liveReloadKeepsUnchangedSequences();
};

void TestScenarioSession::discoveredNextToTheDefinition()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("openapi.yaml")), shop()));
    QVERIFY(write(dir.filePath(QStringLiteral("understudy.yaml")),
        "operations:\n  getBook:\n    rules:\n      - then: { status: 418 }\n"));
    MockSession session;
    QVERIFY(openAndWait(session, dir.filePath(QStringLiteral("openapi.yaml"))));
    QCOMPARE(session.scenarioSource(), dir.filePath(QStringLiteral("understudy.yaml")));
    QVERIFY(session.service()->scenarios()->scenarios());
    // The bad status is a diagnostic with file and line, next to the definition's (Problems pane, --check).
    bool found = false;
    for (const Diagnostic& d : session.diagnostics())
        if (d.code == QLatin1String("scenario-undefined-status")) {
            found = true;
            QCOMPARE(d.file, dir.filePath(QStringLiteral("understudy.yaml")));
            QCOMPARE(d.line, 4);
        }
    QVERIFY(found);
}

void TestScenarioSession::explicitFileWins()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("openapi.yaml")), shop()));
    QVERIFY(write(dir.filePath(QStringLiteral("understudy.yaml")), "operations:\n  health:\n    delay: 1s\n"));
    QVERIFY(write(dir.filePath(QStringLiteral("ci.yaml")), "operations:\n  health:\n    delay: 5ms\n"));
    MockSession session;
    session.setScenarioFile(dir.filePath(QStringLiteral("ci.yaml")));
    QVERIFY(openAndWait(session, dir.filePath(QStringLiteral("openapi.yaml"))));
    QCOMPARE(session.scenarioSource(), dir.filePath(QStringLiteral("ci.yaml")));
    const ScenarioSetPtr set = session.service()->scenarios()->scenarios();
    QVERIFY(set);
    QCOMPARE(set->forOperation(QStringLiteral("health"))->delay.a, 5.0);
}

void TestScenarioSession::createdAndEditedFileReloadsLive()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("openapi.yaml")), shop()));
    MockSession session;
    session.watcher()->setDebounceMs(20);
    QVERIFY(openAndWait(session, dir.filePath(QStringLiteral("openapi.yaml"))));
    QVERIFY(!session.service()->scenarios()->scenarios());
    QVERIFY(session.watcher()->watchedFiles().contains(dir.filePath(QStringLiteral("understudy.yaml"))));

    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    QVERIFY(write(dir.filePath(QStringLiteral("understudy.yaml")), "operations:\n  health:\n    delay: 20ms\n"));
    QTRY_VERIFY_WITH_TIMEOUT(session.service()->scenarios()->scenarios() != nullptr, 5000);
    QCOMPARE(session.service()->scenarios()->scenarios()->forOperation(QStringLiteral("health"))->delay.a, 20.0);

    QVERIFY(write(dir.filePath(QStringLiteral("understudy.yaml")), "operations:\n  health:\n    delay: 30ms\n"));
    QTRY_COMPARE_WITH_TIMEOUT(
        session.service()->scenarios()->scenarios()->forOperation(QStringLiteral("health"))->delay.a, 30.0, 5000);
}

void TestScenarioSession::reloadScenariosAppliesAtOnce()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("openapi.yaml")), shop()));
    MockSession session;
    session.setWatchEnabled(false);
    QVERIFY(openAndWait(session, dir.filePath(QStringLiteral("openapi.yaml"))));
    QVERIFY(write(dir.filePath(QStringLiteral("understudy.yaml")), "operations:\n  nope: {}\n"));
    const ScenarioResult r = session.reloadScenarios();
    QVERIFY(r.scenarios);
    QCOMPARE(session.scenarioSource(), dir.filePath(QStringLiteral("understudy.yaml")));
    QCOMPARE(session.diagnostics().size(), 1);
    QCOMPARE(session.diagnostics().first().code, QStringLiteral("scenario-unknown-operation"));
}

// Through HTTP: editing the file while the mock runs keeps createOrder's place in its unchanged sequence; health's
// sequence changed, so it starts again and the trace says so.
void TestScenarioSession::liveReloadKeepsUnchangedSequences()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("openapi.yaml")), shop()));
    const QString file = dir.filePath(QStringLiteral("understudy.yaml"));
    const QByteArray orders = "sequence:\n  createOrder: [ { status: 201 }, { status: 201 }, { status: 429 } ]\n";
    QVERIFY(write(file, orders + "  health: [ { status: 200, headers: { X-Step: a1 } } ]\n"));
    MockSession session;
    session.watcher()->setDebounceMs(20);
    QVERIFY(openAndWait(session, dir.filePath(QStringLiteral("openapi.yaml"))));
    const StartResult started = session.service()->start(QHostAddress::LocalHost, 0);
    QVERIFY2(started, qPrintable(started.message));
    const quint16 port = session.service()->port();
    const QByteArray order =
        TestHttp::request("POST", "/orders", "Content-Type: application/json\r\n", "{\"quantity\":1}");
    QCOMPARE(TestHttp::roundTrip(port, order).status, 201);
    QCOMPARE(TestHttp::roundTrip(port, order).status, 201);
    QCOMPARE(TestHttp::roundTrip(port, TestHttp::request("GET", "/health")).header("X-Step"), QByteArray("a1"));

    QVERIFY(write(file,
        orders + "  health: [ { status: 200, headers: { X-Step: b1 } }, { status: 200, headers: { X-Step: b2 } } ]\n"));
    // Wait for the reload that carries the new file, not for any reload: under a loaded sanitizer run an earlier
    // watcher event may land first (seen once in CI).
    const auto healthSteps = [&session] {
        const ScenarioSetPtr set = session.service()->scenarios()->scenarios();
        return set && set->forOperation(QStringLiteral("health"))
            ? set->forOperation(QStringLiteral("health"))->sequence.size()
            : qsizetype(-1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(healthSteps(), qsizetype(2), 5000 * TestUtils::timeScale());

    QSignalSpy handled(&session, &MockSession::requestHandled);
    QCOMPARE(TestHttp::roundTrip(port, order).status, 429); // step 3: where it was
    QCOMPARE(TestHttp::roundTrip(port, TestHttp::request("GET", "/health")).header("X-Step"), QByteArray("b1"));
    QCOMPARE(TestHttp::roundTrip(port, TestHttp::request("GET", "/health")).header("X-Step"), QByteArray("b2"));
    QTRY_COMPARE(handled.size(), 3);
    // Entries may be signalled out of arrival order (each is answered on the serving pool): find them by content.
    const auto traceWith = [&handled](const char* what) {
        for (const QList<QVariant>& args : handled) {
            const QString trace = args.at(0).value<RequestLogEntry>().trace.join(QLatin1Char(' '));
            if (trace.contains(QLatin1String(what)))
                return trace;
        }
        return QString();
    };
    const QString orderTrace = traceWith("POST /orders");
    const QString firstHealth = traceWith("step 1 of 2");
    const QString secondHealth = traceWith("step 2 of 2");
    QVERIFY2(!orderTrace.isEmpty() && !orderTrace.contains(QLatin1String("started again")), qPrintable(orderTrace));
    QVERIFY2(
        firstHealth.contains(QLatin1String("started again: the scenario file changed it")), qPrintable(firstHealth));
    QVERIFY2(
        !secondHealth.isEmpty() && !secondHealth.contains(QLatin1String("started again")), qPrintable(secondHealth));
}

QTEST_GUILESS_MAIN(TestScenarioSession)
#include "tst_scenariosession.moc"
