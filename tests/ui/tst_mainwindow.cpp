// SPDX-License-Identifier: MIT
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

#include "core/definition/definitionloader.h"
#include "core/engine/definitionwatcher.h"
#include "core/engine/mockserver.h"
#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "core/state/statefile.h"
#include "ui/models/forcedsettings.h"
#include "ui/models/operationsfiltermodel.h"
#include "ui/models/operationsmodel.h"
#include "ui/models/requestdraft.h"
#include "ui/models/requestlogfiltermodel.h"
#include "ui/models/requestlogmodel.h"
#include "ui/widgets/diagnosticsview.h"
#include "ui/widgets/forcedresponsepanel.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/operationdetailsview.h"
#include "ui/widgets/operationpage.h"
#include "ui/widgets/operationsbrowser.h"
#include "ui/widgets/proxybar.h"
#include "ui/widgets/requestlogview.h"
#include "ui/widgets/serverbar.h"
#include "ui/widgets/settingsdialog.h"
#include "ui/widgets/tryitpanel.h"
#include "uitestutils.h"

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
};

Reply get(const QUrl& url)
{
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    Reply r { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
    reply->deleteLater();
    return r;
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

const QByteArray tinySpec = R"(openapi: 3.0.3
info: {title: Tiny, version: "2.0"}
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200':
          description: pong
          content:
            application/json:
              example: {pong: true}
)";

// Sends a GET over an already open keep-alive connection and returns the response body (empty on failure).
QByteArray getOnSocket(QTcpSocket& socket, const QByteArray& path)
{
    socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && socket.state() == QAbstractSocket::ConnectedState) {
        if (!socket.waitForReadyRead(100))
            continue;
        data += socket.readAll();
        const qsizetype headerEnd = data.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            continue;
        qsizetype length = 0;
        for (const QByteArray& line : data.left(headerEnd).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (data.size() >= headerEnd + 4 + length)
            return data.mid(headerEnd + 4, length);
    }
    return {};
}

// Waits for the next live reload of `w`; returns its outcome, or nullopt-like -1 when none came.
int waitForLiveReload(QSignalSpy& spy, int timeoutMs = 10000)
{
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        return -1;
    return spy.takeFirst().first().toBool() ? 1 : 0;
}

// A ping operation with two answers, and a second operation that a later edit removes.
QByteArray forcingSpec(bool withGone)
{
    QByteArray spec = R"(openapi: 3.0.3
info: {title: Forcing, version: "1"}
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200': {description: pong, content: {application/json: {example: {pong: true}}}}
        '404': {description: missing, content: {application/json: {example: {missing: true}}}}
)";
    if (withGone)
        spec += R"(  /gone:
    get:
      operationId: gone
      responses:
        '500': {description: boom, content: {application/json: {example: {boom: true}}}}
)";
    return spec;
}

// Opens `path` and waits for the load to finish; returns whether it succeeded.
bool openAndWait(MainWindow& w, const QString& path, bool autoStart = false)
{
    QSignalSpy done(&w, &MainWindow::loadFinished);
    w.openDefinition(path, autoStart);
    if (!done.wait(20000))
        return false;
    return done.last().first().toBool();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void opensBundledExample();
    void stateFileKeptFromTheMenu();
    void serverRoundTripShowsLogDetails();
    void forcingPanelChangesNextResponse();
    void copyUrlToClipboard();
    void logStaysCapped();
    void portTakenOffersFreePort();
    void failedReloadKeepsDefinition();
    void fatalErrorExplainsItself();
    void staleLoadIsDiscarded();
    void redoclyOffKeepsServerStopped();
    void definitionWithoutOperations();
    void deletedDefinitionIsReported();
    void settingsPersist();
    void tryItSendsToTheMock();
    void dropOpensFile();
    void liveReloadServesEditOnSamePort();
    void brokenLiveEditKeepsServing();
    void referencedFileEditReloads();
    void configEditReloads();
    void forcedStatusSurvivesReload();
    void watchToggleOffSkipsReload();
    void settingsDialogAppliesToWindow();
    void outsideFilesAreOfferedAndRemembered();
    void problemsPaneOpensOnlyForErrors();
    void otherBrokenFileSaysWhatServes();
    void fixedBrokenFileAutoStarts();
    void statusIndicatorStaysBesideMessages();
    void quitClosesEveryWindow();
    void everyMenuEntryHasAnAccelerator();
    void closingAMenuReturnsFocus();
    void logWorkbench();
    void firstRunSuggestsA2xx();
    void filterKeepsTheSelectedOperation();
    void brokenOperationSaysWhatIsBroken();
    void splittersAreWideAndRemembered();
    void layoutFits_data();
    void layoutFits();
    void firstRunFitsTheScreen();
    void logColumnsFitTheirContent();
    void servingThreadsSetting();
    void commandLineHttpsAndProxy();
    void screenshots();
    void githubScreenshots_data();
    void githubScreenshots();

private:
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::opensBundledExample()
{
    MainWindow w;
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath()));
    QVERIFY2(w.windowTitle().startsWith(QLatin1String("Bookshelf API 1.4.0")), qPrintable(w.windowTitle()));
    QVERIFY(w.windowTitle().endsWith(QStringLiteral("— Understudy")));
    const QStringList tree = UiTestUtils::dumpModel(*w.operationsBrowser()->filterModel());
    QVERIFY2(tree.contains(QStringLiteral("books")) && tree.contains(QStringLiteral("  GET /books"))
            && tree.contains(QStringLiteral("Other")) && tree.contains(QStringLiteral("  GET /health")),
        qPrintable(tree.join(QLatin1Char('\n'))));
    // Filtering via the line edit narrows the tree.
    w.operationsBrowser()->filterEdit()->setText(QStringLiteral("delete"));
    QCOMPARE(UiTestUtils::dumpModel(*w.operationsBrowser()->filterModel()),
        (QStringList { QStringLiteral("books"), QStringLiteral("  DELETE /books/{bookId}") }));
    // The server was not started (autoStart false) and says so.
    QVERIFY(!w.service()->isRunning());
    QVERIFY(w.serverStatusText().contains(QLatin1String("Stopped")));
}

void TestMainWindow::serverRoundTripShowsLogDetails()
{
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    const QUrl base = w.service()->url();
    QCOMPARE(w.urlField()->text(), base.toString());
    QVERIFY(w.serverStatusText().contains(base.toString()));

    const Reply r = get(QUrl(base.toString() + QStringLiteral("/v1/books")));
    QCOMPARE(r.status, 200);
    RequestLogView* log = w.requestLog();
    QTRY_COMPARE(log->filterModel()->rowCount(), 1);
    const QModelIndex status = log->filterModel()->index(0, RequestLogModel::StatusColumn);
    QCOMPARE(status.data().toInt(), 200);
    QCOMPARE(
        log->filterModel()->index(0, RequestLogModel::OperationColumn).data().toString(), QStringLiteral("listBooks"));
    log->selectRow(0);
    QCOMPARE(log->selectedEntry().operationId, QStringLiteral("listBooks"));
    const QString response = log->detailsText(0);
    QVERIFY2(response.startsWith(QLatin1String("HTTP/1.1 200")), qPrintable(response));
    // The body is pretty-printed JSON, so a received value appears in it.
    const QJsonDocument body = QJsonDocument::fromJson(r.body);
    QVERIFY(!body.isNull());
    QVERIFY(response.contains(QString::fromUtf8(body.toJson(QJsonDocument::Indented)).trimmed().left(40)));
    QVERIFY(log->detailsText(1).startsWith(QLatin1String("GET /v1/books HTTP/1.1")));
    QVERIFY(!log->detailsText(3).isEmpty());

    // The curl command for the selected operation targets the running mock.
    w.operationsBrowser()->selectOperation(QStringLiteral("listBooks"));
    const auto* curl = w.findChild<QLineEdit*>(QStringLiteral("curlField"));
    QVERIFY(curl->text().startsWith(QStringLiteral("curl '%1/v1/books").arg(base.toString())));
}

