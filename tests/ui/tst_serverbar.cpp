// SPDX-License-Identifier: MIT
// ServerBar on a real MockSession: start/stop, the status text, the port-taken way out, host and URL rules.
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "core/definition/definitionloader.h"
#include "core/engine/mockservice.h"
#include "core/engine/mocksession.h"
#include "ui/settingskeys.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/serverbar.h"

namespace {

bool load(MockSession& session, const QString& path)
{
    QSignalSpy loaded(&session, &MockSession::definitionLoaded);
    session.open(path);
    return loaded.wait(20000);
}

QToolButton* bannerButton(MessageBanner& banner, const QString& prefix)
{
    for (QToolButton* b : banner.findChildren<QToolButton*>())
        if (b->text().startsWith(prefix))
            return b;
    return nullptr;
}

} // namespace

class TestServerBar : public QObject
{
    Q_OBJECT

private slots:
    void withoutDefinitionNothingStarts();
    void startsAndStops();
    void portTakenOffersAFreePort();
    void configOffSaysWhere();
    void allInterfacesWarns();
    void targetUrl_data();
    void targetUrl();
    void editedPortMovesTheMock();
    void httpsSwitchServesHttpsAndCopiesItsUrl();
};

void TestServerBar::withoutDefinitionNothingStarts()
{
    MockSession session;
    ServerBar bar(&session);
    bar.updateState();
    QVERIFY(!bar.startStopAction()->isEnabled());
    QVERIFY(!bar.startServer());
    QVERIFY(bar.statusText().contains(QLatin1String("Stopped: no definition loaded")));
    QVERIFY(!bar.copyUrlAction()->isEnabled());
}

void TestServerBar::startsAndStops()
{
    MockSession session;
    QVERIFY(load(session, DefinitionLoader::bundledExamplePath()));
    ServerBar bar(&session);
    MessageBanner banner;
    bar.setBanner(&banner);
    bar.setPort(0);
    QSignalSpy state(&bar, &ServerBar::stateChanged);
    QVERIFY(bar.startServer());
    QVERIFY(session.isRunning());
    QVERIFY(!state.isEmpty());
    QCOMPARE(state.last().first().toUrl(), session.url());
    QCOMPARE(bar.urlField()->text(), session.url().toString());
    QVERIFY2(bar.statusText().contains(QStringLiteral("Listening on %1").arg(session.url().toString())),
        qPrintable(bar.statusText()));
    QCOMPARE(bar.startStopAction()->text(), QStringLiteral("&Stop"));
    QVERIFY(bar.copyUrlAction()->isEnabled());

    bar.startStopAction()->trigger();
    QVERIFY(!session.isRunning());
    QVERIFY2(bar.statusText().contains(QLatin1String("Stopped: stopped by you")), qPrintable(bar.statusText()));
    QCOMPARE(bar.startStopAction()->text(), QStringLiteral("&Start"));
    QVERIFY(bar.urlField()->text().isEmpty());
    QVERIFY(!banner.isVisibleTo(&banner) || banner.text().isEmpty());
}

void TestServerBar::portTakenOffersAFreePort()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    MockSession session;
    QVERIFY(load(session, DefinitionLoader::bundledExamplePath()));
    ServerBar bar(&session);
    MessageBanner banner;
    bar.setBanner(&banner);
    bar.setPort(squatter.serverPort());
    QVERIFY(!bar.startServer());
    QCOMPARE(session.lastStart().error, StartError::PortTaken);
    QVERIFY2(bar.statusText().contains(QStringLiteral("port %1 is already in use").arg(squatter.serverPort())),
        qPrintable(bar.statusText()));
    QCOMPARE(banner.kind(), MessageBanner::Kind::Error);
    QVERIFY(banner.text().contains(QString::number(squatter.serverPort())));
    QToolButton* usePort = bannerButton(banner, QStringLiteral("Use port"));
    QVERIFY(usePort);
    usePort->click();
    QVERIFY(session.isRunning());
    QVERIFY(session.port() != squatter.serverPort());
    QCOMPARE(bar.port(), session.port());
}

