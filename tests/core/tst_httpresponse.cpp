// SPDX-License-Identifier: MIT
// HttpResponse: header helpers and the RFC 9110 Date value.
#include <QTest>

#include "core/http/httpresponse.h"

class TestHttpResponse : public QObject
{
    Q_OBJECT

private slots:
    void httpDate_data();
    void httpDate();
    void ensureDateKeepsOne();
};

void TestHttpResponse::httpDate_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("RFC 9110 example") << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC)
                                      << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT");
    QTest::addRow("leap day, midnight") << QDateTime(QDate(2024, 2, 29), QTime(0, 0, 0), Qt::UTC)
                                        << QByteArray("Thu, 29 Feb 2024 00:00:00 GMT");
    QTest::addRow("local time is converted to GMT") << QDateTime(QDate(2026, 12, 2), QTime(3, 4, 5), Qt::OffsetFromUTC,
        3600) << QByteArray("Wed, 02 Dec 2026 02:04:05 GMT");
    QTest::addRow("invalid time gives nothing") << QDateTime() << QByteArray();
}

void TestHttpResponse::httpDate()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, text);
    QCOMPARE(HttpResponse::httpDate(time), text);
}

void TestHttpResponse::ensureDateKeepsOne()
{
    HttpResponse response;
    response.ensureDate();
    const QByteArray first = response.header("Date");
    QCOMPARE(first.size(), 29);
    QVERIFY(first.endsWith(" GMT"));
    response.ensureDate();
    QCOMPARE(response.headers.size(), 1);
    HttpResponse own;
    own.setHeader("date", "Sun, 06 Nov 1994 08:49:37 GMT"); // a definition's own Date header stays
    own.ensureDate();
    QCOMPARE(own.headers.size(), 1);
    QCOMPARE(own.header("Date"), QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
}

QTEST_GUILESS_MAIN(TestHttpResponse)
#include "tst_httpresponse.moc"