void TestMainWindow::forcingPanelChangesNextResponse()
{
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    const QString url = w.service()->url().toString() + QStringLiteral("/v1/books/1");
    QCOMPARE(get(QUrl(url)).status, 200);

    w.operationsBrowser()->selectOperation(QStringLiteral("getBook"));
    QComboBox* status = w.forcingPanel()->statusCombo();
    QVERIFY(status->isEnabled());
    const int index404 = status->findData(404);
    QVERIFY(index404 > 0);
    status->setCurrentIndex(index404);
    emit status->activated(index404);

    QCOMPARE(w.service()->forcedResponses()->lookup(QStringLiteral("getBook")).status, 404);
    QCOMPARE(get(QUrl(url)).status, 404);
    const QModelIndex op = w.operationsBrowser()->model()->indexOfOperation(QStringLiteral("getBook"));
    QCOMPARE(op.data(OperationsModel::ForcedTextRole).toString(), QStringLiteral("forced 404"));
    // The log marks the forced answer.
    QTRY_COMPARE(w.requestLog()->model()->rowCount(), 2);
    QVERIFY(w.requestLog()->model()->entry(1)->forced);

    // Persisted per definition and restored on the next open.
    QSettings settings;
    QCOMPARE(
        ForcedSettings::load(settings, DefinitionLoader::bundledExamplePath()).value(QStringLiteral("getBook")).status,
        404);
    {
        MainWindow again;
        QVERIFY(openAndWait(again, DefinitionLoader::bundledExamplePath()));
        QCOMPARE(again.service()->forcedResponses()->lookup(QStringLiteral("getBook")).status, 404);
    }

    // Back to automatic: the next request is answered normally again.
    status->setCurrentIndex(0);
    emit status->activated(0);
    QCOMPARE(w.service()->forcedResponses()->lookup(QStringLiteral("getBook")).status, 0);
    QCOMPARE(get(QUrl(url)).status, 200);
    QVERIFY(op.data(OperationsModel::ForcedTextRole).toString().isEmpty());
}

void TestMainWindow::copyUrlToClipboard()
{
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    QAction* copy = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
        if (a->text().remove(QLatin1Char('&')) == QLatin1String("Copy URL"))
            copy = a;
    QVERIFY(copy && copy->isEnabled());
    QApplication::clipboard()->clear();
    copy->trigger();
    QCOMPARE(QApplication::clipboard()->text(), w.service()->url().toString());
}

void TestMainWindow::logStaysCapped()
{
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    RequestLogModel* model = w.requestLog()->model();
    model->setMaximumRows(25);
    const QUrl url(w.service()->url().toString() + QStringLiteral("/v1/health"));
    QNetworkAccessManager nam;
    int finished = 0;
    for (int i = 0; i < 60; ++i) {
        QNetworkReply* reply = nam.get(QNetworkRequest(url));
        connect(reply, &QNetworkReply::finished, reply, [&finished, reply] {
            ++finished;
            reply->deleteLater();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, 60, 20000);
    QTRY_COMPARE(int(model->droppedCount()) + model->rowCount(), 60);
    QCOMPARE(model->rowCount(), 25);
    // The newest entries are kept, in order.
    for (int r = 1; r < model->rowCount(); ++r)
        QVERIFY(model->entry(r - 1)->id < model->entry(r)->id);
}

void TestMainWindow::portTakenOffersFreePort()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), squatter.serverPort());
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QVERIFY(!w.service()->isRunning());
    QVERIFY2(w.serverStatusText().contains(QLatin1String("already in use")), qPrintable(w.serverStatusText()));
    QVERIFY(w.banner()->isVisible());
    QVERIFY(w.banner()->text().contains(QString::number(squatter.serverPort())));
    QToolButton* usePort = nullptr;
    for (QToolButton* b : w.banner()->findChildren<QToolButton*>())
        if (b->text().startsWith(QLatin1String("Use port")))
            usePort = b;
    QVERIFY(usePort);
    usePort->click();
    QVERIFY(w.service()->isRunning());
    QVERIFY(w.service()->port() != squatter.serverPort());
    QCOMPARE(w.portSpin()->value(), int(w.service()->port()));
}

void TestMainWindow::failedReloadKeepsDefinition()
{
    const QString path = m_dir.filePath(QStringLiteral("reload.yaml"));
    writeFile(path, tinySpec);
    MainWindow w;
    w.show();
    QVERIFY(openAndWait(w, path));
    const DefinitionPtr before = w.definition();
    QCOMPARE(before->title, QStringLiteral("Tiny"));
    writeFile(path, "openapi: 3.0.3\ninfo: [unclosed\n");
    QSignalSpy done(&w, &MainWindow::loadFinished);
    w.openDefinition(path, false);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.last().first().toBool(), false);
    QCOMPARE(w.definition(), before);
    QCOMPARE(w.windowTitle(), QStringLiteral("Tiny 2.0 — Understudy"));
    QVERIFY(w.banner()->isVisible());
    QCOMPARE(w.banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY(w.banner()->text().contains(QLatin1String("still serving the previous version")));
    QVERIFY(w.diagnosticsView()->errorCount() > 0);
}

void TestMainWindow::fatalErrorExplainsItself()
{
    MainWindow w;
    w.show();
    QVERIFY(!openAndWait(w, m_dir.filePath(QStringLiteral("does-not-exist.yaml"))));
    QVERIFY(!w.definition());
    auto* stack = w.findChild<QStackedWidget*>();
    QCOMPARE(stack->currentIndex(), 0);
    bool explained = false;
    for (QLabel* l : stack->currentWidget()->findChildren<QLabel*>())
        explained = explained || l->text().contains(QLatin1String("Could not open does-not-exist.yaml"));
    QVERIFY(explained);
    QVERIFY(w.diagnosticsView()->errorCount() > 0);
    QVERIFY(w.diagnosticsView()->isVisibleTo(&w));
    QVERIFY(w.serverStatusText().contains(QLatin1String("could not be loaded")));
}

void TestMainWindow::staleLoadIsDiscarded()
{
    const QString first = m_dir.filePath(QStringLiteral("first.yaml"));
    const QString second = m_dir.filePath(QStringLiteral("second.yaml"));
    writeFile(first, QByteArray(tinySpec).replace("Tiny", "First"));
    writeFile(second, QByteArray(tinySpec).replace("Tiny", "Second"));
    MainWindow w;
    QSignalSpy done(&w, &MainWindow::loadFinished);
    w.openDefinition(first, false);
    w.openDefinition(second, false);
    QVERIFY(done.wait(10000));
    QTest::qWait(200); // give the first job every chance to (wrongly) land
    QCOMPARE(done.count(), 1);
    QCOMPARE(w.definition()->title, QStringLiteral("Second"));
}

void TestMainWindow::redoclyOffKeepsServerStopped()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("api.yaml")), tinySpec);
    writeFile(dir.filePath(QStringLiteral("redocly.yaml")), "mockServer:\n  off: true\n");
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, dir.filePath(QStringLiteral("api.yaml")), true));
    QVERIFY(!w.service()->isRunning());
    QVERIFY2(
        w.serverStatusText().contains(QLatin1String("turned off by redocly.yaml")), qPrintable(w.serverStatusText()));
    QVERIFY(w.banner()->text().contains(QLatin1String("mockServer.off: true")));
}

void TestMainWindow::definitionWithoutOperations()
{
    const QString path = m_dir.filePath(QStringLiteral("empty.yaml"));
    writeFile(path, "openapi: 3.0.3\ninfo: {title: Empty, version: '0'}\npaths: {}\n");
    MainWindow w;
    w.show();
    QVERIFY(openAndWait(w, path));
    QCOMPARE(w.operationsBrowser()->model()->rowCount(), 0);
    QVERIFY(!w.operationsBrowser()->view()->isVisibleTo(&w));
    bool explained = false;
    for (QLabel* l : w.operationsBrowser()->findChildren<QLabel*>())
        explained = explained || (l->isVisibleTo(&w) && l->text().contains(QLatin1String("no operations")));
    QVERIFY(explained);
}

void TestMainWindow::deletedDefinitionIsReported()
{
    const QString path = m_dir.filePath(QStringLiteral("doomed.yaml"));
    writeFile(path, tinySpec);
    MainWindow w;
    w.show();
    QVERIFY(openAndWait(w, path));
    QVERIFY(QFile::remove(path));
    QTRY_VERIFY_WITH_TIMEOUT(
        w.banner()->isVisible() && w.banner()->text().contains(QLatin1String("was deleted")), 5000);
    QVERIFY(w.definition()); // still serving
}

void TestMainWindow::settingsPersist()
{
    const QString path = m_dir.filePath(QStringLiteral("persist.yaml"));
    writeFile(path, tinySpec);
    {
        MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, path));
        w.portSpin()->setValue(4999);
        auto* host = w.findChild<QComboBox*>(QStringLiteral("hostCombo"));
        host->setCurrentIndex(host->findData(QStringLiteral("0.0.0.0")));
        w.resize(1111, 777);
        w.close();
    }
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("files/recent")).toStringList().value(0), path);
    QCOMPARE(settings.value(QStringLiteral("files/lastFolder")).toString(), m_dir.path());
    MainWindow again;
    QCOMPARE(again.portSpin()->value(), 4999);
    QCOMPARE(
        again.findChild<QComboBox*>(QStringLiteral("hostCombo"))->currentData().toString(), QStringLiteral("0.0.0.0"));
    QCOMPARE(again.size(), QSize(1111, 777));
    bool listed = false;
    for (QAction* a : again.findChildren<QAction*>())
        listed = listed || a->toolTip() == path;
    QVERIFY(listed);
}

