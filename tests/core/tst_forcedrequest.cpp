// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/negotiation/forcedrequest.h"

class TestForcedRequest : public QObject
{
    Q_OBJECT

private slots:
    void read_data();
    void read();
};

void TestForcedRequest::read_data()
{
    QTest::addColumn<QStringList>("headers"); // "Name: value"
    QTest::addColumn<int>("storedStatus");
    QTest::addColumn<QString>("storedExample");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("statusSource");
    QTest::addColumn<QString>("example");
    QTest::addColumn<bool>("error");

    QTest::addRow("nothing forced") << QStringList() << 0 << "" << 0 << ""
                                    << "" << false;
    QTest::addRow("redocly status") << QStringList { "x-redocly-response-status: 429" } << 0 << "" << 429
                                    << "x-redocly-response-status"
                                    << "" << false;
    QTest::addRow("header names are case-insensitive")
        << QStringList { "X-Redocly-Response-Status: 404" } << 0 << "" << 404 << "x-redocly-response-status"
        << "" << false;
    QTest::addRow("non-numeric status is ignored")
        << QStringList { "x-redocly-response-status: abc" } << 0 << "" << 0 << ""
        << "" << false;
    QTest::addRow("redocly example") << QStringList { "x-redocly-response-body-example: UserObject" } << 0 << "" << 0
                                     << ""
                                     << "UserObject" << false;
    QTest::addRow("Prefer code and example")
        << QStringList { "Prefer: code=404, example=gone" } << 0 << "" << 404 << "Prefer"
        << "gone" << false;
    QTest::addRow("redocly header wins over Prefer")
        << QStringList { "Prefer: code=200", "x-redocly-response-status: 500" } << 0 << "" << 500
        << "x-redocly-response-status"
        << "" << false;
    QTest::addRow("malformed Prefer is an error") << QStringList { "Prefer: code=4x4" } << 0 << "" << 0 << ""
                                                  << "" << true;
    QTest::addRow("store applies without headers") << QStringList() << 404 << "gone" << 404 << "the forcing panel"
                                                   << "gone" << false;
    QTest::addRow("headers win over the store field by field")
        << QStringList { "x-redocly-response-status: 201" } << 404 << "gone" << 201 << "x-redocly-response-status"
        << "gone" << false;
}

void TestForcedRequest::read()
{
    QFETCH(QStringList, headers);
    QFETCH(int, storedStatus);
    QFETCH(QString, storedExample);
    QFETCH(int, status);
    QFETCH(QString, statusSource);
    QFETCH(QString, example);
    QFETCH(bool, error);

    HttpRequest request;
    request.method = "GET";
    request.path = QStringLiteral("/x");
    for (const QString& h : headers) {
        const int colon = h.indexOf(QLatin1Char(':'));
        request.headers.append(qMakePair(h.left(colon).toUtf8(), h.mid(colon + 1).trimmed().toUtf8()));
    }
    const ForcedRequest forced = ForcedRequest::read(request, ForcedResponse { storedStatus, storedExample });
    QCOMPARE(forced.error.has_value(), error);
    if (error) {
        QCOMPARE(forced.error->status, 422);
        return;
    }
    QCOMPARE(forced.status, status);
    QCOMPARE(forced.statusSource, statusSource);
    QCOMPARE(forced.example, example);
}

QTEST_GUILESS_MAIN(TestForcedRequest)
#include "tst_forcedrequest.moc"
