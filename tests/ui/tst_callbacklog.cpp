// SPDX-License-Identifier: MIT
// Outgoing callback calls in the window's request log: a row of their own after the request that fired them (target,
// status, duration, notes), readable in the details pane; the Settings dialog's callback hosts reach the running mock.
#include <QLineEdit>
#include <QTest>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "fakeupstream.h"
#include "httpclient.h"
#include "testutils.h"
#include "ui/models/requestlogfiltermodel.h"
#include "ui/models/requestlogmodel.h"
#include "ui/widgets/requestlogview.h"
#include "ui/widgets/settingsdialog.h"

using TestUpstream::fetch;

class TestCallbackLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void outgoingEntryShown_data();
    void outgoingEntryShown();
    void settingsAllowAHostInTheRunningMock();
    void screenshot();

private:
    QByteArray hook(const QByteArray& base) const
    {
        return TestHttp::request(
            "POST", "/body", "Content-Type: application/json\r\n", R"({"callbackUrl": ")" + base + R"(", "n": 7})");
    }
    // The row of the outgoing call (the one after the trigger), once both are in the log.
    int callbackRow(RequestLogView& log) const;

    MockService* m_service = nullptr;
    TestUpstream::Server* m_receiver = nullptr;
};

void TestCallbackLog::initTestCase()
{
    const LoadResult loaded = DefinitionLoader().loadFile(TestUtils::dataPath(QStringLiteral("callbacks/events.yaml")));
    QVERIFY(loaded.definition);
    m_receiver = new TestUpstream::Server;
    QVERIFY(m_receiver->isListening());
    m_service = new MockService;
    m_service->setThreads(1);
    m_service->setDefinition(loaded.definition);
    QVERIFY(m_service->start(QHostAddress::LocalHost, 0));
}

void TestCallbackLog::cleanupTestCase()
{
    delete m_service;
    delete m_receiver;
}

int TestCallbackLog::callbackRow(RequestLogView& log) const
{
    if (!QTest::qWaitFor([&log] { return log.model()->rowCount() >= 2; }, 10000))
        return -1;
    for (int row = 0; row < log.model()->rowCount(); ++row)
        if (log.model()->index(row, 0).data(RequestLogModel::CallbackRole).toBool())
            return row;
    return -1;
}

void TestCallbackLog::outgoingEntryShown_data()
{
    QTest::addColumn<QString>("receiver"); // "up", "down" or "elsewhere" (a host not allowed)
    QTest::addColumn<int>("answer"); // what the receiver answers when up
    QTest::addColumn<QString>("status"); // the Status column
    QTest::addColumn<QString>("notes"); // the Notes column
    QTest::addColumn<QString>("response"); // in the Response tab
    QTest::addRow("answered 202") << "up" << 202 << "202"
                                  << "callback onBody"
                                  << "HTTP 202";
    QTest::addRow("answered 500") << "up" << 500 << "500"
                                  << "callback onBody, not a 2xx"
                                  << "HTTP 500";
    QTest::addRow("receiver down") << "down" << 0 << "—"
                                   << "callback onBody, failed"
                                   << "No answer:";
    QTest::addRow("host not allowed") << "elsewhere" << 0 << "—"
                                      << "callback onBody, refused"
                                      << "Not sent: the host example.com:9 is not allowed";
}