void TestMainWindow::tryItSendsToTheMock()
{
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    w.operationsBrowser()->selectOperation(QStringLiteral("getBook"));
    QCOMPARE(w.tryItPanel()->operationId(), QStringLiteral("getBook"));
    w.detailsTabs()->setCurrentWidget(w.tryItPanel());
    QSignalSpy answered(w.tryItPanel(), &TryItPanel::responseReceived);
    w.tryItPanel()->send();
    QVERIFY(answered.wait(10000));
    QCOMPARE(answered.first().first().toInt(), 200);
    // The console's request shows up in the log like any other client's.
    QTRY_COMPARE(w.requestLog()->model()->rowCount(), 1);
    QCOMPARE(w.requestLog()->model()->entry(0)->operationId, QStringLiteral("getBook"));
    // Stopping the mock reaches the console too.
    w.stopServer();
    QVERIFY(!w.service()->isRunning());
}

void TestMainWindow::dropOpensFile()
{
    const QString path = m_dir.filePath(QStringLiteral("dropped.yaml"));
    writeFile(path, QByteArray(tinySpec).replace("Tiny", "Dropped"));
    MainWindow w;
    w.show();
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy done(&w, &MainWindow::loadFinished);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QVERIFY(done.wait(10000));
    QCOMPARE(w.definition()->title, QStringLiteral("Dropped"));
}

void TestMainWindow::liveReloadServesEditOnSamePort()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("api.yaml"));
    writeFile(path, tinySpec);
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, path, true));
    QVERIFY(w.service()->isRunning());
    QVERIFY(w.isWatchEnabled());
    QVERIFY(w.fileWatcher()->watchedFiles().contains(path));
    const quint16 port = w.service()->port();
    w.operationsBrowser()->selectOperation(QStringLiteral("ping"));

    // A client keeps its connection open across the reload.
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    QCOMPARE(QJsonDocument::fromJson(getOnSocket(client, "/ping"))[QStringLiteral("pong")], QJsonValue(true));

    QSignalSpy reloads(&w, &MainWindow::liveReloadFinished);
    QSignalSpy loads(&w, &MainWindow::loadFinished);
    QElapsedTimer timer;
    timer.start();
    writeFile(path, QByteArray(tinySpec).replace("pong: true", "pong: false, edited: 1").replace("Tiny", "Edited"));
    QCOMPARE(waitForLiveReload(reloads), 1);
    const QByteArray body = getOnSocket(client, "/ping");
    const qint64 editToAnswerMs = timer.elapsed();
    qInfo("edit -> new answer on the same connection: %lld ms", editToAnswerMs);
    QCOMPARE(QJsonDocument::fromJson(body)[QStringLiteral("edited")], QJsonValue(1));
    QVERIFY(editToAnswerMs < 10000);

    // Same server, same port, no restart; the window follows the new definition and keeps the selection.
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    QVERIFY(w.service()->isRunning());
    QCOMPARE(w.service()->port(), port);
    QCOMPARE(w.definition()->title, QStringLiteral("Edited"));
    QCOMPARE(w.windowTitle(), QStringLiteral("Edited 2.0 — Understudy"));
    QCOMPARE(w.operationsBrowser()->selectedOperation(), QStringLiteral("ping"));
    QCOMPARE(loads.count(), 0); // the live path, not a second open
    QCOMPARE(get(QUrl(w.service()->url().toString() + QStringLiteral("/ping"))).status, 200);
}

void TestMainWindow::brokenLiveEditKeepsServing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("api.yaml"));
    writeFile(path, tinySpec);
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, path, true));
    const DefinitionPtr before = w.definition();
    const QUrl url(w.service()->url().toString() + QStringLiteral("/ping"));

    QSignalSpy reloads(&w, &MainWindow::liveReloadFinished);
    writeFile(path, "openapi: 3.0.3\ninfo: [unclosed\n");
    QCOMPARE(waitForLiveReload(reloads), 0);
    QCOMPARE(w.definition(), before);
    QCOMPARE(w.service()->definition(), before);
    const Reply old = get(url);
    QCOMPARE(old.status, 200);
    QCOMPARE(QJsonDocument::fromJson(old.body)[QStringLiteral("pong")], QJsonValue(true));
    QVERIFY(w.banner()->isVisible());
    QCOMPARE(w.banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY2(w.banner()->text().contains(QLatin1String("still serving the previous version")),
        qPrintable(w.banner()->text()));
    QVERIFY(w.diagnosticsView()->errorCount() > 0);
    QVERIFY(w.diagnosticsView()->isVisibleTo(&w));

    // Fixing the file brings the new version in and clears the error.
    writeFile(path, QByteArray(tinySpec).replace("pong: true", "pong: false"));
    QCOMPARE(waitForLiveReload(reloads), 1);
    QCOMPARE(QJsonDocument::fromJson(get(url).body)[QStringLiteral("pong")], QJsonValue(false));
    QVERIFY(!w.banner()->isVisible());
    QCOMPARE(w.diagnosticsView()->errorCount(), 0);
}

void TestMainWindow::referencedFileEditReloads()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("api.yaml"));
    const QString responses = dir.filePath(QStringLiteral("responses.yaml"));
    writeFile(path, R"(openapi: 3.0.3
info: {title: Refs, version: "1"}
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200': {$ref: 'responses.yaml#/Pong'}
)");
    writeFile(responses, "Pong:\n  description: pong\n  content:\n    application/json:\n      example: {pong: 1}\n");
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, path, true));
    QVERIFY2(
        w.fileWatcher()->watchedFiles().contains(responses), qPrintable(w.fileWatcher()->watchedFiles().join(u' ')));
    const QUrl url(w.service()->url().toString() + QStringLiteral("/ping"));
    QCOMPARE(QJsonDocument::fromJson(get(url).body)[QStringLiteral("pong")], QJsonValue(1));

    QSignalSpy reloads(&w, &MainWindow::liveReloadFinished);
    writeFile(responses, "Pong:\n  description: pong\n  content:\n    application/json:\n      example: {pong: 2}\n");
    QCOMPARE(waitForLiveReload(reloads), 1);
    QCOMPARE(QJsonDocument::fromJson(get(url).body)[QStringLiteral("pong")], QJsonValue(2));

    // A save by rename (write a temporary file, move it over the original) is followed too.
    const QString temporary = dir.filePath(QStringLiteral(".responses.yaml.tmp"));
    writeFile(temporary, "Pong:\n  description: pong\n  content:\n    application/json:\n      example: {pong: 3}\n");
    QVERIFY(QFile::remove(responses));
    QVERIFY(QFile::rename(temporary, responses));
    QCOMPARE(waitForLiveReload(reloads), 1);
    QCOMPARE(QJsonDocument::fromJson(get(url).body)[QStringLiteral("pong")], QJsonValue(3));
}

void TestMainWindow::configEditReloads()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("api.yaml"));
    const QString config = dir.filePath(QStringLiteral("redocly.yaml"));
    writeFile(path, tinySpec);
    writeFile(config, "mockServer:\n  off: false\n");
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, path, true));
    QVERIFY(w.service()->isRunning());
    QVERIFY(w.fileWatcher()->watchedFiles().contains(config));

    QSignalSpy reloads(&w, &MainWindow::liveReloadFinished);
    writeFile(config, "mockServer:\n  off: true\n");
    QCOMPARE(waitForLiveReload(reloads), 1);
    QVERIFY(w.service()->config().off);
    QVERIFY(!w.service()->isRunning());
    QVERIFY2(
        w.serverStatusText().contains(QLatin1String("turned off by redocly.yaml")), qPrintable(w.serverStatusText()));
}

void TestMainWindow::forcedStatusSurvivesReload()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("api.yaml"));
    writeFile(path, forcingSpec(true));
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, path, true));
    const auto force = [&w](const QString& operationId, int status) {
        w.operationsBrowser()->selectOperation(operationId);
        QComboBox* combo = w.forcingPanel()->statusCombo();
        const int index = combo->findData(status);
        QVERIFY(index > 0);
        combo->setCurrentIndex(index);
        emit combo->activated(index);
    };
    force(QStringLiteral("gone"), 500);
    force(QStringLiteral("ping"), 404);
    const QUrl url(w.service()->url().toString() + QStringLiteral("/ping"));
    QCOMPARE(get(url).status, 404);

    QSignalSpy reloads(&w, &MainWindow::liveReloadFinished);
    writeFile(path, forcingSpec(false));
    QCOMPARE(waitForLiveReload(reloads), 1);
    QVERIFY(!w.definition()->operation(QStringLiteral("gone")));
    // ping is still forced (in the store, the panel and the tree); gone is dropped from the store.
    QCOMPARE(w.service()->forcedResponses()->lookup(QStringLiteral("ping")).status, 404);
    QVERIFY(w.service()->forcedResponses()->lookup(QStringLiteral("gone")).isEmpty());
    QCOMPARE(w.service()->forcedResponses()->all().size(), 1);
    QCOMPARE(get(url).status, 404);
    QCOMPARE(w.operationsBrowser()->selectedOperation(), QStringLiteral("ping"));
    QCOMPARE(w.forcingPanel()->statusCombo()->currentData().toInt(), 404);
    const QModelIndex op = w.operationsBrowser()->model()->indexOfOperation(QStringLiteral("ping"));
    QCOMPARE(op.data(OperationsModel::ForcedTextRole).toString(), QStringLiteral("forced 404"));
}

