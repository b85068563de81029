// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/negotiation/responseselector.h"

namespace {

// "200,2XX,default" -> an operation with those responses in that order; "code:name" adds a named example.
Operation makeOperation(const QStringList& codes)
{
    Operation op;
    op.id = QStringLiteral("op");
    for (const QString& spec : codes) {
        Response r;
        const QStringList parts = spec.split(QLatin1Char(':'));
        r.code = parts.first();
        if (parts.size() > 1) {
            MediaType media;
            media.name = QStringLiteral("application/json");
            for (const QString& name : parts.mid(1)) {
                NamedExample e;
                e.name = name;
                e.hasValue = true;
                e.value = name;
                media.examples.append(e);
            }
            r.content.append(media);
        }
        op.responses.append(r);
    }
    return op;
}

} // namespace

class TestResponseSelector : public QObject
{
    Q_OBJECT

private slots:
    void normal_data();
    void normal();
    void defined_data();
    void defined();
    void ownerOfExample();
    void exampleNames();
    void owns();
};

void TestResponseSelector::normal_data()
{
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("rule"); // words the trace sentence must contain
    QTest::addRow("lowest 2xx wins, whatever the order")
        << QStringList { "404", "201", "200" } << "200" << 200 << "lowest 2xx";
    QTest::addRow("range counts as its class") << QStringList { "4XX", "2XX" } << "2XX" << 200 << "2XX range";
    QTest::addRow("exact code beats its range")
        << QStringList { "2XX", "200" } << "200" << 200 << "explicit code beats the 2XX range";
    QTest::addRow("explicit 201 beats 2XX")
        << QStringList { "2XX", "201" } << "201" << 201 << "explicit code beats the 2XX range";
    QTest::addRow("explicit 204 beats 2XX written first")
        << QStringList { "2XX", "default", "204" } << "204" << 204 << "explicit";
    QTest::addRow("range beats default") << QStringList { "default", "2XX" } << "2XX" << 200 << "beats default";
    QTest::addRow("204 when it is the only success") << QStringList { "204", "404" } << "204" << 204 << "lowest 2xx";
    QTest::addRow("default answers 200") << QStringList { "400", "default" } << "default" << 200 << "default";
    QTest::addRow("no 2xx or default: the first") << QStringList { "404", "500" } << "404" << 404 << "first";
    QTest::addRow("nothing defined") << QStringList {} << "" << 0 << "no responses";
}

void TestResponseSelector::normal()
{
    QFETCH(QStringList, codes);
    QFETCH(QString, chosen);
    QFETCH(int, status);
    QFETCH(QString, rule);
    const Operation op = makeOperation(codes);
    const StatusChoice choice = ResponseSelector::normal(op);
    QCOMPARE(choice.response ? choice.response->code : QString(), chosen);
    QCOMPARE(choice.status, status);
    QVERIFY2(choice.reason.contains(rule), qPrintable(choice.reason));
}

void TestResponseSelector::defined_data()
{
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<int>("forced");
    QTest::addColumn<QString>("chosen");
    QTest::addRow("exact code") << QStringList { "200", "429" } << 429 << "429";
    QTest::addRow("range covers it") << QStringList { "200", "4XX" } << 429 << "4XX";
    QTest::addRow("exact beats range") << QStringList { "4XX", "429" } << 429 << "429";
    QTest::addRow("default does not count") << QStringList { "200", "default" } << 418 << "";
    QTest::addRow("undefined") << QStringList { "200" } << 500 << "";
}

void TestResponseSelector::defined()
{
    QFETCH(QStringList, codes);
    QFETCH(int, forced);
    QFETCH(QString, chosen);
    const Operation op = makeOperation(codes);
    const Response* r = ResponseSelector::defined(op, forced);
    QCOMPARE(r ? r->code : QString(), chosen);
}

void TestResponseSelector::ownerOfExample()
{
    const Operation op = makeOperation({ "200:first:shared", "404:gone:shared" });
    QCOMPARE(ResponseSelector::ownerOfExample(op, QStringLiteral("gone"), nullptr)->code, QStringLiteral("404"));
    // The preferred response wins when it owns the name too.
    QCOMPARE(ResponseSelector::ownerOfExample(op, QStringLiteral("shared"), &op.responses.at(1))->code,
        QStringLiteral("404"));
    QCOMPARE(ResponseSelector::ownerOfExample(op, QStringLiteral("shared"), nullptr)->code, QStringLiteral("200"));
    QCOMPARE(ResponseSelector::ownerOfExample(op, QStringLiteral("nope"), nullptr), nullptr);
}

void TestResponseSelector::exampleNames()
{
    const Operation op = makeOperation({ "200:first:shared", "404:gone:shared" });
    QCOMPARE(ResponseSelector::exampleNames(op), (QStringList { "first", "shared", "gone" }));
}

void TestResponseSelector::owns()
{
    const Operation op = makeOperation({ "200:first:shared", "404" });
    QVERIFY(ResponseSelector::owns(op.responses.at(0), QStringLiteral("shared")));
    QVERIFY(ResponseSelector::owns(op.responses.at(0).content.first(), QStringLiteral("first")));
    QVERIFY(!ResponseSelector::owns(op.responses.at(0), QStringLiteral("nope")));
    QVERIFY(!ResponseSelector::owns(op.responses.at(1), QStringLiteral("first")));
}

QTEST_GUILESS_MAIN(TestResponseSelector)
#include "tst_responseselector.moc"
