// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/http/headertokens.h"

class TestHeaderTokens : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void unquote_data();
    void unquote();
};

void TestHeaderTokens::split_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("separators");
    QTest::addColumn<bool>("resolve");
    QTest::addColumn<QStringList>("parts");
    QTest::addRow("plain commas") << "a, b,c"
                                  << "," << false << QStringList { "a", " b", "c" };
    QTest::addRow("separator inside quotes is kept") << R"(a="x,y",b)"
                                                     << "," << false << QStringList { R"(a="x,y")", "b" };
    QTest::addRow("two separators") << "a;b,c"
                                    << ",;" << false << QStringList { "a", "b", "c" };
    QTest::addRow("escaped quote kept") << R"(a="x\"y",b)"
                                        << "," << false << QStringList { R"(a="x\"y")", "b" };
    QTest::addRow("escaped quote resolved") << R"(a="x\"y",b)"
                                            << "," << true << QStringList { R"(a="x"y")", "b" };
    QTest::addRow("empty text") << ""
                                << "," << false << QStringList { "" };
    QTest::addRow("unterminated quote swallows the rest") << R"(a="x,y)"
                                                          << "," << false << QStringList { R"(a="x,y)" };
}

void TestHeaderTokens::split()
{
    QFETCH(QString, text);
    QFETCH(QString, separators);
    QFETCH(bool, resolve);
    QFETCH(QStringList, parts);
    QCOMPARE(HeaderTokens::splitOutsideQuotes(
                 text, separators, resolve ? HeaderTokens::Escapes::Resolve : HeaderTokens::Escapes::Keep),
        parts);
}

void TestHeaderTokens::unquote_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("resolve");
    QTest::addColumn<QString>("value");
    QTest::addRow("not quoted") << "abc" << false << "abc";
    QTest::addRow("quoted") << R"("abc")" << false << "abc";
    QTest::addRow("escapes kept") << R"("a\"b")" << false << R"(a\"b)";
    QTest::addRow("escapes resolved") << R"("a\"b")" << true << R"(a"b)";
    QTest::addRow("single quote char") << R"(")" << false << R"(")";
}

void TestHeaderTokens::unquote()
{
    QFETCH(QString, text);
    QFETCH(bool, resolve);
    QFETCH(QString, value);
    QCOMPARE(
        HeaderTokens::unquote(text, resolve ? HeaderTokens::Escapes::Resolve : HeaderTokens::Escapes::Keep), value);
}

QTEST_GUILESS_MAIN(TestHeaderTokens)
#include "tst_headertokens.moc"