void TestMainWindow::watchToggleOffSkipsReload()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("api.yaml"));
    writeFile(path, tinySpec);
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, path, true));
    const QUrl url(w.service()->url().toString() + QStringLiteral("/ping"));
    QAction* watch = w.watchAction();
    QVERIFY(watch->isCheckable() && watch->isChecked());
    bool onToolbar = false;
    for (QToolButton* b : w.findChildren<QToolButton*>())
        onToolbar = onToolbar || b->defaultAction() == watch;
    QVERIFY(onToolbar);

    watch->trigger();
    QVERIFY(!w.isWatchEnabled());
    QCOMPARE(QSettings().value(QStringLiteral("files/watch")).toBool(), false);
    {
        MainWindow other; // the choice is remembered
        QVERIFY(!other.isWatchEnabled());
    }

    QSignalSpy reloads(&w, &MainWindow::liveReloadFinished);
    QSignalSpy loads(&w, &MainWindow::loadFinished);
    writeFile(path, QByteArray(tinySpec).replace("pong: true", "pong: false"));
    QVERIFY(!reloads.wait(1500)); // several debounce intervals
    QCOMPARE(loads.count(), 0);
    QCOMPARE(QJsonDocument::fromJson(get(url).body)[QStringLiteral("pong")], QJsonValue(true));

    // Turning it back on catches up with the edit made meanwhile.
    watch->trigger();
    QVERIFY(w.isWatchEnabled());
    QCOMPARE(QSettings().value(QStringLiteral("files/watch")).toBool(), true);
    QCOMPARE(waitForLiveReload(reloads), 1);
    QCOMPARE(QJsonDocument::fromJson(get(url).body)[QStringLiteral("pong")], QJsonValue(false));

    // setWatchEnabled (the --no-watch option) lasts for the run only.
    w.setWatchEnabled(false);
    QVERIFY(!w.isWatchEnabled());
    QCOMPARE(QSettings().value(QStringLiteral("files/watch")).toBool(), true);
}

void TestMainWindow::settingsDialogAppliesToWindow()
{
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QVERIFY(w.service()->isRunning());
    const quint16 before = w.service()->port();
    const quint16 wanted = MockService::findFreePort(QHostAddress(QHostAddress::LocalHost), 4700);
    QVERIFY(wanted != 0 && wanted != before);
    bool seen = false;
    int shownPort = -1;
    int shownRows = -1;
    QTimer::singleShot(0, &w, [&] {
        auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        shownPort = dialog->port();
        shownRows = dialog->maximumLogRows();
        dialog->languageCombo()->setCurrentIndex(dialog->languageCombo()->findData(QStringLiteral("de")));
        dialog->autoStartCheck()->setChecked(false);
        dialog->logRowsSpin()->setValue(500);
        dialog->portSpin()->setValue(wanted);
        dialog->accept();
    });
    w.settingsAction()->trigger();
    QVERIFY(seen);
    // It opened with what the window showed.
    QCOMPARE(shownPort, 0);
    QCOMPARE(shownRows, int(RequestLogModel::defaultMaximumRows));
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    QCOMPARE(settings.value(QStringLiteral("server/autoStart")).toBool(), false);
    QCOMPARE(settings.value(QStringLiteral("log/maximumRows")).toInt(), 500);
    QCOMPARE(w.requestLog()->model()->maximumRows(), 500);
    QCOMPARE(w.portSpin()->value(), int(wanted));
    // A new port moves the running mock there.
    QVERIFY(w.service()->isRunning());
    QCOMPARE(w.service()->port(), wanted);
    QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("restart")));
    bool autoStartOff = false;
    for (QAction* a : w.findChildren<QAction*>())
        autoStartOff = autoStartOff
            || (a->text().remove(u'&').startsWith(QLatin1String("Start automatically")) && !a->isChecked());
    QVERIFY(autoStartOff);

    // Cancel changes nothing.
    QTimer::singleShot(0, &w, [] {
        if (auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget())) {
            dialog->logRowsSpin()->setValue(999);
            dialog->reject();
        }
    });
    w.settingsAction()->trigger();
    QCOMPARE(w.requestLog()->model()->maximumRows(), 500);
    QCOMPARE(QSettings().value(QStringLiteral("log/maximumRows")).toInt(), 500);
}

// Writes the README screenshots when UNDERSTUDY_SCREENSHOT_DIR is set.
void TestMainWindow::outsideFilesAreOfferedAndRemembered()
{
    // project/.git marks the project; its definition refers to a file next to the project, outside it.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("allow/project/.git")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("allow/outside")));
    const QString outside = m_dir.filePath(QStringLiteral("allow/outside/pong.yaml"));
    writeFile(outside, "Pong:\n  type: object\n  example: {from: outside}\n");
    const QString path = m_dir.filePath(QStringLiteral("allow/project/openapi.yaml"));
    writeFile(path, R"(openapi: 3.0.3
info: {title: Outside, version: "1"}
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200':
          description: pong
          content:
            application/json:
              schema: {$ref: '../outside/pong.yaml#/Pong'}
)");
    {
        MainWindow w;
        w.show();
        openAndWait(w, path);
        QVERIFY(w.definition());
        QVERIFY(w.banner()->isVisible());
        QVERIFY2(w.banner()->text().contains(QFileInfo(outside).canonicalFilePath().toHtmlEscaped()),
            qPrintable(w.banner()->text()));
        QToolButton* allow = nullptr;
        for (QToolButton* b : w.banner()->findChildren<QToolButton*>())
            if (b->text() == QLatin1String("Allow and reload"))
                allow = b;
        QVERIFY(allow);
        QSignalSpy done(&w, &MainWindow::loadFinished);
        allow->click();
        QVERIFY(done.wait(10000));
        QVERIFY(done.last().first().toBool());
        QCOMPARE(w.diagnosticsView()->errorCount(), 0);
        QVERIFY(!w.banner()->isVisible() || !w.banner()->text().contains(QLatin1String("outside its project")));
    }
    // Remembered for this file: a new window reads it without asking.
    MainWindow again;
    again.show();
    QVERIFY(openAndWait(again, path, true));
    QCOMPARE(again.diagnosticsView()->errorCount(), 0);
    QVERIFY(!again.banner()->isVisible() || !again.banner()->text().contains(QLatin1String("outside its project")));
    QTRY_VERIFY_WITH_TIMEOUT(again.service()->isRunning(), 5000);
    const Reply r = get(QUrl(again.service()->url().toString() + QStringLiteral("/ping")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray(R"({"from":"outside"})"));
}

namespace {

// Rows of `view` that are fully visible.
int visibleRows(const QTableView* view)
{
    return view->viewport()->height() / std::max(1, view->verticalHeader()->defaultSectionSize());
}

// Text lines a plain text pane shows at once.
int visibleLines(const QPlainTextEdit* edit)
{
    return edit->viewport()->height() / std::max(1, QFontMetrics(edit->font()).lineSpacing());
}

QString githubSpec()
{
    return UiTestUtils::sharedFile(QStringLiteral("testdata/specs/api.github.com.json"));
}

} // namespace

namespace {

// The tiny spec with a response schema that points nowhere: it loads, with one error.
QByteArray brokenRefSpec()
{
    return QByteArray(tinySpec).replace("example: {pong: true}", "schema: {$ref: '#/components/schemas/Nope'}");
}

QAction* actionNamed(const QWidget& w, const QString& name)
{
    return w.findChild<QAction*>(name);
}

} // namespace

void TestMainWindow::problemsPaneOpensOnlyForErrors()
{
    const QString path = m_dir.filePath(QStringLiteral("brokenref.yaml"));
    writeFile(path, brokenRefSpec());
    MainWindow w;
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath()));
    QCOMPARE(w.diagnosticsView()->errorCount(), 0);
    QVERIFY(!w.problemsPane()->isVisible());
    QCOMPARE(w.problemsBadge()->text(), QStringLiteral("No problems"));

    QVERIFY(openAndWait(w, path));
    QVERIFY(w.diagnosticsView()->errorCount() > 0);
    QVERIFY(w.problemsPane()->isVisible());
    QVERIFY2(w.problemsBadge()->text().contains(QLatin1String("1 error")), qPrintable(w.problemsBadge()->text()));
    // Closed by the user: it stays closed on the next load with errors.
    w.problemsPane()->close();
    QVERIFY(!w.problemsPane()->isVisible());
    QVERIFY(openAndWait(w, path));
    QVERIFY(!w.problemsPane()->isVisible());
    // The badge opens it again, and so does View ▸ Problems.
    w.problemsBadge()->click();
    QVERIFY(w.problemsPane()->isVisible());
    actionNamed(w, QStringLiteral("problemsAction"))->trigger();
    QVERIFY(!w.problemsPane()->isVisible());
    actionNamed(w, QStringLiteral("problemsAction"))->trigger();
    QVERIFY(w.problemsPane()->isVisible());
}

