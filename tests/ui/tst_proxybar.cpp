// SPDX-License-Identifier: MIT
// The window's proxy controls: mode and upstream remembered per definition, the bar's settings, the log's marker.
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "ui/models/proxypreferences.h"
#include "ui/models/requestlogmodel.h"
#include "ui/widgets/proxybar.h"

class TestProxyBar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rememberedPerDefinition();
    void barReportsWhatTheUserChose();
    void logShowsDriftAndWhoAnswered();
    void recordNeedsAProxyModeAndCounts();
};

void TestProxyBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("UnderstudyUiTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_proxybar"));
    QSettings().clear();
}

void TestProxyBar::rememberedPerDefinition()
{
    QSettings settings;
    const QString one = QStringLiteral("/tmp/one.yaml");
    const QString two = QStringLiteral("/tmp/two.yaml");
    QCOMPARE(ProxyPreferences::load(settings, one).mode, ProxyMode::Mock);
    ProxySettings proxy;
    proxy.mode = ProxyMode::ProxyWithFallback;
    proxy.upstream = QUrl(QStringLiteral("http://localhost:8080/api"));
    proxy.timeoutMs = 2500;
    ProxyPreferences::save(settings, one, proxy);
    const ProxySettings back = ProxyPreferences::load(settings, one);
    QCOMPARE(back.mode, ProxyMode::ProxyWithFallback);
    QCOMPARE(back.upstream, proxy.upstream);
    QCOMPARE(back.timeoutMs, 2500);
    QCOMPARE(ProxyPreferences::load(settings, two).mode, ProxyMode::Mock);
    ProxyPreferences::save(settings, one, ProxySettings());
    QVERIFY(ProxyPreferences::load(settings, one).upstream.isEmpty());
}

void TestProxyBar::barReportsWhatTheUserChose()
{
    ProxyBar bar;
    QSignalSpy changed(&bar, &ProxyBar::settingsChanged);
    ProxySettings proxy;
    proxy.mode = ProxyMode::Proxy;
    proxy.upstream = QUrl(QStringLiteral("http://localhost:9000"));
    bar.setSettings(proxy);
    QCOMPARE(changed.size(), 0); // showing settings is not a change
    QCOMPARE(bar.modeCombo()->currentText(), QStringLiteral("Proxy"));
    QCOMPARE(bar.upstreamField()->text(), QStringLiteral("http://localhost:9000"));
    QVERIFY(bar.settings().active());

    bar.upstreamField()->setText(QStringLiteral("localhost:7000/api"));
    emit bar.upstreamField()->editingFinished();
    QCOMPARE(changed.size(), 1);
    const ProxySettings chosen = changed.takeFirst().at(0).value<ProxySettings>();
    QCOMPARE(chosen.upstream, QUrl(QStringLiteral("http://localhost:7000/api")));

    bar.modeCombo()->setCurrentIndex(bar.modeCombo()->findData(int(ProxyMode::ProxyWithFallback)));
    emit bar.modeCombo()->activated(bar.modeCombo()->currentIndex());
    QCOMPARE(changed.size(), 1);
    QVERIFY(changed.takeFirst().at(0).value<ProxySettings>().fallback());

    bar.upstreamField()->setText(QStringLiteral("ftp://nowhere"));
    QVERIFY(!bar.settings().active());
}

void TestProxyBar::logShowsDriftAndWhoAnswered()
{
    RequestLogModel model;
    model.setFlushInterval(0);
    RequestLogEntry e;
    e.id = 1;
    e.method = "GET";
    e.path = QStringLiteral("/v1/books/7");
    e.status = 200;
    e.answeredBy = QStringLiteral("upstream");
    e.drift = { { QStringLiteral("body/title"), QStringLiteral("required"),
        QStringLiteral("missing required property 'title'") } };
    model.handleRequest(e);
    QTRY_COMPARE(model.rowCount(), 1);
    const QModelIndex flags = model.index(0, RequestLogModel::FlagsColumn);
    QCOMPARE(flags.data().toString(), QStringLiteral("drift 1, from upstream"));
    QVERIFY(flags.data(Qt::ToolTipRole).toString().contains(QLatin1String("body/title")));
}

void TestProxyBar::recordNeedsAProxyModeAndCounts()
{
    ProxyBar bar;
    QAction* record = bar.recordAction();
    QVERIFY(record->isCheckable());
    QVERIFY(!record->isEnabled()); // Mock: nothing comes from an upstream
    QVERIFY(record->toolTip().contains(QLatin1String("Proxy")));
    ProxySettings proxy;
    proxy.mode = ProxyMode::ProxyWithFallback;
    proxy.upstream = QUrl(QStringLiteral("http://localhost:9000"));
    bar.setSettings(proxy);
    QVERIFY(record->isEnabled());
    QCOMPARE(record->text(), QStringLiteral("Record"));

    bar.setRecording(true, QStringLiteral("/tmp/books.recorded.overlay.json"), 0);
    QVERIFY(record->isChecked());
    QCOMPARE(record->text(), QStringLiteral("Recording"));
    bar.setRecording(true, QStringLiteral("/tmp/books.recorded.overlay.json"), 3);
    QCOMPARE(record->text(), QStringLiteral("Recorded 3"));
    QVERIFY(record->toolTip().contains(QLatin1String("books.recorded.overlay.json")));
    // While recording, the button stays usable in any mode, so recording can always be stopped.
    proxy.mode = ProxyMode::Mock;
    bar.setSettings(proxy);
    QVERIFY(record->isEnabled());
    bar.setRecording(false, QStringLiteral("/tmp/books.recorded.overlay.json"), 3);
    QVERIFY(!record->isChecked());
    QVERIFY(!record->isEnabled());
    QCOMPARE(record->text(), QStringLiteral("Record"));
}

QTEST_MAIN(TestProxyBar)
#include "tst_proxybar.moc"
