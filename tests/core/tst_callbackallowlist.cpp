// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/callbacks/callbackallowlist.h"

class TestCallbackAllowList : public QObject
{
    Q_OBJECT

private slots:
    void refusal_data();
    void refusal();
    void checkEntry_data();
    void checkEntry();
};

void TestCallbackAllowList::refusal_data()
{
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("called");
    const QStringList none;
    QTest::addRow("localhost always") << none << QStringLiteral("http://localhost:9000/hook") << true;
    QTest::addRow("LOCALHOST in capitals") << none << QStringLiteral("http://LOCALHOST/hook") << true;
    QTest::addRow("127.0.0.1 always") << none << QStringLiteral("http://127.0.0.1:9000/hook") << true;
    QTest::addRow("all of 127.0.0.0/8") << none << QStringLiteral("http://127.8.9.10/") << true;
    QTest::addRow("::1 always") << none << QStringLiteral("http://[::1]:9000/") << true;
    QTest::addRow("other host refused") << none << QStringLiteral("http://example.com/hook") << false;
    QTest::addRow("private address refused") << none << QStringLiteral("http://192.168.1.5/hook") << false;
    QTest::addRow("a name that looks loopback is judged by name")
        << none << QStringLiteral("http://127.0.0.1.nip.io/") << false;
    QTest::addRow("not http") << QStringList { QStringLiteral("*") } << QStringLiteral("file:///etc/passwd") << false;
    QTest::addRow("ftp is not called") << none << QStringLiteral("ftp://localhost/x") << false;
    QTest::addRow("relative URL") << none << QStringLiteral("/hook") << false;
    QTest::addRow("allowed by name, any port") << QStringList { QStringLiteral("Hooks.Example.com") }
                                               << QStringLiteral("https://hooks.example.com:8443/") << true;
    QTest::addRow("allowed by name and port")
        << QStringList { QStringLiteral("hooks.test:8080") } << QStringLiteral("http://hooks.test:8080/") << true;
    QTest::addRow("other port of an allowed host:port")
        << QStringList { QStringLiteral("hooks.test:8080") } << QStringLiteral("http://hooks.test/") << false;
    QTest::addRow("default port counts") << QStringList { QStringLiteral("hooks.test:443") }
                                         << QStringLiteral("https://hooks.test/") << true;
    QTest::addRow("allowed address") << QStringList { QStringLiteral("10.0.0.7") } << QStringLiteral("http://10.0.0.7/")
                                     << true;
    QTest::addRow("allowed IPv6 with port")
        << QStringList { QStringLiteral("[fd00::1]:81") } << QStringLiteral("http://[fd00::1]:81/") << true;
    QTest::addRow("star allows any") << QStringList { QStringLiteral("*") } << QStringLiteral("http://example.com/")
                                     << true;
    QTest::addRow("subdomain of an allowed name is not allowed")
        << QStringList { QStringLiteral("example.com") } << QStringLiteral("http://evil.example.com/") << false;
}

void TestCallbackAllowList::refusal()
{
    QFETCH(QStringList, allowed);
    QFETCH(QString, url);
    QFETCH(bool, called);
    const QString why = CallbackAllowList(allowed).refusal(QUrl(url));
    QVERIFY2(why.isEmpty() == called, qPrintable(why));
}

void TestCallbackAllowList::checkEntry_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<bool>("valid");
    QTest::addRow("name") << QStringLiteral("hooks.test") << true;
    QTest::addRow("name and port") << QStringLiteral("hooks.test:8080") << true;
    QTest::addRow("star") << QStringLiteral("*") << true;
    QTest::addRow("IPv6 in brackets with port") << QStringLiteral("[::1]:80") << true;
    QTest::addRow("port out of range") << QStringLiteral("hooks.test:70000") << false;
    QTest::addRow("port not a number") << QStringLiteral("hooks.test:http") << false;
    QTest::addRow("a URL, not a host") << QStringLiteral("http://hooks.test/") << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("spaces in a name") << QStringLiteral("not a host") << false;
    QTest::addRow("a path, not a host") << QStringLiteral("hooks.test/x") << false;
}

void TestCallbackAllowList::checkEntry()
{
    QFETCH(QString, entry);
    QFETCH(bool, valid);
    QCOMPARE(CallbackAllowList::checkEntry(entry).isEmpty(), valid);
}

QTEST_GUILESS_MAIN(TestCallbackAllowList)
#include "tst_callbackallowlist.moc"