void TestMainWindow::otherBrokenFileSaysWhatServes()
{
    const QString good = m_dir.filePath(QStringLiteral("serving.yaml"));
    const QString bad = m_dir.filePath(QStringLiteral("unreadable.yaml"));
    writeFile(good, tinySpec);
    writeFile(bad, "openapi: 3.0.3\ninfo: [unclosed\n");
    MainWindow w;
    w.show();
    QVERIFY(openAndWait(w, good));
    QVERIFY(!openAndWait(w, bad));
    QCOMPARE(w.definition()->title, QStringLiteral("Tiny"));
    QVERIFY2(w.banner()->text().contains(QLatin1String("<b>unreadable.yaml</b> could not be loaded; still serving "
                                                       "<b>serving.yaml</b> (Tiny)")),
        qPrintable(w.banner()->text()));
    QVERIFY(!w.banner()->text().contains(QLatin1String("previous version")));
    // The Problems pane keeps the served file's (none), not the other file's.
    QCOMPARE(w.diagnosticsView()->errorCount(), 0);
    // Reload and the banner's Retry act on the same file: the one that failed.
    QSignalSpy started(w.session(), &MockSession::loadStarted);
    actionNamed(w, QStringLiteral("reloadAction"))->trigger();
    QVERIFY(!started.isEmpty() || started.wait(5000));
    QCOMPARE(started.first().first().toString(), bad);
    QSignalSpy done(&w, &MainWindow::loadFinished);
    QVERIFY(done.wait(10000));
    QVERIFY(w.banner()->text().contains(QLatin1String("could not be loaded")));
    // Nothing served at all: says so.
    MainWindow fresh;
    fresh.show();
    QVERIFY(!openAndWait(fresh, bad));
    QVERIFY(fresh.serverStatusText().contains(QLatin1String("could not be loaded")));
}

void TestMainWindow::fixedBrokenFileAutoStarts()
{
    const QString path = m_dir.filePath(QStringLiteral("fixme.yaml"));
    writeFile(path, "openapi: 3.0.3\ninfo: [unclosed\n");
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(!openAndWait(w, path, true));
    QVERIFY(!w.service()->isRunning());
    QSignalSpy live(&w, &MainWindow::liveReloadFinished);
    QTest::qWait(1100); // a new modification time
    writeFile(path, tinySpec);
    QCOMPARE(waitForLiveReload(live), 1);
    QTRY_VERIFY_WITH_TIMEOUT(w.service()->isRunning(), 5000);
    QCOMPARE(get(QUrl(w.service()->url().toString() + QStringLiteral("/ping"))).status, 200);
}

void TestMainWindow::statusIndicatorStaysBesideMessages()
{
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    w.statusBar()->showMessage(QStringLiteral("Copied the curl command"));
    QTest::qWait(20);
    QVERIFY(w.serverBar()->statusIndicator()->isVisible());
    QVERIFY(w.serverStatusText().contains(QLatin1String("Listening on")));
    QVERIFY(w.problemsBadge()->isVisible());
}

void TestMainWindow::quitClosesEveryWindow()
{
    auto* first = new MainWindow;
    auto* second = new MainWindow;
    first->setAttribute(Qt::WA_DeleteOnClose);
    second->setAttribute(Qt::WA_DeleteOnClose);
    first->show();
    second->show();
    QPointer<MainWindow> a(first), b(second);
    QAction* closeWindow = actionNamed(*first, QStringLiteral("closeWindowAction"));
    QCOMPARE(closeWindow->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_W));
    closeWindow->trigger();
    QTRY_VERIFY(a.isNull());
    QVERIFY(b && b->isVisible());
    auto* third = new MainWindow;
    third->setAttribute(Qt::WA_DeleteOnClose);
    third->show();
    QPointer<MainWindow> c(third);
    QAction* quit = actionNamed(*second, QStringLiteral("quitAction"));
    QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->trigger();
    QTRY_VERIFY(b.isNull() && c.isNull());
}

void TestMainWindow::everyMenuEntryHasAnAccelerator()
{
    MainWindow w;
    QStringList missing;
    std::function<void(QMenu*)> walk = [&](QMenu* menu) {
        for (QAction* a : menu->actions()) {
            if (a->isSeparator() || !a->isEnabled())
                continue;
            if (!a->text().contains(QLatin1Char('&')))
                missing << menu->title() + QStringLiteral(" ▸ ") + a->text();
            if (a->menu())
                walk(a->menu());
        }
    };
    for (QAction* top : w.menuBar()->actions()) {
        QVERIFY(top->text().contains(QLatin1Char('&')));
        walk(top->menu());
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

void TestMainWindow::closingAMenuReturnsFocus()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath()));
    w.requestLog()->focusFilter();
    QTRY_VERIFY(w.focusWidget() != nullptr);
    QWidget* before = w.focusWidget();
    QMenu* file = w.menuBar()->actions().first()->menu();
    w.menuBar()->setActiveAction(w.menuBar()->actions().first());
    QTRY_VERIFY(file->isVisible());
    QTest::keyClick(file, Qt::Key_Escape);
    QTRY_VERIFY(!file->isVisible());
    // The menu bar does not keep the keyboard: the widget that had it before gets it back.
    QTRY_COMPARE(w.focusWidget(), before);
    QVERIFY(!w.menuBar()->hasFocus());
}

void TestMainWindow::logWorkbench()
{
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    // The rows below are used by position: one serving thread keeps requests of separate connections in the order
    // they were sent (several threads keep the order per connection only).
    w.service()->setThreads(1);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    const QString base = w.service()->url().toString();
    get(QUrl(base + QStringLiteral("/v1/books?limit=2")));
    get(QUrl(base + QStringLiteral("/v1/books/1")));
    get(QUrl(base + QStringLiteral("/v1/nope")));
    RequestLogView* log = w.requestLog();
    QTRY_COMPARE(log->model()->rowCount(), 3);
    QTRY_COMPARE(log->counterText(), QStringLiteral("3 requests"));
    // Filtered: "N of M"; Escape in the filter clears it.
    log->findChild<QLineEdit*>(QStringLiteral("logFilter"))->setText(QStringLiteral("nope"));
    QTRY_COMPARE(log->counterText(), QStringLiteral("1 of 3 requests"));
    QTest::keyClick(log->findChild<QLineEdit*>(QStringLiteral("logFilter")), Qt::Key_Escape);
    QCOMPARE(log->findChild<QLineEdit*>(QStringLiteral("logFilter"))->text(), QString());
    QTRY_COMPARE(log->counterText(), QStringLiteral("3 requests"));
    // Every details pane wraps.
    for (const char* pane : { "responsePane", "requestPane", "validationPane", "tracePane" })
        QCOMPARE(log->findChild<QPlainTextEdit*>(QLatin1String(pane))->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    // Columns: the operationId fits.
    const int opWidth = log->view()->horizontalHeader()->sectionSize(RequestLogModel::OperationColumn);
    QVERIFY(opWidth >= log->view()->fontMetrics().horizontalAdvance(QStringLiteral("listBooks")));

    // Row actions on the first request (GET /v1/books?limit=2).
    log->selectRow(0);
    QCOMPARE(log->view()->contextMenuPolicy(), Qt::ActionsContextMenu);
    for (const char* name : { "goToOperation", "openInTryIt", "copyAsCurl", "copyBody" })
        QVERIFY2(log->rowAction(QLatin1String(name)) && log->rowAction(QLatin1String(name))->isEnabled(), name);
    log->rowAction(QStringLiteral("goToOperation"))->trigger();
    QCOMPARE(w.operationsBrowser()->selectedOperation(), QStringLiteral("listBooks"));
    QCOMPARE(w.detailsTabs()->currentWidget(), static_cast<QWidget*>(w.detailsView()));
    log->selectRow(1);
    log->rowAction(QStringLiteral("openInTryIt"))->trigger();
    QCOMPARE(w.detailsTabs()->currentWidget(), static_cast<QWidget*>(w.tryItPanel()));
    QCOMPARE(w.tryItPanel()->operationId(), QStringLiteral("getBook"));
    QVERIFY2(w.tryItPanel()->currentDraft().url(w.service()->url()).path().endsWith(QLatin1String("/v1/books/1")),
        qPrintable(w.tryItPanel()->currentDraft().url(w.service()->url()).toString()));
    log->rowAction(QStringLiteral("copyAsCurl"))->trigger();
    QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("curl '%1/v1/books/1").arg(base)));
    log->rowAction(QStringLiteral("copyBody"))->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), log->selectedEntry().responseBody);
    // Double-click goes to the operation too.
    log->selectRow(0);
    const QModelIndex cell = log->filterModel()->index(0, RequestLogModel::PathColumn);
    emit log->view()->doubleClicked(cell);
    QCOMPARE(w.operationsBrowser()->selectedOperation(), QStringLiteral("listBooks"));
    // No operation matched: nothing to go to.
    log->selectRow(2);
    QVERIFY(!log->rowAction(QStringLiteral("goToOperation"))->isEnabled());

    // The log belongs to its definition: another one starts a fresh log, a reload keeps it.
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), false));
    QCOMPARE(log->model()->rowCount(), 3);
    const QString other = m_dir.filePath(QStringLiteral("otherlog.yaml"));
    writeFile(other, tinySpec);
    QVERIFY(openAndWait(w, other, false));
    QCOMPARE(log->model()->rowCount(), 0);
}

