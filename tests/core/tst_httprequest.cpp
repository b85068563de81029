// SPDX-License-Identifier: MIT
// HttpRequest: the request target read as QtHttpServer 6.4 reads it, headers and query items, without sockets.
#include <QTest>
#include <QUrl>

#include "core/http/httprequest.h"

namespace {

// What QtHttpServer 6.4 makes of an origin-form target: http_parser splits off the query and the fragment, the
// path goes through QUrl::setPath in tolerant mode and the query through QUrl::setQuery, and MockServer reads both
// back fully encoded.
QPair<QString, QByteArray> asQtReadsIt(const QByteArray& target)
{
    QByteArray rest = target;
    const qsizetype hash = rest.indexOf('#');
    if (hash >= 0)
        rest.truncate(hash);
    const qsizetype mark = rest.indexOf('?');
    QUrl url;
    url.setPath(QString::fromUtf8(mark < 0 ? rest : rest.left(mark)), QUrl::TolerantMode);
    if (mark >= 0)
        url.setQuery(QString::fromUtf8(rest.mid(mark + 1)));
    QString path = url.path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = QStringLiteral("/");
    return { path, url.query(QUrl::FullyEncoded).toUtf8() };
}

} // namespace

class TestHttpRequest : public QObject
{
    Q_OBJECT

private slots:
    void targetReadAsQtReadsIt_data();
    void targetReadAsQtReadsIt();
    void headerLookup();
};

void TestHttpRequest::targetReadAsQtReadsIt_data()
{
    QTest::addColumn<QByteArray>("target");
    // Every printable ASCII character, in a path segment and in a query value: the characters QUrl keeps take the
    // quick way, the others QUrl's, and both must give what Qt's parser gave.
    for (int c = 0x21; c < 0x7f; ++c) {
        const char ch = char(c);
        const QByteArray name = QByteArray::number(c, 16);
        QTest::addRow("path 0x%s", name.constData()) << QByteArray("/a") + ch + "b/c";
        QTest::addRow("query 0x%s", name.constData()) << QByteArray("/a?x=") + ch + "&y=2";
    }
    QTest::addRow("plain") << QByteArray("/pets/42");
    QTest::addRow("root") << QByteArray("/");
    QTest::addRow("double slash") << QByteArray("//pets//42/");
    QTest::addRow("escape of an unreserved letter") << QByteArray("/pets/%41%62");
    QTest::addRow("escaped slash, lower-case hex") << QByteArray("/a%2fb?q=%2f");
    QTest::addRow("escaped space") << QByteArray("/a%20b?q=a%20b");
    QTest::addRow("stray percent") << QByteArray("/50%?rate=5%");
    QTest::addRow("bad escape") << QByteArray("/a%zzb?x=%g1");
    QTest::addRow("utf-8") << QByteArray("/caf\xc3\xa9?q=\xc3\xa9t\xc3\xa9");
    QTest::addRow("invalid utf-8") << QByteArray("/a\xff\xfe?q=\xc0");
    QTest::addRow("empty query") << QByteArray("/a?");
    QTest::addRow("question mark in the query") << QByteArray("/a?b?c=d");
    QTest::addRow("fragment") << QByteArray("/a?b=1#frag");
    QTest::addRow("fragment before a question mark") << QByteArray("/a#f?b=1");
    QTest::addRow("plus and equals") << QByteArray("/a+b?x=1+2&y==3");
    QTest::addRow("dot segments") << QByteArray("/a/../b/./c");
}

void TestHttpRequest::targetReadAsQtReadsIt()
{
    QFETCH(QByteArray, target);
    HttpRequest request;
    request.setTarget(target);
    const auto expected = asQtReadsIt(target);
    QCOMPARE(request.path, expected.first);
    QCOMPARE(request.query, expected.second);
}

void TestHttpRequest::headerLookup()
{
    HttpRequest request;
    request.headers = { { "Accept", "text/plain" }, { "x-many", "1" }, { "X-Many", "2" }, { "Empty", "" } };
    QCOMPARE(request.header("accept"), QByteArray("text/plain"));
    QCOMPARE(request.header("X-MANY"), QByteArray("1, 2"));
    QVERIFY(!request.header("empty").isNull());
    QVERIFY(request.header("Acceptx").isNull());
    QVERIFY(request.hasHeader("EMPTY"));
    QVERIFY(!request.hasHeader("Accep"));
}

QTEST_APPLESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
