// SPDX-License-Identifier: MIT
// Recording in the window, through the real server and a small upstream: Record writes an overlay, File > Apply overlay
// serves its examples (after a restart of the mock, a live reload and in the next window), and a log row's
// "Save response as example…" adds an example that is served at once.
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "core/proxy/responserecorder.h"
#include "fakeupstream.h"
#include "ui/models/overlaysettings.h"
#include "ui/models/requestlogfiltermodel.h"
#include "ui/models/requestlogmodel.h"
#include "ui/widgets/diagnosticsview.h"
#include "ui/widgets/forcedresponsepanel.h"
#include "ui/widgets/mainwindow.h"
#include "ui/widgets/operationsbrowser.h"
#include "ui/widgets/proxybar.h"
#include "ui/widgets/requestlogview.h"
#include "uitestutils.h"

namespace {

const QByteArray booksSpec = R"(openapi: 3.0.3
info: {title: Books, version: "1"}
paths:
  /books/{id}:
    get:
      operationId: getBook
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses:
        '200':
          description: a book
          content:
            application/json:
              schema:
                type: object
                required: [id, title]
                properties:
                  id: {type: integer}
                  title: {type: string}
)";

const QByteArray dune = R"({"id":1,"title":"Dune"})";

using UiTestUtils::get;
using UiTestUtils::Reply;

QJsonObject json(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool openAndWait(MainWindow& w, const QString& path, bool autoStart = true)
{
    QSignalSpy done(&w, &MainWindow::loadFinished);
    w.openDefinition(path, autoStart);
    return done.wait(20000) && done.last().first().toBool();
}

// The example names of getBook's 200 application/json, as the served definition has them.
QStringList exampleNames(const MainWindow& w)
{
    QStringList names;
    const DefinitionPtr definition = w.definition();
    const Operation* op = definition ? definition->operation(QStringLiteral("getBook")) : nullptr;
    if (!op)
        return names;
    for (const Response& r : op->responses)
        for (const MediaType& m : r.content)
            for (const NamedExample& e : m.examples)
                names.append(e.name);
    return names;
}

void chooseMode(MainWindow& w, ProxyMode mode, const QString& upstream = QString())
{
    ProxyBar* bar = w.proxyBar();
    if (!upstream.isEmpty())
        bar->upstreamField()->setText(upstream);
    bar->modeCombo()->setCurrentIndex(bar->modeCombo()->findData(int(mode)));
    emit bar->modeCombo()->activated(bar->modeCombo()->currentIndex());
}

QString bookUrl(const MainWindow& w, int id)
{
    return w.service()->url().toString() + QStringLiteral("/books/") + QString::number(id);
}

} // namespace

class TestRecordWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void recordToggleWritesOverlayThatServesAfterRestart();
    void commandLineRecordRecordsFromTheStart();
    void appliedOverlayKeptAcrossReloadAndWindows();
    void saveResponseAsExampleIsServed();
    void modesFitInProxyAndRecord();

private:
    QString writeSpec(const QString& name);
    QTemporaryDir m_dir;
};

void TestRecordWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_recordwindow"));
    QVERIFY(m_dir.isValid());
}

void TestRecordWindow::init()
{
    QSettings().clear();
}

QString TestRecordWindow::writeSpec(const QString& name)
{
    const QString folder = m_dir.filePath(name);
    QDir().mkpath(folder);
    const QString path = folder + QStringLiteral("/books.yaml");
    writeFile(path, booksSpec);
    return path;
}

