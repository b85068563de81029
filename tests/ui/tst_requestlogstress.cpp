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
    // `connection` (when >= 0) goes into every request's query with the request's number: ?c=<connection>&n=<i>.
    FloodThread(quint16 port, int total, int connection = -1)
        : m_port(port)
        , m_total(total)
        , m_connection(connection)
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
                socket.write(m_connection < 0 ? request
                                              : "GET /v1/health?c=" + QByteArray::number(m_connection)
                            + "&n=" + QByteArray::number(sent + i) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
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
    int m_connection;
};

// The largest gap between the beats of a 10 ms timer: the worst event-loop stall the user would feel.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_clock.start();
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            if (m_beats++ > 0)
                m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
        m_timer.start();
    }
    qint64 worst() const
    {
        return m_worst;
    }
    qint64 beats() const
    {
        return m_beats;
    }

private:
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    qint64 m_beats = 0;
};

} // namespace

class TestRequestLogStress : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void floodKeepsGuiResponsive();
    void severalThreadsKeepEachConnectionInOrder();
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

void TestRequestLogStress::severalThreadsKeepEachConnectionInOrder()
{
    constexpr int connections = 6;
    constexpr int perConnection = 1500;
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.service()->setThreads(4);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    w.openDefinition(DefinitionLoader::bundledExamplePath(), true);
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY(w.service()->isRunning());
    QCOMPARE(w.service()->servingThreads(), 4);
    RequestLogModel* model = w.requestLog()->model();
    model->setMaximumRows(connections * perConnection);

    Heartbeat heartbeat;
    std::vector<std::unique_ptr<FloodThread>> floods;
    for (int c = 0; c < connections; ++c) {
        floods.push_back(std::make_unique<FloodThread>(w.service()->port(), perConnection, c));
        floods.back()->start();
    }
    for (auto& flood : floods) {
        QTRY_VERIFY_WITH_TIMEOUT(flood->isFinished(), 150000);
        QVERIFY2(flood->error.isEmpty(), qPrintable(flood->error));
        QCOMPARE(flood->answered.load(), perConnection);
    }
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), connections * perConnection, 30000);
    QCOMPARE(model->droppedCount(), quint64(0));

    // Nothing lost, nothing twice, and each connection's requests in the order it sent them.
    std::vector<int> next(connections, 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        const RequestLogEntry* entry = model->entry(row);
        QVERIFY(entry);
        const QList<QByteArray> query = entry->query.split('&');
        QCOMPARE(query.size(), 2);
        const int c = query.at(0).mid(2).toInt();
        const int n = query.at(1).mid(2).toInt();
        QVERIFY(c >= 0 && c < connections);
        QCOMPARE(n, next[size_t(c)]);
        ++next[size_t(c)];
    }
    qInfo("%d requests over %d connections on 4 serving threads; GUI heartbeat worst gap %lld ms over %lld beats",
        connections * perConnection, connections, heartbeat.worst(), heartbeat.beats());
    QVERIFY2(heartbeat.worst() < 500, qPrintable(QStringLiteral("GUI stalled for %1 ms").arg(heartbeat.worst())));
}

QTEST_MAIN(TestRequestLogStress)
#include "tst_requestlogstress.moc"
