// SPDX-License-Identifier: MIT
// Floods the running mock from another thread and checks the window's event loop stays responsive.
#include <atomic>

#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "ui/models/requestlogmodel.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/requestlogview.h"

namespace {

// Sends `total` GET requests over one keep-alive connection, reading every response (FLOOD_BATCH=n pipelines n).
class FloodThread final : public QThread
{
public:
    FloodThread(quint16 port, int total)
        : m_port(port)
        , m_total(total)
    { }

    std::atomic<int> answered { 0 };
    QString error;

protected:
    void run() override
    {
        QTcpSocket socket;
        socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!socket.waitForConnected(5000)) {
            error = socket.errorString();
            return;
        }
        const QByteArray request = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
        const int batch =
            qEnvironmentVariableIntValue("FLOOD_BATCH") > 0 ? qEnvironmentVariableIntValue("FLOOD_BATCH") : 1;
        QByteArray buffer;
        int sent = 0;
        QElapsedTimer deadline;
        deadline.start();
        while (answered < m_total) {
            if (deadline.elapsed() > 120000) {
                error = QStringLiteral("gave up after 120 s with %1 answers").arg(answered.load());
                return;
            }
            const int n = std::min(batch, m_total - sent);
            for (int i = 0; i < n; ++i)
                socket.write(request);
            sent += n;
            int expected = answered + n;
            while (answered < expected) {
                if (!parseOne(buffer)) {
                    if (!socket.waitForReadyRead(10000)) {
                        error = QStringLiteral("no answer: %1").arg(socket.errorString());
                        return;
                    }
                    buffer += socket.readAll();
                    continue;
                }
                ++answered;
            }
        }
    }

private:
    // Removes one complete response from `buffer`; false when it is not all there yet.
    static bool parseOne(QByteArray& buffer)
    {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        qsizetype length = 0;
        const QByteArray head = buffer.left(end).toLower();
        const qsizetype cl = head.indexOf("content-length:");
        if (cl >= 0) {
            const qsizetype eol = head.indexOf("\r\n", cl);
            length = head.mid(cl + 15, (eol < 0 ? head.size() : eol) - cl - 15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return false;
        buffer.remove(0, end + 4 + length);
        return true;
    }

    quint16 m_port;
    int m_total;
};

} // namespace

class TestRequestLogStress : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void floodKeepsGuiResponsive();
};

void TestRequestLogStress::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_requestlogstress"));
    QSettings().clear();
}

void TestRequestLogStress::floodKeepsGuiResponsive()
{
    constexpr int total = 20000;
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    w.openDefinition(DefinitionLoader::bundledExamplePath(), true);
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY(w.service()->isRunning());
    RequestLogModel* model = w.requestLog()->model();
    model->setMaximumRows(5000); // below the request count, so the cap is exercised too

    // A 10 ms heartbeat: the largest gap between beats is the worst event-loop stall the user would feel.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 worst = 0;
    qint64 beats = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    connect(&heartbeat, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        if (beats++ > 0)
            worst = std::max(worst, now - last);
        last = now;
    });
    heartbeat.start();

    FloodThread flood(w.service()->port(), total);
    QElapsedTimer floodTime;
    floodTime.start();
    flood.start();
    QTRY_VERIFY_WITH_TIMEOUT(flood.isFinished(), 150000);
    const qint64 floodMs = floodTime.elapsed();
    QVERIFY2(flood.error.isEmpty(), qPrintable(flood.error));
    QCOMPARE(flood.answered.load(), total);
    QTRY_COMPARE_WITH_TIMEOUT(quint64(model->rowCount()) + model->droppedCount(), quint64(total), 30000);
    heartbeat.stop();

    QCOMPARE(model->rowCount(), 5000);
    qInfo("%d requests in %lld ms (%.0f req/s); GUI heartbeat worst gap %lld ms over %lld beats", total, floodMs,
        total * 1000.0 / double(std::max<qint64>(1, floodMs)), worst, beats);
    // Generous: the point is "never frozen", not a benchmark.
    QVERIFY2(worst < 500, qPrintable(QStringLiteral("GUI stalled for %1 ms").arg(worst)));
}

QTEST_MAIN(TestRequestLogStress)
#include "tst_requestlogstress.moc"