void TestRecordWindow::recordToggleWritesOverlayThatServesAfterRestart()
{
    const QString spec = writeSpec(QStringLiteral("record"));
    TestUpstream::Server upstream;
    upstream.reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(200, "Content-Type: application/json\r\nX-Api-Key: secret\r\n", dune);
    };
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    QString suggested;
    w.setRecordFilePicker([&suggested](const QString& s) {
        suggested = s;
        return s;
    });
    w.show();
    QVERIFY(openAndWait(w, spec));
    QTRY_VERIFY(w.service()->isRunning());

    // Record needs a proxy mode.
    QAction* record = w.proxyBar()->recordAction();
    QVERIFY(!record->isEnabled());
    chooseMode(w, ProxyMode::Proxy, QStringLiteral("http://127.0.0.1:%1").arg(upstream.serverPort()));
    QVERIFY(w.service()->proxy().active());
    QVERIFY(record->isEnabled());

    // The first time, the file is asked for, suggesting one beside the definition.
    record->trigger();
    QCOMPARE(record->text(), QStringLiteral("Recording"));
    const QString overlay = QFileInfo(spec).absolutePath() + QStringLiteral("/books.recorded.overlay.json");
    QCOMPARE(suggested, overlay);
    QVERIFY(w.isRecording());
    QCOMPARE(w.recordFile(), overlay);
    QCOMPARE(OverlaySettings::recordFile(QSettings(), spec), overlay);

    Reply r = get(QUrl(bookUrl(w, 1)));
    QCOMPARE(r.status, 200);
    QCOMPARE(json(r.body), json(dune));
    QCOMPARE(get(QUrl(bookUrl(w, 2))).status, 200); // the same body: not recorded twice
    QTRY_COMPARE(w.requestLog()->model()->rowCount(), 2);
    QTRY_COMPARE(record->text(), QStringLiteral("Recorded 1"));
    QVERIFY(record->toolTip().contains(QDir::toNativeSeparators(overlay)));
    QTRY_VERIFY(readFile(overlay).contains("recorded-getBook-200-1"));
    const QByteArray written = readFile(overlay);
    QVERIFY(!written.contains("recorded-getBook-200-2"));
    QVERIFY2(!written.contains("secret"), written.constData()); // credentials are not kept
    QVERIFY(upstream.seen.size() == 2);

    // Back to Mock: recording stops and the overlay is applied, so the recorded examples are the mock's own.
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    chooseMode(w, ProxyMode::Mock);
    QVERIFY(!w.isRecording());
    QCOMPARE(record->text(), QStringLiteral("Record"));
    QVERIFY(loaded.wait(20000));
    QVERIFY(w.definition()->overlays.contains(overlay));
    QCOMPARE(exampleNames(w), QStringList { QStringLiteral("recorded-getBook-200-1") });
    QCOMPARE(OverlaySettings::overlays(QSettings(), spec), QStringList { overlay });

    // The upstream is gone and the mock restarts: the recorded answer is served, and forceable by name.
    upstream.close();
    w.stopServer();
    QVERIFY(w.startServer());
    r = get(QUrl(bookUrl(w, 3)));
    QCOMPARE(r.status, 200);
    // The recorded example, its id taken from the request as for any example (strictExamples: false).
    QCOMPARE(json(r.body), json(R"({"id":3,"title":"Dune"})"));
    QCOMPARE(upstream.seen.size(), 2);
    w.operationsBrowser()->selectOperation(QStringLiteral("getBook"));
    QVERIFY(
        w.forcingPanel()->exampleCombo()->findText(QStringLiteral("recorded-getBook-200-1"), Qt::MatchContains) >= 0);
}

void TestRecordWindow::commandLineRecordRecordsFromTheStart()
{
    // understudy --proxy URL --record FILE books.yaml: the window records into FILE without asking, and leaves the
    // file remembered for the definition as it was.
    const QString spec = writeSpec(QStringLiteral("cli-record"));
    TestUpstream::Server upstream;
    upstream.reply = [](const TestUpstream::Seen&) {
        return TestUpstream::answer(200, "Content-Type: application/json\r\n", dune);
    };
    const QString overlay = m_dir.filePath(QStringLiteral("cli-record/from-the-command-line.json"));
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    bool asked = false;
    w.setRecordFilePicker([&asked](const QString& s) {
        asked = true;
        return s;
    });
    ProxySettings proxy;
    proxy.mode = ProxyMode::Proxy;
    proxy.upstream = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(upstream.serverPort()));
    w.setInitialProxy(proxy);
    w.setInitialRecordFile(overlay);
    w.show();
    QVERIFY(openAndWait(w, spec));
    QTRY_VERIFY(w.service()->isRunning());
    QVERIFY(w.isRecording());
    QVERIFY(!asked);
    QCOMPARE(w.recordFile(), overlay);
    QCOMPARE(w.proxyBar()->recordAction()->text(), QStringLiteral("Recording"));
    QCOMPARE(get(QUrl(bookUrl(w, 1))).status, 200);
    QTRY_VERIFY(readFile(overlay).contains("recorded-getBook-200-1"));
    QVERIFY(OverlaySettings::recordFile(QSettings(), spec).isEmpty()); // for this run only
}