void TestCallbackLog::outgoingEntryShown()
{
    QFETCH(QString, receiver);
    QFETCH(int, answer);
    QFETCH(QString, status);
    QFETCH(QString, notes);
    QFETCH(QString, response);
    m_service->setLimits(ServerLimits());
    m_receiver->reply = [answer](const TestUpstream::Seen&) {
        return TestUpstream::answer(answer, "Content-Type: text/plain\r\n", "got it");
    };
    QByteArray base = "http://127.0.0.1:" + QByteArray::number(m_receiver->serverPort());
    if (receiver == QLatin1String("down")) {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        base = "http://127.0.0.1:" + QByteArray::number(closed.serverPort());
    } else if (receiver == QLatin1String("elsewhere")) {
        base = "http://example.com:9";
    }

    RequestLogView log;
    connect(m_service, &MockService::requestHandled, log.model(), &RequestLogModel::handleRequest);
    log.show();
    QCOMPARE(fetch(m_service->port(), hook(base)).status, 200);
    const int row = callbackRow(log);
    QVERIFY(row > 0); // after the request that fired it
    const QAbstractItemModel* model = log.model();
    QVERIFY(!model->index(0, 0).data(RequestLogModel::CallbackRole).toBool());
    QCOMPARE(model->index(row, RequestLogModel::MethodColumn).data().toString(), QStringLiteral("↗ POST"));
    const QString target = QString::fromLatin1(base) + QStringLiteral("/body");
    QCOMPARE(model->index(row, RequestLogModel::PathColumn).data().toString(), target);
    QCOMPARE(model->index(row, RequestLogModel::StatusColumn).data().toString(), status);
    QCOMPARE(model->index(row, RequestLogModel::OperationColumn).data().toString(), QStringLiteral("fromBody"));
    QCOMPARE(model->index(row, RequestLogModel::FlagsColumn).data().toString(), notes);
    const QString duration = model->index(row, RequestLogModel::DurationColumn).data().toString();
    if (receiver == QLatin1String("elsewhere"))
        QCOMPARE(duration, QStringLiteral("—")); // nothing was sent
    else
        QVERIFY2(
            duration.endsWith(QLatin1String(" ms")) || duration.endsWith(QStringLiteral(" µs")), qPrintable(duration));

    log.selectRow(row);
    const QString request = log.detailsText(1);
    QVERIFY2(request.startsWith(QStringLiteral("POST ") + target), qPrintable(request));
    if (receiver != QLatin1String("elsewhere")) {
        QVERIFY2(request.contains(QLatin1String("X-Event-Id: evt-1")), qPrintable(request));
        QVERIFY2(request.contains(QLatin1String("\"event\": \"created\"")), qPrintable(request));
    }
    const QString shown = log.detailsText(0);
    QVERIFY2(shown.contains(response), qPrintable(shown));
    if (receiver == QLatin1String("up"))
        QVERIFY2(shown.contains(QLatin1String("got it")), qPrintable(shown));
    QVERIFY2(log.detailsText(3).contains(QStringLiteral("Sent to ") + target), qPrintable(log.detailsText(3)));
}

void TestCallbackLog::settingsAllowAHostInTheRunningMock()
{
    // As the window does on OK: the dialog's limits go to the running mock at once.
    SettingsDialog dialog;
    dialog.callbackHostsEdit()->setText(QStringLiteral("no-such-host.invalid"));
    m_service->setLimits(dialog.limits());
    RequestLogView log;
    connect(m_service, &MockService::requestHandled, log.model(), &RequestLogModel::handleRequest);
    QCOMPARE(fetch(m_service->port(), hook("http://no-such-host.invalid:9")).status, 200);
    const int row = callbackRow(log);
    QVERIFY(row > 0);
    const QString notes = log.model()->index(row, RequestLogModel::FlagsColumn).data().toString();
    QCOMPARE(notes, QStringLiteral("callback onBody, failed")); // sent (and not answered), not refused

    m_service->setLimits(ServerLimits());
    log.model()->clear();
    QCOMPARE(fetch(m_service->port(), hook("http://no-such-host.invalid:9")).status, 200);
    const int refused = callbackRow(log);
    QVERIFY(refused > 0);
    QCOMPARE(log.model()->index(refused, RequestLogModel::FlagsColumn).data().toString(),
        QStringLiteral("callback onBody, refused"));
}

void TestCallbackLog::screenshot()
{
    const QString outDir = qEnvironmentVariable("UNDERSTUDY_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set UNDERSTUDY_SCREENSHOT_DIR to write screenshots");
    m_service->setLimits(ServerLimits());
    m_receiver->reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(202, "Content-Type: application/json\r\n", R"({"received":true})");
    };
    RequestLogView log;
    connect(m_service, &MockService::requestHandled, log.model(), &RequestLogModel::handleRequest);
    log.resize(1000, 560);
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&log));
    fetch(m_service->port(), hook("http://example.com"));
    fetch(m_service->port(), hook("http://127.0.0.1:" + QByteArray::number(m_receiver->serverPort())));
    QTRY_COMPARE_WITH_TIMEOUT(log.model()->rowCount(), 4, 10000);
    log.selectRow(3);
    QVERIFY(log.grab().save(outDir + QStringLiteral("/callback-log.png")));
}

QTEST_MAIN(TestCallbackLog)
#include "tst_callbacklog.moc"
