// SPDX-License-Identifier: MIT
// RequestFraming, ChunkedDecoder and HostPolicy on plain bytes, without sockets.
#include <QTest>

#include "core/http/hostpolicy.h"
#include "core/http/requestframing.h"

class TestRequestFraming : public QObject
{
    Q_OBJECT

private slots:
    void headArrivingByteByByte();
    void headFields_data();
    void headFields();
    void headerLinesKeptAsSent();
    void chunkedSplitAnywhere();
    void chunkedOverLimit();
    void chunkSizeRefused_data();
    void chunkSizeRefused();
    void hostName_data();
    void hostName();
    void boundToAny();
};

void TestRequestFraming::headArrivingByteByByte()
{
    const QByteArray request = "\r\nPOST /books HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n\r\nbody";
    FramingLimits limits;
    qsizetype scanFrom = 0;
    RequestHead head;
    FramingError error;
    const qsizetype headEnd = request.indexOf("\r\n\r\n") + 4;
    for (qsizetype n = 1; n < headEnd; ++n)
        QCOMPARE(RequestFraming::parseHead(QByteArrayView(request).first(n), limits, &scanFrom, &head, &error),
            RequestFraming::Status::Incomplete);
    QCOMPARE(RequestFraming::parseHead(request, limits, &scanFrom, &head, &error), RequestFraming::Status::Complete);
    QCOMPARE(head.start, 2);
    QCOMPARE(head.end, headEnd);
    QCOMPARE(head.method, QByteArray("POST"));
    QCOMPARE(head.target, QByteArray("/books"));
    QCOMPARE(head.body, RequestHead::Body::Length);
    QCOMPARE(head.contentLength, 4);
    QCOMPARE(head.host, QByteArray("localhost"));
    QVERIFY(head.keepAlive);
}

void TestRequestFraming::headFields_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("expectContinue");
    QTest::addColumn<int>("minor");

    QTest::addRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n") << true << false << 1;
    QTest::addRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, close\r\n\r\n")
                               << false << false << 1;
    QTest::addRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false << false << 0;
    QTest::addRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true << false
                                    << 0;
    QTest::addRow("expect") << QByteArray(
        "PUT / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n")
                            << true << true << 1;
}

void TestRequestFraming::headFields()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    QFETCH(bool, expectContinue);
    QFETCH(int, minor);
    qsizetype scanFrom = 0;
    RequestHead h;
    FramingError error;
    QCOMPARE(RequestFraming::parseHead(head, FramingLimits(), &scanFrom, &h, &error), RequestFraming::Status::Complete);
    QCOMPARE(h.keepAlive, keepAlive);
    QCOMPARE(h.expectContinue, expectContinue);
    QCOMPARE(h.minorVersion, minor);
}

// The gate serves most requests from these fields without Qt's parser: names as sent, values without the
// whitespace around them, repeats kept in order.
void TestRequestFraming::headerLinesKeptAsSent()
{
    const QByteArray request = "GET /a?b=1 HTTP/1.1\r\nHost: x\r\nX-Tag:  one \r\nx-tag:two\r\nAccept:\t*/*\t\r\n"
                               "Empty:\r\n\r\n";
    qsizetype scanFrom = 0;
    RequestHead h;
    FramingError error;
    QCOMPARE(
        RequestFraming::parseHead(request, FramingLimits(), &scanFrom, &h, &error), RequestFraming::Status::Complete);
    const HeaderList expected = { { "Host", "x" }, { "X-Tag", "one" }, { "x-tag", "two" }, { "Accept", "*/*" },
        { "Empty", "" } };
    QCOMPARE(h.fields, expected);
    QCOMPARE(h.target, QByteArray("/a?b=1"));
}