void TestRecordWindow::appliedOverlayKeptAcrossReloadAndWindows()
{
    const QString spec = writeSpec(QStringLiteral("apply"));
    const QString overlay = QFileInfo(spec).absolutePath() + QStringLiteral("/shelf.overlay.yaml");
    QVERIFY(writeFile(overlay, R"(overlay: 1.0.0
info: {title: Shelf, version: "1"}
actions:
  - target: "$.paths['/books/{id}'].get.responses['200'].content['application/json']"
    update:
      examples:
        shelf:
          value: {id: 9, title: Shelf}
  - target: "$.paths['/nowhere'].get"
    update: {summary: never}
)"));
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    w.setOverlayPicker([overlay] { return QStringList { overlay }; });
    w.show();
    QVERIFY(openAndWait(w, spec));
    QTRY_VERIFY(w.service()->isRunning());
    QVERIFY(w.applyOverlayAction()->isEnabled());
    QCOMPARE(w.applyOverlayAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));

    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    w.applyOverlayAction()->trigger();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(w.appliedOverlays(), QStringList { overlay });
    QCOMPARE(exampleNames(w), QStringList { QStringLiteral("shelf") });
    QCOMPARE(json(get(QUrl(bookUrl(w, 1))).body).value(QStringLiteral("title")).toString(), QStringLiteral("Shelf"));

    // The target that selects nothing is a warning in the Problems dock, with the overlay's file and line.
    bool found = false;
    for (const Diagnostic& d : w.session()->diagnostics())
        found = found || (d.file == overlay && d.line == 9 && d.severity == Diagnostic::Severity::Warning);
    QVERIFY2(found, qPrintable(w.session()->diagnostics().value(0).toString()));
    QVERIFY(w.diagnosticsView()->warningCount() >= 1);
    const QList<QTreeWidgetItem*> rows = w.diagnosticsView()->findItems(
        QStringLiteral("shelf.overlay.yaml:9"), Qt::MatchContains | Qt::MatchRecursive, 2);
    QVERIFY(!rows.isEmpty());

    // A live reload (the definition edited) keeps the overlay.
    QSignalSpy live(&w, &MainWindow::liveReloadFinished);
    QByteArray edited = booksSpec;
    edited.replace("title: Books", "title: Edited Books");
    QVERIFY(writeFile(spec, edited));
    QVERIFY(live.wait(20000));
    QCOMPARE(w.definition()->title, QStringLiteral("Edited Books"));
    QVERIFY(w.definition()->overlays.contains(overlay));
    QCOMPARE(json(get(QUrl(bookUrl(w, 2))).body).value(QStringLiteral("title")).toString(), QStringLiteral("Shelf"));
    w.close();

    // The next window (or run) applies it again, and the menu lists it; unchecking it removes it.
    MainWindow next;
    next.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    next.show();
    QVERIFY(openAndWait(next, spec));
    QVERIFY(next.definition()->overlays.contains(overlay));
    QCOMPARE(exampleNames(next), QStringList { QStringLiteral("shelf") });
    emit next.overlaysMenu()->aboutToShow();
    QAction* entry = nullptr;
    for (QAction* a : next.overlaysMenu()->actions())
        if (a->text() == QStringLiteral("shelf.overlay.yaml"))
            entry = a;
    QVERIFY(entry);
    QVERIFY(entry->isChecked());
    QSignalSpy reloaded(&next, &MainWindow::loadFinished);
    entry->trigger();
    QVERIFY(reloaded.wait(20000));
    QVERIFY(next.appliedOverlays().isEmpty());
    QVERIFY(exampleNames(next).isEmpty());
    QVERIFY(OverlaySettings::overlays(QSettings(), spec).isEmpty());
}