void TestMainWindow::firstRunSuggestsA2xx()
{
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    const QUrl suggested = w.serverBar()->browserUrl();
    QVERIFY2(suggested.path() != QLatin1String("/"), qPrintable(suggested.toString()));
    QCOMPARE(get(suggested).status, 200);
    bool hinted = false;
    for (QLabel* l : w.requestLog()->findChildren<QLabel*>())
        hinted = hinted || (l->isVisibleTo(&w) && l->text().contains(suggested.toString()));
    QVERIFY(hinted);
    // Open in browser opens that URL; without a browser the window says so.
    QList<QUrl> opened;
    w.serverBar()->setUrlOpener([&opened](const QUrl& url) {
        opened << url;
        return true;
    });
    w.serverBar()->openInBrowserAction()->trigger();
    QCOMPARE(opened, QList<QUrl> { suggested });
    w.serverBar()->setUrlOpener([](const QUrl&) { return false; });
    w.serverBar()->openInBrowserAction()->trigger();
    QVERIFY(w.banner()->isVisible());
    QVERIFY2(w.banner()->text().contains(QLatin1String("No web browser")), qPrintable(w.banner()->text()));
    QVERIFY(w.banner()->text().contains(suggested.toString()));
}

void TestMainWindow::filterKeepsTheSelectedOperation()
{
    MainWindow w;
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath()));
    w.operationsBrowser()->selectOperation(QStringLiteral("getBook"));
    QCOMPARE(w.tryItPanel()->operationId(), QStringLiteral("getBook"));
    QLineEdit* filter = w.operationsBrowser()->filterEdit();
    for (const QString& text : { QStringLiteral("b"), QStringLiteral("bo"), QStringLiteral("delete"), QString() }) {
        filter->setText(text);
        QCOMPARE(w.tryItPanel()->operationId(), QStringLiteral("getBook"));
    }
    QCOMPARE(w.operationsBrowser()->selectedOperation(), QStringLiteral("getBook"));
    filter->setText(QStringLiteral("delete"));
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
}

void TestMainWindow::brokenOperationSaysWhatIsBroken()
{
    const QString path = m_dir.filePath(QStringLiteral("brokenop.yaml"));
    writeFile(path, brokenRefSpec());
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, path, true));
    QTRY_VERIFY(w.service()->isRunning());
    // The tree marks it.
    const QModelIndex ping = w.operationsBrowser()->model()->indexOfOperation(QStringLiteral("ping"));
    const QStringList problems = ping.data(OperationsModel::ProblemsRole).toStringList();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("Nope")), qPrintable(problems.first()));
    // Its page says what is broken, with a way to the Problems pane.
    w.operationsBrowser()->selectOperation(QStringLiteral("ping"));
    const QString page = w.detailsView()->toPlainText();
    QVERIFY2(page.contains(QLatin1String("This operation has a load error")), qPrintable(page));
    QVERIFY(page.contains(QLatin1String("missing $ref")));
    w.problemsPane()->close();
    emit w.detailsView()->anchorClicked(QUrl(QStringLiteral("problems:")));
    QVERIFY(w.problemsPane()->isVisible());
    // Its answers' trace says so.
    get(QUrl(w.service()->url().toString() + QStringLiteral("/ping")));
    QTRY_COMPARE(w.requestLog()->model()->rowCount(), 1);
    w.requestLog()->selectRow(0);
    QVERIFY2(w.requestLog()->detailsText(3).contains(QLatin1String("ping has load errors")),
        qPrintable(w.requestLog()->detailsText(3)));
}

void TestMainWindow::splittersAreWideAndRemembered()
{
    int sidebar = 0;
    int log = 0;
    {
        MainWindow w;
        w.resize(1300, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath()));
        auto* operations = w.findChild<QSplitter*>(QStringLiteral("operationsSplitter"));
        auto* logSplitter = w.findChild<QSplitter*>(QStringLiteral("logSplitter"));
        QVERIFY(operations && logSplitter);
        QVERIFY(operations->handleWidth() >= 8 && logSplitter->handleWidth() >= 8);
        operations->setSizes({ 520, 760 });
        logSplitter->setSizes({ 300, 500 });
        sidebar = operations->sizes().first();
        log = logSplitter->sizes().last();
        w.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(openAndWait(again, DefinitionLoader::bundledExamplePath()));
    QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("operationsSplitter"))->sizes().first(), sidebar);
    QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("logSplitter"))->sizes().last(), log);
}

void TestMainWindow::layoutFits_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("banner"); // a two-line message banner is open above
    QTest::addRow("bookshelf at 1024x700") << QSize(1024, 700) << DefinitionLoader::bundledExamplePath() << false;
    QTest::addRow("bookshelf at 1024x700 with a banner")
        << QSize(1024, 700) << DefinitionLoader::bundledExamplePath() << true;
    QTest::addRow("bookshelf at 1600x1000") << QSize(1600, 1000) << DefinitionLoader::bundledExamplePath() << false;
    if (!githubSpec().isEmpty())
        QTest::addRow("github at 1024x700") << QSize(1024, 700) << githubSpec() << false;
}

// The window fits the screen, the log shows 10 rows and the selected request 20 lines, and every pane has room.
void TestMainWindow::layoutFits()
{
    QFETCH(QSize, screen);
    QFETCH(QString, spec);
    QFETCH(bool, banner);
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.resize(screen);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(openAndWait(w, spec, true));
    QTRY_VERIFY(w.service()->isRunning());
    if (banner) {
        w.banner()->showMessage(MessageBanner::Kind::Error,
            QStringLiteral("<b>x.yaml</b> could not be loaded; still serving <b>y.yaml</b>.<br>x.yaml:3:1: error"));
        w.banner()->addAction(QStringLiteral("Retry"), [] {});
    }
    // Warnings do not take room: the Problems pane opens by itself only for errors.
    if (w.diagnosticsView()->errorCount() == 0)
        QVERIFY(!w.problemsPane()->isVisible());
    QVERIFY2(w.minimumSizeHint().width() <= 1024, qPrintable(QString::number(w.minimumSizeHint().width())));
    QVERIFY2(w.minimumSizeHint().height() <= 700, qPrintable(QString::number(w.minimumSizeHint().height())));
    QCOMPARE(w.size(), screen);
    // No control of a toolbar is left in its overflow menu (at 1024 px the modes go on a second row).
    for (QToolBar* bar : w.findChildren<QToolBar*>()) {
        if (!bar->isVisible())
            continue;
        for (QAction* action : bar->actions()) {
            if (!action->isVisible() || action->isSeparator())
                continue;
            QWidget* shown = bar->widgetForAction(action);
            QVERIFY2(
                shown && shown->isVisible(), qPrintable(bar->objectName() + QStringLiteral(": ") + action->text()));
            QVERIFY(w.rect().contains(QRect(shown->mapTo(&w, QPoint(0, 0)), shown->size())));
        }
    }
    // 50 requests the definition answers (its first GET operations, as their curl commands send them).
    const DefinitionPtr def = w.definition();
    QNetworkAccessManager nam;
    int sent = 0;
    for (const Operation& op : def->operations) {
        if (sent == 50)
            break;
        if (op.method != QLatin1String("GET"))
            continue;
        const RequestDraft draft = RequestDraft::fromOperation(*def, op);
        QNetworkRequest request(draft.url(w.service()->url()));
        for (const auto& h : draft.headers())
            request.setRawHeader(h.first, h.second);
        QNetworkReply* reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || done.wait(5000));
        reply->deleteLater();
        ++sent;
    }
    while (sent < 12) { // the bundled example has fewer GET operations: repeat one
        get(QUrl(w.service()->url().toString() + QStringLiteral("/v1/books")));
        ++sent;
    }
    QTRY_COMPARE(w.requestLog()->model()->rowCount(), sent);
    w.requestLog()->selectRow(0);
    QTest::qWait(50);
    const int rows = visibleRows(w.requestLog()->view());
    const auto* response = w.findChild<QPlainTextEdit*>(QStringLiteral("responsePane"));
    const int lines = visibleLines(response);
    qInfo("%dx%d: %d log rows, %d detail lines, sidebar %d px, page %dx%d", screen.width(), screen.height(), rows,
        lines, w.operationsBrowser()->width(), w.operationPage()->width(), w.operationPage()->height());
    QVERIFY2(rows >= 10, qPrintable(QString::number(rows)));
    QVERIFY2(lines >= 20, qPrintable(QString::number(lines)));
    QVERIFY(w.operationsBrowser()->width() >= 220);
    QVERIFY(w.operationPage()->width() >= 480);
    QVERIFY(w.detailsTabs()->height() >= 150);
    QVERIFY2(response->width() >= 320, qPrintable(QString::number(response->width())));
    // Time, status and duration show whole; path and operation keep a readable width.
    QTableView* table = w.requestLog()->view();
    const QFontMetrics fm = table->fontMetrics();
    for (int row = 0; row < table->model()->rowCount(); ++row)
        for (int column : { int(RequestLogModel::TimeColumn), int(RequestLogModel::StatusColumn),
                 int(RequestLogModel::DurationColumn) }) {
            const QString text = table->model()->index(row, column).data().toString();
            QVERIFY2(
                table->horizontalHeader()->sectionSize(column) >= fm.horizontalAdvance(text) + 8, qPrintable(text));
        }
    QVERIFY(table->horizontalHeader()->sectionSize(RequestLogModel::PathColumn)
        >= fm.horizontalAdvance(QLatin1Char('M')) * 10);
    // Every part of the window is inside it.
    const QList<QWidget*> parts { w.operationsBrowser(), w.operationPage(), w.requestLog(),
        const_cast<QPlainTextEdit*>(response), w.requestLog()->view() };
    for (QWidget* part : parts) {
        const QRect r(part->mapTo(&w, QPoint(0, 0)), part->size());
        QVERIFY2(w.rect().contains(r), qPrintable(part->objectName()));
    }
}

