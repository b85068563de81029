// SPDX-License-Identifier: MIT
// The binary with --stateful --state-file: state survives a restart and a kill -9 in the middle of writes.
#include <csignal>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "httpclient.h"
#include "testutils.h"

namespace {

struct Running
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    quint16 port = 0;
    QString out;

    Running() = default;
    Running(Running&&) = default;
    ~Running()
    {
        // A failed check must not leave the mock running.
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
};

Running start(const QStringList& extra)
{
    Running r;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    r.process->setProcessEnvironment(env);
    r.process->start(QStringLiteral(UNDERSTUDY_BINARY),
        QStringList {
            QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--stateful") }
            + extra);
    if (!r.process->waitForStarted())
        return r;
    const QRegularExpression re(QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+))"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        r.process->waitForReadyRead(100);
        r.out += QString::fromUtf8(r.process->readAllStandardOutput());
        const QRegularExpressionMatch m = re.match(r.out);
        if (m.hasMatch()) {
            r.port = m.captured(1).toUShort();
            break;
        }
    }
    return r;
}

TestHttp::RawResponse send(
    quint16 port, const QByteArray& method, const QByteArray& target, const QByteArray& body = {})
{
    QByteArray headers = "Authorization: Bearer t\r\n";
    if (!body.isEmpty())
        headers += "Content-Type: application/json\r\n";
    return TestHttp::roundTrip(port, TestHttp::request(method, target, headers, body));
}

QByteArray book(int n)
{
    return R"({"isbn":"978-0-261-10221-7","title":"Book )" + QByteArray::number(n) + R"(","authorId":3})";
}

int bookCount(quint16 port)
{
    const TestHttp::RawResponse r = send(port, "GET", "/v1/books?limit=100");
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("total")).toInt(-1);
}

} // namespace

class TestStatefulCli : public QObject
{
    Q_OBJECT

private slots:
    void survivesRestart();
    void survivesKillDuringWrites();
    void unreadableStateFileRefusesToStart();
    void seedItemsMustBeANumber();
};

void TestStatefulCli::survivesRestart()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("state.json"));
    {
        Running mock = start({ QStringLiteral("--state-file"), file });
        QVERIFY2(mock.port, qPrintable(mock.out));
        QTRY_VERIFY2_WITH_TIMEOUT((mock.out += QString::fromUtf8(mock.process->readAllStandardOutput()))
                                      .contains(QStringLiteral("Stateful: 3 collection(s): books, authors, loans")),
            qPrintable(mock.out), 5000);
        const TestHttp::RawResponse created = send(mock.port, "POST", "/v1/books", book(1));
        QCOMPARE(created.status, 201);
        QCOMPARE(send(mock.port, "POST", "/__understudy/state/reset").status, 200);
        QTRY_VERIFY_WITH_TIMEOUT((mock.out += QString::fromUtf8(mock.process->readAllStandardOutput()))
                                     .contains(QStringLiteral("State reset to the seed")),
            5000);
        QCOMPARE(send(mock.port, "POST", "/v1/books", book(2)).status, 201);
        ::kill(pid_t(mock.process->processId()), SIGTERM);
        QVERIFY(mock.process->waitForFinished(5000));
        QCOMPARE(mock.process->exitCode(), 0);
    }
    {
        Running mock = start({ QStringLiteral("--state-file"), file });
        QVERIFY2(mock.port, qPrintable(mock.out));
        const TestHttp::RawResponse got = send(mock.port, "GET", "/v1/books/43");
        QCOMPARE(got.status, 200);
        QCOMPARE(QJsonDocument::fromJson(got.body).object().value(QStringLiteral("title")).toString(),
            QStringLiteral("Book 2"));
        QCOMPARE(bookCount(mock.port), 4);
        ::kill(pid_t(mock.process->processId()), SIGTERM);
        QVERIFY(mock.process->waitForFinished(5000));
    }
}

void TestStatefulCli::survivesKillDuringWrites()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("state.json"));
    Running mock = start({ QStringLiteral("--state-file"), file });
    QVERIFY2(mock.port, qPrintable(mock.out));
    // POST for a while so that the once-a-second writer runs at least once mid-burst, then kill -9 without warning.
    QElapsedTimer timer;
    timer.start();
    int n = 0;
    while (timer.elapsed() < 1600)
        QCOMPARE(send(mock.port, "POST", "/v1/books", book(++n)).status, 201);
    ::kill(pid_t(mock.process->processId()), SIGKILL);
    QVERIFY(mock.process->waitForFinished(5000));
    QCOMPARE(mock.process->exitStatus(), QProcess::CrashExit);

    // The file is whole (the last atomic write), never half of one.
    const QByteArray saved = TestUtils::readFile(file);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(saved, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const int savedBooks = doc.object()
                               .value(QStringLiteral("collections"))
                               .toObject()
                               .value(QStringLiteral("books"))
                               .toObject()
                               .value(QStringLiteral("items"))
                               .toArray()
                               .size();
    QVERIFY2(savedBooks > 3 && savedBooks <= 3 + n, qPrintable(QString::number(savedBooks)));
    for (const QString& name : QDir(dir.path()).entryList(QDir::Files))
        QVERIFY2(name == QLatin1String("state.json") || name.startsWith(QLatin1String("state.json.")),
            qPrintable(name)); // at most QSaveFile's temporary next to it

    Running again = start({ QStringLiteral("--state-file"), file });
    QVERIFY2(again.port, qPrintable(again.out));
    QCOMPARE(bookCount(again.port), savedBooks);
    ::kill(pid_t(again.process->processId()), SIGTERM);
    QVERIFY(again.process->waitForFinished(5000));
}

void TestStatefulCli::unreadableStateFileRefusesToStart()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("state.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{ not json");
    f.close();
    QProcess process;
    process.start(QStringLiteral(UNDERSTUDY_BINARY),
        { QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--stateful"),
            QStringLiteral("--state-file"), file });
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(QStringLiteral("cannot read the state file")));
    QCOMPARE(TestUtils::readFile(file), QByteArray("{ not json"));
}

void TestStatefulCli::seedItemsMustBeANumber()
{
    QProcess process;
    process.start(QStringLiteral(UNDERSTUDY_BINARY),
        { QStringLiteral("--headless"), QStringLiteral("--stateful"), QStringLiteral("--seed-items"),
            QStringLiteral("many") });
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains(QStringLiteral("--seed-items")));
}

QTEST_GUILESS_MAIN(TestStatefulCli)
#include "tst_statefulcli.moc"