void TestRecordWindow::saveResponseAsExampleIsServed()
{
    const QString spec = writeSpec(QStringLiteral("save"));
    MainWindow w;
    w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
    QString suggested;
    w.setExampleNamePicker([&suggested](const QString& s) {
        suggested = s;
        return QStringLiteral("mine");
    });
    w.show();
    QVERIFY(openAndWait(w, spec));
    QTRY_VERIFY(w.service()->isRunning());

    // A generated answer of the mock (a seeded body) is kept as it was sent.
    const Reply first = get(QUrl(bookUrl(w, 5)));
    QCOMPARE(first.status, 200);
    RequestLogView* log = w.requestLog();
    QTRY_COMPARE(log->filterModel()->rowCount(), 1);
    log->selectRow(0);
    QAction* save = log->rowAction(QStringLiteral("saveAsExample"));
    QVERIFY(save);
    QVERIFY(log->view()->actions().contains(save)); // in the row's context menu
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    save->trigger();
    QCOMPARE(suggested, QStringLiteral("recorded-getBook-200-1"));
    // No overlay was chosen: the one beside the definition is made, and applied once written.
    const QString overlay = QFileInfo(spec).absolutePath() + QStringLiteral("/books.recorded.overlay.json");
    QCOMPARE(w.recordFile(), overlay);
    QVERIFY(loaded.wait(20000));
    QVERIFY(readFile(overlay).contains("\"mine\""));
    QCOMPARE(exampleNames(w), QStringList { QStringLiteral("mine") });
    QCOMPARE(w.appliedOverlays(), QStringList { overlay });

    // Served from now on: the example (its id taken from the request, as for any example), not a generated body.
    const Reply again = get(QUrl(bookUrl(w, 77)));
    QCOMPARE(again.status, 200);
    QJsonObject expected = json(first.body);
    expected.insert(QStringLiteral("id"), 77);
    QCOMPARE(json(again.body), expected);
    QTRY_COMPARE(log->model()->rowCount(), 2);
    QCOMPARE(log->model()->entry(1)->exampleName, QStringLiteral("mine"));

    // A name already in the overlay is refused and changes nothing.
    log->selectRow(1);
    save->trigger();
    QTest::qWait(300);
    QCOMPARE(exampleNames(w), QStringList { QStringLiteral("mine") });
}

void TestRecordWindow::modesFitInProxyAndRecord()
{
    // Proxy and Record at the smallest and a large size: the modes fit the menu bar's corner. With
    // UNDERSTUDY_SCREENSHOT_DIR set, also writes proxy-record-<size>.png there.
    const QString outDir = qEnvironmentVariable("UNDERSTUDY_SCREENSHOT_DIR");
    TestUpstream::Server upstream;
    upstream.reply = [](const TestUpstream::Seen& seen) {
        if (seen.target.endsWith("/2"))
            return TestUpstream::answer(200, "Content-Type: application/json\r\n", R"({"id":"two"})");
        return TestUpstream::answer(200, "Content-Type: application/json\r\n", dune);
    };
    for (const QSize size : { QSize(1024, 700), QSize(1600, 1000) }) {
        QSettings().clear();
        const QString spec = writeSpec(QStringLiteral("shots-%1").arg(size.width()));
        MainWindow w;
        w.setInitialServer(QHostAddress(QHostAddress::LocalHost), 0);
        w.setRecordFilePicker([](const QString& s) { return s; });
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, spec));
        QTRY_VERIFY(w.service()->isRunning());
        chooseMode(w, ProxyMode::Proxy, QStringLiteral("http://127.0.0.1:%1").arg(upstream.serverPort()));
        w.proxyBar()->recordAction()->trigger();
        QVERIFY(w.isRecording());
        for (int id : { 1, 2, 3 })
            get(QUrl(bookUrl(w, id)));
        QTRY_COMPARE(w.requestLog()->model()->rowCount(), 3);
        w.requestLog()->selectRow(1);
        w.operationsBrowser()->selectOperation(QStringLiteral("getBook"));
        QTest::qWait(200);
        const QString suffix = QStringLiteral("-%1x%2.png").arg(size.width()).arg(size.height());
        if (!outDir.isEmpty())
            QVERIFY(w.grab().save(outDir + QStringLiteral("/proxy-record") + suffix));
        QVERIFY(w.proxyBar()->recordAction()->text().startsWith(QLatin1String("Recorded ")));
        // Nothing of the modes is in the menu bar's overflow menu: the corner shows Record itself.
        QVERIFY(w.proxyBar()->recordButton()->isVisible());
        QVERIFY(w.proxyBar()->recordButton()->mapTo(&w, QPoint(0, 0)).x() + w.proxyBar()->recordButton()->width()
            <= w.width());
    }
}

QTEST_MAIN(TestRecordWindow)
#include "tst_recordwindow.moc"
