// SPDX-License-Identifier: MIT
// Proxy settings as the command line and the window spell them: upstream URLs, modes, timeouts.
#include <QTest>

#include "core/proxy/proxysettings.h"

class TestProxySettings : public QObject
{
    Q_OBJECT

private slots:
    void upstream_data();
    void upstream();
    void modesRoundTrip();
    void timeout_data();
    void timeout();
    void activeNeedsAModeAndAnUpstream();
};

void TestProxySettings::upstream_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("usable");
    QTest::newRow("http with port and path") << "http://localhost:8080/api" << true;
    QTest::newRow("https") << "https://api.example.com" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("ftp") << "ftp://example.com" << false;
    QTest::newRow("no host") << "http:///api" << false;
    QTest::newRow("query") << "http://up/api?x=1" << false;
}

void TestProxySettings::upstream()
{
    QFETCH(QString, url);
    QFETCH(bool, usable);
    QCOMPARE(ProxySettings::checkUpstream(QUrl(url)).isEmpty(), usable);
}

void TestProxySettings::modesRoundTrip()
{
    for (ProxyMode mode : { ProxyMode::Mock, ProxyMode::Proxy, ProxyMode::ProxyWithFallback })
        QVERIFY(ProxySettings::parseMode(ProxySettings::modeName(mode)) == mode);
    QVERIFY(ProxySettings::parseMode(QStringLiteral("FALLBACK")) == ProxyMode::ProxyWithFallback);
    QVERIFY(!ProxySettings::parseMode(QStringLiteral("tunnel")));
}

void TestProxySettings::timeout_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("ms");
    QTest::newRow("seconds") << "10s" << 10000;
    QTest::newRow("fractional seconds") << "1.5s" << 1500;
    QTest::newRow("milliseconds") << "2500ms" << 2500;
    QTest::newRow("bare number is milliseconds") << "750" << 750;
    QTest::newRow("zero") << "0s" << -1;
    QTest::newRow("negative") << "-1s" << -1;
    QTest::newRow("words") << "soon" << -1;
    QTest::newRow("more than an hour") << "3601s" << -1;
}

void TestProxySettings::timeout()
{
    QFETCH(QString, text);
    QFETCH(int, ms);
    QCOMPARE(ProxySettings::parseTimeout(text).value_or(-1), ms);
}

void TestProxySettings::activeNeedsAModeAndAnUpstream()
{
    ProxySettings s;
    s.upstream = QUrl(QStringLiteral("http://localhost:1"));
    QVERIFY(!s.active());
    s.mode = ProxyMode::Proxy;
    QVERIFY(s.active());
    QVERIFY(!s.fallback());
    s.mode = ProxyMode::ProxyWithFallback;
    QVERIFY(s.fallback());
    s.upstream = QUrl();
    QVERIFY(!s.active());
}

QTEST_GUILESS_MAIN(TestProxySettings)
#include "tst_proxysettings.moc"
