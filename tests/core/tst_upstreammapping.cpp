// SPDX-License-Identifier: MIT
// Where a proxied request goes, and which headers cross the proxy in each direction.
#include <QTest>

#include "core/proxy/upstreammapping.h"

class TestUpstreamMapping : public QObject
{
    Q_OBJECT

private slots:
    void target_data();
    void target();
    void requestHeaders_data();
    void requestHeaders();
    void responseHeadersKeepEverythingButHopByHop();
};

void TestUpstreamMapping::target_data()
{
    QTest::addColumn<QString>("upstream");
    QTest::addColumn<QString>("basePath");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("expected");
    QTest::newRow("base path replaced by the upstream's path")
        << "http://up:8080/api"
        << "/v1"
        << "/v1/books/1" << QByteArray("a=1") << "http://up:8080/api/books/1?a=1";
    QTest::newRow("request without the (optional) base path")
        << "http://up:8080/api"
        << "/v1"
        << "/books/1" << QByteArray() << "http://up:8080/api/books/1";
    QTest::newRow("path equal to the base path") << "http://up/api"
                                                 << "/v1"
                                                 << "/v1" << QByteArray() << "http://up/api/";
    QTest::newRow("base path only as a prefix of a segment is kept") << "http://up"
                                                                     << "/v1"
                                                                     << "/v10/x" << QByteArray() << "http://up/v10/x";
    QTest::newRow("no base path, root upstream")
        << "https://api.example.com"
        << ""
        << "/books" << QByteArray("q=a+b") << "https://api.example.com/books?q=a+b";
    QTest::newRow("upstream path with a trailing slash") << "http://up/api/"
                                                         << ""
                                                         << "/books" << QByteArray() << "http://up/api/books";
    QTest::newRow("percent-encoding kept as sent")
        << "http://up"
        << ""
        << "/a%2Fb/%C3%A9" << QByteArray("x=%26&y=%2B") << "http://up/a%2Fb/%C3%A9?x=%26&y=%2B";
}

void TestUpstreamMapping::target()
{
    QFETCH(QString, upstream);
    QFETCH(QString, basePath);
    QFETCH(QString, path);
    QFETCH(QByteArray, query);
    QFETCH(QString, expected);
    const QUrl url = UpstreamMapping::target(QUrl(upstream), basePath, path, query);
    QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
}

void TestUpstreamMapping::requestHeaders_data()
{
    QTest::addColumn<HeaderList>("in");
    QTest::addColumn<HeaderList>("out");
    QTest::newRow("end-to-end headers kept in order, repeats too")
        << HeaderList { { "Accept", "a" }, { "X-Id", "1" }, { "X-Id", "2" }, { "Authorization", "Bearer t" } }
        << HeaderList { { "Accept", "a" }, { "X-Id", "1" }, { "X-Id", "2" }, { "Authorization", "Bearer t" } };
    QTest::newRow("hop-by-hop dropped") << HeaderList { { "Connection", "keep-alive" }, { "Keep-Alive", "timeout=5" },
        { "TE", "trailers" }, { "Transfer-Encoding", "chunked" }, { "Upgrade", "h2c" },
        { "Proxy-Authorization", "Basic x" }, { "Trailer", "X" }, { "X-Keep", "1" } }
                                        << HeaderList { { "X-Keep", "1" } };
    QTest::newRow("names listed in Connection dropped") << HeaderList { { "connection", "close, X-Hop" },
        { "x-hop", "1" }, { "X-Other", "2" } } << HeaderList { { "X-Other", "2" } };
    QTest::newRow("Host, Content-Length and Expect are the proxy's own") << HeaderList { { "Host", "localhost:4010" },
        { "Content-Length", "3" }, { "Expect", "100-continue" },
        { "Content-Type", "application/json" } } << HeaderList { { "Content-Type", "application/json" } };
}

void TestUpstreamMapping::requestHeaders()
{
    QFETCH(HeaderList, in);
    QFETCH(HeaderList, out);
    QCOMPARE(UpstreamMapping::forwardedRequestHeaders(in), out);
}

void TestUpstreamMapping::responseHeadersKeepEverythingButHopByHop()
{
    const HeaderList in { { "Content-Type", "application/json" }, { "Transfer-Encoding", "chunked" },
        { "Connection", "close" }, { "Set-Cookie", "a=1" }, { "Set-Cookie", "b=2" }, { "Content-Length", "9" },
        { "Content-Encoding", "gzip" } };
    const HeaderList expected { { "Content-Type", "application/json" }, { "Set-Cookie", "a=1" },
        { "Set-Cookie", "b=2" }, { "Content-Encoding", "gzip" } };
    QCOMPARE(UpstreamMapping::returnedResponseHeaders(in), expected);
    QVERIFY(UpstreamMapping::isHopByHop("KEEP-ALIVE"));
    QVERIFY(!UpstreamMapping::isHopByHop("Content-Type"));
}

QTEST_GUILESS_MAIN(TestUpstreamMapping)
#include "tst_upstreammapping.moc"
