// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/negotiation/preferheader.h"

// Parsing of Prism's Prefer header: valid forms and the ones the mock answers with 422.
class TestPreferHeader : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void hostileInput();
};

void TestPreferHeader::parse_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("example");
    QTest::addColumn<bool>("hasDynamic");
    QTest::addColumn<bool>("dynamic");
    QTest::addColumn<QString>("errorContains");

    QTest::addRow("empty header") << "" << true << 0 << QString() << false << false << QString();
    QTest::addRow("code only") << "code=404" << true << 404 << QString() << false << false << QString();
    QTest::addRow("all three with commas")
        << "code=404, example=cat, dynamic=true" << true << 404 << "cat" << true << true << QString();
    QTest::addRow("semicolons") << "code=201;example=created;dynamic=false" << true << 201 << "created" << true << false
                                << QString();
    QTest::addRow("mixed separators and spaces")
        << "  code = 500 ;  example = boom , dynamic = TRUE " << true << 500 << "boom" << true << true << QString();
    QTest::addRow("quoted values") << "code=\"418\", example=\"my cat\"" << true << 418 << "my cat" << false << false
                                   << QString();
    QTest::addRow("quoted example with separators")
        << "example=\"a, b; c\", code=200" << true << 200 << "a, b; c" << false << false << QString();
    QTest::addRow("upper-case names") << "Code=302, EXAMPLE=Moved" << true << 302 << "Moved" << false << false
                                      << QString();
    QTest::addRow("other preferences ignored") << "return=minimal, respond-async, wait=10, code=204" << true << 204
                                               << QString() << false << false << QString();
    QTest::addRow("repeated name keeps last")
        << "code=200, code=404" << true << 404 << QString() << false << false << QString();
    QTest::addRow("only separators") << " , ; ,," << true << 0 << QString() << false << false << QString();

    QTest::addRow("code with letters") << "code=abc" << false << 0 << QString() << false << false << "code";
    QTest::addRow("code with two digits") << "code=99" << false << 0 << QString() << false << false << "'99'";
    QTest::addRow("code with four digits") << "code=4040" << false << 0 << QString() << false << false << "code";
    QTest::addRow("code out of range") << "code=600" << false << 0 << QString() << false << false << "600";
    QTest::addRow("code with sign") << "code=+20" << false << 0 << QString() << false << false << "code";
    QTest::addRow("code empty") << "code=" << false << 0 << QString() << false << false << "code";
    QTest::addRow("code with decimals") << "code=2.0" << false << 0 << QString() << false << false << "code";
    QTest::addRow("dynamic not boolean") << "code=200, dynamic=yes" << false << 200 << QString() << false << false
                                         << "dynamic";
    QTest::addRow("dynamic empty") << "dynamic=" << false << 0 << QString() << false << false << "dynamic";
    QTest::addRow("example empty") << "example=\"\"" << false << 0 << QString() << false << false << "example";
}

void TestPreferHeader::parse()
{
    QFETCH(QString, header);
    QFETCH(bool, valid);
    QFETCH(int, code);
    QFETCH(QString, example);
    QFETCH(bool, hasDynamic);
    QFETCH(bool, dynamic);
    QFETCH(QString, errorContains);

    const PreferHeader prefer = PreferHeader::parse(header);
    QCOMPARE(prefer.valid, valid);
    QCOMPARE(prefer.code, code);
    QCOMPARE(prefer.example, example);
    QCOMPARE(prefer.hasDynamic, hasDynamic);
    QCOMPARE(prefer.dynamic, dynamic);
    if (valid) {
        QVERIFY(prefer.error.isEmpty());
    } else {
        QVERIFY2(prefer.error.contains(errorContains), qPrintable(prefer.error));
    }
}

void TestPreferHeader::hostileInput()
{
    // an unterminated quote swallows the rest; huge input stays bounded in the error message
    const PreferHeader open = PreferHeader::parse(QStringLiteral("example=\"abc, code=404"));
    QVERIFY(open.valid);
    QCOMPARE(open.code, 0);
    const PreferHeader huge = PreferHeader::parse(QStringLiteral("code=") + QString(100000, QLatin1Char('9')));
    QVERIFY(!huge.valid);
    QVERIFY(huge.error.size() < 200);
    QVERIFY(PreferHeader::parse(QString(100000, QLatin1Char(';'))).isEmpty());
}

QTEST_GUILESS_MAIN(TestPreferHeader)
#include "tst_preferheader.moc"