void TestServerBar::configOffSaysWhere()
{
    QTemporaryDir dir;
    QFile api(dir.filePath(QStringLiteral("api.yaml")));
    QVERIFY(api.open(QIODevice::WriteOnly));
    api.write("openapi: 3.0.3\ninfo: {title: Off, version: '1'}\npaths: {}\n");
    api.close();
    QFile config(dir.filePath(QStringLiteral("redocly.yaml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("mockServer:\n  off: true\n");
    config.close();
    MockSession session;
    QVERIFY(load(session, api.fileName()));
    ServerBar bar(&session);
    MessageBanner banner;
    bar.setBanner(&banner);
    bar.setPort(0);
    QVERIFY(!bar.startServer());
    QVERIFY2(bar.statusText().contains(QLatin1String("turned off by redocly.yaml")), qPrintable(bar.statusText()));
    QCOMPARE(bar.stoppedReason(), QStringLiteral("turned off by redocly.yaml (mockServer.off: true)"));
}

void TestServerBar::allInterfacesWarns()
{
    MockSession session;
    QVERIFY(load(session, DefinitionLoader::bundledExamplePath()));
    ServerBar bar(&session);
    MessageBanner banner;
    bar.setBanner(&banner);
    bar.setPort(0);
    bar.selectHost(QStringLiteral("0.0.0.0"));
    QVERIFY(bar.startServer());
    QCOMPARE(banner.kind(), MessageBanner::Kind::Warning);
    QVERIFY(banner.text().contains(QLatin1String("all interfaces")));
    // The way back to this computer only moves the running mock.
    QToolButton* local = bannerButton(banner, QStringLiteral("Only this computer"));
    QVERIFY(local);
    local->click();
    QVERIFY(session.isRunning());
    QCOMPARE(session.host(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(bar.host(), QHostAddress(QHostAddress::LocalHost));
}

void TestServerBar::targetUrl_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("url");
    QTest::addRow("this computer") << QStringLiteral("127.0.0.1") << 4010 << QStringLiteral("http://127.0.0.1:4010");
    QTest::addRow("all interfaces are called on this computer")
        << QStringLiteral("0.0.0.0") << 4011 << QStringLiteral("http://127.0.0.1:4011");
    QTest::addRow("a host typed on the command line")
        << QStringLiteral("::1") << 4012 << QStringLiteral("http://[::1]:4012");
}

void TestServerBar::targetUrl()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, url);
    MockSession session;
    ServerBar bar(&session);
    bar.selectHost(host);
    bar.setPort(quint16(port));
    QCOMPARE(bar.targetUrl().toString(), url);
}

void TestServerBar::editedPortMovesTheMock()
{
    MockSession session;
    QVERIFY(load(session, DefinitionLoader::bundledExamplePath()));
    ServerBar bar(&session);
    bar.setPort(0);
    QVERIFY(bar.startServer());
    const quint16 first = session.port();
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 wanted = probe.serverPort();
    probe.close();
    QSignalSpy moved(&bar, &ServerBar::addressChanged);
    bar.setPort(wanted);
    emit bar.portSpin()->editingFinished();
    QCOMPARE(moved.count(), 1);
    QVERIFY(session.isRunning());
    QCOMPARE(session.port(), wanted);
    QVERIFY(session.port() != first);
    // Leaving the field without a change does not bounce the mock.
    QSignalSpy stopped(&session, &MockSession::stopped);
    emit bar.portSpin()->editingFinished();
    QCOMPARE(stopped.count(), 0);
}

void TestServerBar::httpsSwitchServesHttpsAndCopiesItsUrl()
{
    QStandardPaths::setTestModeEnabled(true); // the certificate goes to a test data folder
    QSettings().remove(SettingsKeys::https());
    MockSession session;
    QVERIFY(load(session, DefinitionLoader::bundledExamplePath()));
    ServerBar bar(&session);
    bar.setPort(0);
    QVERIFY(!bar.httpsAction()->isChecked());
    QVERIFY(bar.startServer());
    QVERIFY(session.service()->httpsUrl().isEmpty());

    bar.httpsAction()->setChecked(true); // the running mock starts again with HTTPS
    QVERIFY(session.isRunning());
    const QUrl https = session.service()->httpsUrl();
    QCOMPARE(https.scheme(), QStringLiteral("https"));
    QCOMPARE(session.url().scheme(), QStringLiteral("http")); // HTTP stays on
    QVERIFY2(bar.statusText().contains(QStringLiteral("and %1").arg(https.toString())), qPrintable(bar.statusText()));
    const QString fingerprint = session.service()->tlsIdentity().fingerprint();
    QVERIFY(!fingerprint.isEmpty());
    QVERIFY(bar.urlField()->toolTip().contains(fingerprint));
    QVERIFY(bar.statusIndicator()->toolTip().contains(fingerprint));
    bar.copyUrlAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), https.toString());
    QVERIFY(QSettings().value(SettingsKeys::https()).toBool());

    QSslSocket tls;
    QSslConfiguration configuration = tls.sslConfiguration();
    configuration.setCaCertificates({ session.service()->tlsIdentity().certificate });
    tls.setSslConfiguration(configuration);
    tls.connectToHostEncrypted(QStringLiteral("localhost"), quint16(https.port()));
    QVERIFY2(tls.waitForEncrypted(5000), qPrintable(tls.errorString()));
    tls.write("GET /v1/books HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray response;
    while (tls.waitForReadyRead(3000))
        response += tls.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.left(200).constData());

    bar.httpsAction()->setChecked(false);
    QVERIFY(session.isRunning());
    QVERIFY(session.service()->httpsUrl().isEmpty());
    bar.copyUrlAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), session.url().toString());
    QSettings().remove(SettingsKeys::https());
}

QTEST_MAIN(TestServerBar)
#include "tst_serverbar.moc"