void TestMainWindow::firstRunFitsTheScreen()
{
    // Nothing saved: the first window fits the screen it opens on, however small.
    MainWindow w;
    const QSize available = w.screen()->availableGeometry().size();
    QVERIFY2(w.width() <= available.width() && w.height() <= available.height(),
        qPrintable(QStringLiteral("%1x%2 on %3x%4")
                       .arg(w.width())
                       .arg(w.height())
                       .arg(available.width())
                       .arg(available.height())));
    QVERIFY(w.width() >= std::min(available.width(), 1024));
}

void TestMainWindow::logColumnsFitTheirContent()
{
    RequestLogView log;
    log.resize(1100, 400); // the table gets about 650 px of it, as in a 1024 px window
    log.show();
    QVERIFY(QTest::qWaitForWindowExposed(&log));
    RequestLogEntry delayed =
        UiTestUtils::makeEntry(1, "GET", QStringLiteral("/repos/octocat/hello-world/issues"), 200);
    delayed.delayMs = 250;
    delayed.durationUs = 180;
    delayed.operationId = QStringLiteral("issues/list-for-repo");
    delayed.scenarioRule = QStringLiteral("getBook#1");
    delayed.fault = QStringLiteral("reset");
    RequestLogEntry plain = UiTestUtils::makeEntry(2, "GET", QStringLiteral("/meta"), 200);
    plain.operationId = QStringLiteral("meta/get");
    log.model()->handleRequest(delayed);
    log.model()->handleRequest(plain);
    log.model()->flush();
    QTRY_COMPARE(log.filterModel()->rowCount(), 2);
    QHeaderView* header = log.view()->horizontalHeader();
    const QFontMetrics fm = log.view()->fontMetrics();
    const QString duration = log.filterModel()->index(0, RequestLogModel::DurationColumn).data().toString();
    QCOMPARE(duration, QStringLiteral("250 ms delay + 180 µs"));
    // The duration shows whole, the notes and the operation share what the path leaves.
    QVERIFY2(header->sectionSize(RequestLogModel::DurationColumn) >= fm.horizontalAdvance(duration),
        qPrintable(QString::number(header->sectionSize(RequestLogModel::DurationColumn))));
    const int em = fm.horizontalAdvance(QLatin1Char('M'));
    QVERIFY(header->sectionSize(RequestLogModel::PathColumn) >= em * 10);
    QVERIFY(header->sectionSize(RequestLogModel::OperationColumn) >= em * 6);
    QVERIFY(header->sectionSize(RequestLogModel::FlagsColumn) >= fm.horizontalAdvance(QStringLiteral("invalid")));
    // Wide enough, everything shows whole.
    log.resize(2000, 400);
    QTRY_VERIFY(log.view()->viewport()->width() > 1100);
    for (int column : { int(RequestLogModel::PathColumn), int(RequestLogModel::OperationColumn),
             int(RequestLogModel::FlagsColumn) }) {
        const QString text = log.filterModel()->index(0, column).data().toString();
        QTRY_VERIFY2(header->sectionSize(column) >= fm.horizontalAdvance(text), qPrintable(text));
    }
}

void TestMainWindow::servingThreadsSetting()
{
    if (!MockServer::canSharePort())
        QSKIP("this platform serves on one thread only");
    // Remembered in the settings, used when the window's mock starts.
    QSettings().setValue(QStringLiteral("server/threads"), 3);
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    QCOMPARE(w.service()->listeningThreads(), 3);
    QCOMPARE(get(QUrl(w.service()->url().toString() + QStringLiteral("/v1/books"))).status, 200);
    // Changed in Settings ▸ Limits: saved, and used from the next start.
    QTimer::singleShot(0, &w, [] {
        if (auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget())) {
            QCOMPARE(dialog->threadsSpin()->value(), 3);
            dialog->threadsSpin()->setValue(2);
            dialog->accept();
        }
    });
    w.settingsAction()->trigger();
    QCOMPARE(QSettings().value(QStringLiteral("server/threads")).toInt(), 2);
    QCOMPARE(w.service()->listeningThreads(), 3);
    QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("next start")),
        qPrintable(w.statusBar()->currentMessage()));
    w.stopServer();
    QVERIFY(w.startServer());
    QCOMPARE(w.service()->listeningThreads(), 2);
    QCOMPARE(get(QUrl(w.service()->url().toString() + QStringLiteral("/v1/books"))).status, 200);
}

void TestMainWindow::commandLineHttpsAndProxy()
{
    // --tls and --proxy in window mode: the HTTPS switch and the proxy bar start so, for this run only.
    QSettings().setValue(QStringLiteral("server/https"), false);
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.serverBar()->setHttpsFromCommandLine(QString(), QString(), 0);
    ProxySettings proxy;
    proxy.mode = ProxyMode::ProxyWithFallback;
    proxy.upstream = QUrl(QStringLiteral("http://127.0.0.1:9"));
    proxy.rejectInvalid = true;
    w.setInitialProxy(proxy);
    w.show();
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    QVERIFY(w.serverBar()->httpsAction()->isChecked());
    QVERIFY2(!w.service()->httpsUrl().isEmpty(), "HTTPS is served besides HTTP");
    QCOMPARE(w.service()->url().scheme(), QStringLiteral("http"));
    QVERIFY(!QSettings().value(QStringLiteral("server/https")).toBool()); // not remembered
    // Over what the definition remembered: the command line's proxy, including what the bar does not show.
    QCOMPARE(w.proxyBar()->settings().mode, ProxyMode::ProxyWithFallback);
    QCOMPARE(w.proxyBar()->settings().upstream, proxy.upstream);
    QVERIFY(w.service()->proxy().rejectInvalid);
    // Fallback: the upstream is unreachable, the mock answers.
    QCOMPARE(get(QUrl(w.service()->url().toString() + QStringLiteral("/v1/books"))).status, 200);
}