void TestRequestFraming::chunkedSplitAnywhere()
{
    const QByteArray wire = "5;x=y\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: t\r\n\r\nNEXT";
    for (qsizetype cut = 0; cut <= wire.size() - 4; ++cut) {
        ChunkedDecoder decoder;
        QByteArray body;
        FramingError error;
        qsizetype pos = 0;
        QByteArray buffer = wire.left(cut);
        ChunkedDecoder::Status status = decoder.feed(buffer, &pos, &body, FramingLimits(), &error);
        QVERIFY(status != ChunkedDecoder::Status::Refused);
        buffer = wire;
        if (status != ChunkedDecoder::Status::Done)
            status = decoder.feed(buffer, &pos, &body, FramingLimits(), &error);
        QVERIFY2(status == ChunkedDecoder::Status::Done, qPrintable(QString::number(cut)));
        QCOMPARE(body, QByteArray("helloabcdefghijklmnopqrstuvwxyz"));
        QCOMPARE(buffer.mid(pos), QByteArray("NEXT")); // the next request starts exactly after the trailer
    }
}

void TestRequestFraming::chunkedOverLimit()
{
    FramingLimits limits;
    limits.maxBodyBytes = 10;
    ChunkedDecoder decoder;
    QByteArray body;
    FramingError error;
    qsizetype pos = 0;
    // Refused from the size line alone: the 2 GiB chunk is never waited for.
    QCOMPARE(decoder.feed("80000000\r\n", &pos, &body, limits, &error), ChunkedDecoder::Status::Refused);
    QCOMPARE(error.status, 413);
}

void TestRequestFraming::chunkSizeRefused_data()
{
    QTest::addColumn<QByteArray>("wire");
    // Found by fuzz_requestpath: a long size line of non-hex bytes overflowed the size while it was summed (UBSan).
    QTest::addRow("long garbage size line (fuzzer)")
        << QByteArray("\xfe\xff\xff\xff"
                      "B\xff\xff\xff\xff\xff\x16\r\x9f\xa2\xa2\xa2\xa2\xa2\xa2\xa2]]]]]]]]]]\n2\r\n");
    QTest::addRow("16 hex digits") << QByteArray("ffffffffffffffff\r\n");
    QTest::addRow("a hundred hex digits") << QByteArray(100, 'f') + "\r\n";
    QTest::addRow("not hex") << QByteArray("5g\r\n");
    QTest::addRow("empty size") << QByteArray("\r\n");
    QTest::addRow("sign") << QByteArray("-5\r\n");
}

void TestRequestFraming::chunkSizeRefused()
{
    QFETCH(QByteArray, wire);
    ChunkedDecoder decoder;
    QByteArray body;
    FramingError error;
    qsizetype pos = 0;
    QCOMPARE(decoder.feed(wire, &pos, &body, FramingLimits(), &error), ChunkedDecoder::Status::Refused);
    QCOMPARE(error.status, 400);
    QVERIFY(body.isEmpty());
}

void TestRequestFraming::hostName_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QString>("name");

    QTest::addRow("name and port") << QByteArray("Example.TEST:8080") << QStringLiteral("example.test");
    QTest::addRow("trailing dot") << QByteArray("localhost.") << QStringLiteral("localhost");
    QTest::addRow("IPv6") << QByteArray("[::1]:80") << QStringLiteral("::1");
    QTest::addRow("IPv6 without brackets") << QByteArray("::1") << QString();
    QTest::addRow("port not a number") << QByteArray("a:b") << QString();
    QTest::addRow("userinfo") << QByteArray("user@evil") << QString();
}

void TestRequestFraming::hostName()
{
    QFETCH(QByteArray, host);
    QFETCH(QString, name);
    QCOMPARE(HostPolicy::hostName(host), name);
}

void TestRequestFraming::boundToAny()
{
    const QHostAddress lan(QStringLiteral("192.168.7.9"));
    const HostPolicy policy(QHostAddress(QHostAddress::AnyIPv4), { QStringLiteral("mock.test") }, { lan });
    QVERIFY(policy.allows("192.168.7.9:4010")); // this machine's own address
    QVERIFY(policy.allows("mock.test"));
    QVERIFY(policy.allows("127.0.0.1"));
    QVERIFY(!policy.allows("192.168.7.10"));
    QVERIFY(!policy.allows("rebind.example"));
    const HostPolicy bound(lan, {});
    QVERIFY(bound.allows("192.168.7.9"));
    QVERIFY(!bound.allows("mock.test"));
}

QTEST_GUILESS_MAIN(TestRequestFraming)
#include "tst_requestframing.moc"