void TestMainWindow::screenshots()
{
    const QString outDir = qEnvironmentVariable("UNDERSTUDY_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set UNDERSTUDY_SCREENSHOT_DIR to write screenshots");
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.resize(1360, 860);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), true));
    QTRY_VERIFY(w.service()->isRunning());
    w.operationsBrowser()->selectOperation(QStringLiteral("getBook"));
    QTest::qWait(100);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/browsing.png")));
    w.detailsTabs()->setCurrentWidget(w.tryItPanel());
    QSignalSpy answered(w.tryItPanel(), &TryItPanel::responseReceived);
    w.tryItPanel()->send();
    QVERIFY(answered.wait(10000));
    QTest::qWait(100);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/try-it.png")));
    w.detailsTabs()->setCurrentIndex(0);
    QTRY_COMPARE(w.requestLog()->model()->rowCount(), 1);
    w.requestLog()->clear();

    const QString base = w.service()->url().toString();
    for (const QString& p : { QStringLiteral("/v1/books"), QStringLiteral("/v1/books/1"), QStringLiteral("/v1/authors"),
             QStringLiteral("/v1/nope"), QStringLiteral("/v1/stats") })
        get(QUrl(base + p));
    QTRY_COMPARE(w.requestLog()->model()->rowCount(), 5);
    w.requestLog()->selectRow(1);
    QTest::qWait(100);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/request-log.png")));
    // An invalid request (no bearer token for /authors) with its validation tab open.
    w.requestLog()->selectRow(2);
    w.requestLog()->detailsTabs()->setCurrentIndex(2);
    QTest::qWait(100);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/validation.png")));
    w.requestLog()->detailsTabs()->setCurrentIndex(0);

    QComboBox* status = w.forcingPanel()->statusCombo();
    const int i404 = status->findData(404);
    status->setCurrentIndex(i404);
    emit status->activated(i404);
    w.operationsBrowser()->selectOperation(QStringLiteral("listBooks"));
    QComboBox* listStatus = w.forcingPanel()->statusCombo();
    listStatus->setCurrentIndex(listStatus->findData(200));
    emit listStatus->activated(listStatus->currentIndex());
    QComboBox* example = w.forcingPanel()->exampleCombo();
    if (example->count() > 1) {
        example->setCurrentIndex(example->count() - 1);
        emit example->activated(example->currentIndex());
    }
    get(QUrl(base + QStringLiteral("/v1/books/1")));
    get(QUrl(base + QStringLiteral("/v1/books")));
    QTRY_COMPARE(w.requestLog()->model()->rowCount(), 7);
    w.requestLog()->selectRow(5);
    w.detailsTabs()->setCurrentIndex(w.detailsTabs()->count() - 1); // forcing is the Behaviour tab's first section
    QTest::qWait(100);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/forcing.png")));
    w.detailsTabs()->setCurrentIndex(0);

    // The same window on a dark palette: badges, statuses and highlighting must stay readable.
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(45, 45, 48));
    dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
    dark.setColor(QPalette::Base, QColor(30, 30, 32));
    dark.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
    dark.setColor(QPalette::Text, QColor(220, 220, 220));
    dark.setColor(QPalette::Button, QColor(55, 55, 60));
    dark.setColor(QPalette::ButtonText, QColor(220, 220, 220));
    dark.setColor(QPalette::Highlight, QColor(42, 110, 190));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    QApplication::setPalette(dark);
    w.requestLog()->selectRow(1);
    w.requestLog()->selectRow(5);
    QTest::qWait(100);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/forcing-dark.png")));
    QApplication::setPalette(QApplication::style()->standardPalette());

    MainWindow empty;
    empty.resize(1100, 700);
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    QVERIFY(empty.grab().save(outDir + QStringLiteral("/welcome.png")));
}

void TestMainWindow::githubScreenshots_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addRow("1600x1000") << QSize(1600, 1000);
    QTest::addRow("1024x700") << QSize(1024, 700);
}

// GitHub's definition browsed, 50 requests in the log, a 422's validation and trace, a broken file.
void TestMainWindow::githubScreenshots()
{
    QFETCH(QSize, size);
    const QString outDir = qEnvironmentVariable("UNDERSTUDY_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set UNDERSTUDY_SCREENSHOT_DIR to write screenshots");
    if (githubSpec().isEmpty())
        QSKIP("GitHub's definition is not in the shared test material");
    const QString suffix = QStringLiteral("-%1x%2.png").arg(size.width()).arg(size.height());
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.resize(size);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(openAndWait(w, githubSpec(), true));
    QTRY_VERIFY(w.service()->isRunning());
    const DefinitionPtr def = w.definition();
    const QUrl base = w.service()->url();
    w.operationsBrowser()->selectOperation(
        QStringLiteral("actions/enable-selected-repository-github-actions-organization"));
    QTest::qWait(150);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/github-browse") + suffix));

    // 50 requests: the first GET operations, as their curl commands send them.
    QNetworkAccessManager nam;
    int sent = 0;
    for (const Operation& op : def->operations) {
        if (sent == 49)
            break;
        if (op.method != QLatin1String("GET"))
            continue;
        const RequestDraft draft = RequestDraft::fromOperation(*def, op);
        QNetworkRequest request(draft.url(base));
        for (const auto& h : draft.headers())
            request.setRawHeader(h.first, h.second);
        QNetworkReply* reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        reply->deleteLater();
        ++sent;
    }
    // One invalid request: an issue without its required title.
    const Operation* create = def->operation(QStringLiteral("issues/create"));
    QVERIFY(create);
    RequestDraft bad = RequestDraft::fromOperation(*def, *create);
    QNetworkRequest request(bad.url(base));
    for (const auto& h : bad.headers())
        request.setRawHeader(h.first, h.second);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply* reply = nam.post(request, QByteArray(R"({"body": "no title", "labels": "not-a-list"})"));
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 422);
    reply->deleteLater();
    QTRY_COMPARE(w.requestLog()->model()->rowCount(), 50);
    w.requestLog()->selectRow(20);
    QTest::qWait(150);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/github-log-50") + suffix));
    w.requestLog()->selectRow(49);
    w.requestLog()->detailsTabs()->setCurrentIndex(2);
    QTest::qWait(150);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/github-422-validation") + suffix));
    w.requestLog()->detailsTabs()->setCurrentIndex(3);
    QTest::qWait(150);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/github-422-trace") + suffix));
    w.requestLog()->detailsTabs()->setCurrentIndex(0);

    // A broken file opened while GitHub serves, and the same file in a window that serves nothing.
    const QString broken = m_dir.filePath(QStringLiteral("petstore-broken.yaml"));
    writeFile(broken, "openapi: 3.0.3\ninfo: {title: Broken, version: '1'}\npaths:\n  /pets:\n    get: [oops\n");
    QVERIFY(!openAndWait(w, broken));
    QTest::qWait(150);
    QVERIFY(w.grab().save(outDir + QStringLiteral("/broken-while-serving") + suffix));
    MainWindow fresh;
    fresh.resize(size);
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    QVERIFY(!openAndWait(fresh, broken));
    QTest::qWait(150);
    QVERIFY(fresh.grab().save(outDir + QStringLiteral("/broken-file") + suffix));
}

void TestMainWindow::stateFileKeptFromTheMenu()
{
    // Server > Keep state in a file: an item created over HTTP is still there in a new window, for this definition
    // only; turning it off forgets the file.
    QTemporaryDir dir;
    const QString definition = dir.filePath(QStringLiteral("bookshelf.yaml"));
    QVERIFY(QFile::copy(DefinitionLoader::bundledExamplePath(), definition));
    QFile::setPermissions(definition, QFile::ReadOwner | QFile::WriteOwner);
    const QString stateFile = dir.filePath(QStringLiteral("state.json"));
    const QByteArray created = R"({"isbn":"978-0-261-10221-7","title":"Kept Across Windows","authorId":3})";
    {
        MainWindow w;
        w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
        w.setStateFilePicker([&] { return stateFile; });
        w.show();
        QVERIFY(openAndWait(w, definition, true));
        QTRY_VERIFY(w.service()->isRunning());
        w.serverBar()->statefulAction()->trigger();
        QVERIFY(w.session()->isStateful());
        w.stateFileAction()->trigger();
        QVERIFY(w.stateFileAction()->isChecked());
        QVERIFY(w.session()->stateFile());
        QCOMPARE(w.session()->stateFile()->path(), stateFile);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, w.service()->port());
        QVERIFY(client.waitForConnected(5000));
        client.write("POST /v1/books HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\n"
                     "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(created.size()) + "\r\n\r\n" + created);
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += client.readAll()).contains("\r\n\r\n"), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 201"), answer.constData());
    } // the window's session writes what is pending as it goes
    QVERIFY(QFile(stateFile).size() > 0);
    {
        MainWindow w;
        w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
        w.setStateful(true); // what this test is about is the file; the toggle's memory has tests of its own
        w.show();
        QVERIFY(openAndWait(w, definition, true));
        QTRY_VERIFY(w.service()->isRunning());
        QVERIFY(w.session()->isStateful());
        QVERIFY(w.stateFileAction()->isChecked());
        QVERIFY(w.session()->stateFile());
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, w.service()->port());
        QVERIFY(client.waitForConnected(5000));
        QVERIFY(getOnSocket(client, "/v1/books?limit=100").contains("Kept Across Windows"));
        // Another definition in the same window keeps no file of its own.
        QVERIFY(openAndWait(w, DefinitionLoader::bundledExamplePath(), false));
        QVERIFY(!w.session()->stateFile());
        QVERIFY(!w.stateFileAction()->isChecked());
        QVERIFY(openAndWait(w, definition, false));
        QVERIFY(w.stateFileAction()->isChecked());
        w.stateFileAction()->trigger(); // off
        QVERIFY(!w.session()->stateFile());
    }
    MainWindow w;
    QVERIFY(openAndWait(w, definition, false));
    QVERIFY(!w.stateFileAction()->isChecked());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
