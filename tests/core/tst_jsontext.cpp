// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/json/jsontext.h"

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void nesting_data();
    void nesting();
    void encoding_data();
    void encoding();
};

void TestJsonText::nesting_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("limit");
    QTest::addColumn<qint64>("offset"); // -1 = within the limit
    QTest::addRow("flat object") << QByteArray(R"({"a":1})") << 2 << qint64(-1);
    QTest::addRow("exactly at the limit") << QByteArray("[[1]]") << 2 << qint64(-1);
    QTest::addRow("one level too deep") << QByteArray("[[[1]]]") << 2 << qint64(2);
    QTest::addRow("brackets inside strings do not count") << QByteArray(R"(["[[[[", {"k":"{{{"}])") << 2 << qint64(-1);
    QTest::addRow("escaped quote keeps the string open") << QByteArray(R"(["\"[[[["])") << 1 << qint64(-1);
    QTest::addRow("deep hostile input") << (QByteArray(5000, '[') + QByteArray(5000, ']')) << 128 << qint64(128);
    QTest::addRow("empty input") << QByteArray() << 1 << qint64(-1);
}

void TestJsonText::nesting()
{
    QFETCH(QByteArray, json);
    QFETCH(int, limit);
    QFETCH(qint64, offset);
    QCOMPARE(JsonText::nestingExceededAt(json, limit), offset);
}

void TestJsonText::encoding_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("offset"); // -1 = clean
    QTest::addColumn<bool>("nul");
    QTest::addRow("ASCII") << QByteArray("openapi: 3.0.0\npaths: {}\n") << qint64(-1) << false;
    QTest::addRow("two-, three- and four-byte forms")
        << QByteArray("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 ok") << qint64(-1) << false;
    QTest::addRow("UTF-8 byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                         "a: 1")
                                           << qint64(-1) << false;
    QTest::addRow("empty") << QByteArray() << qint64(-1) << false;
    QTest::addRow("NUL after eight clean bytes") << QByteArray("abcdefgh\0ij", 11) << qint64(8) << true;
    QTest::addRow("NUL first") << QByteArray("\0", 1) << qint64(0) << true;
    QTest::addRow("Latin-1 byte") << QByteArray("name: Jos\xE9\n") << qint64(9) << false;
    QTest::addRow("lone continuation byte") << QByteArray("ab\x80") << qint64(2) << false;
    QTest::addRow("overlong slash") << QByteArray("a\xC0\xAF") << qint64(1) << false;
    QTest::addRow("overlong three-byte form") << QByteArray("\xE0\x80\xAF") << qint64(0) << false;
    QTest::addRow("UTF-16 surrogate") << QByteArray("x\xED\xA0\x80") << qint64(1) << false;
    QTest::addRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << qint64(0) << false;
    QTest::addRow("truncated at the end") << QByteArray("abc\xE2\x82") << qint64(3) << false;
    QTest::addRow("bad third byte") << QByteArray("\xE2\x82(") << qint64(0) << false;
}

void TestJsonText::encoding()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, offset);
    QFETCH(bool, nul);
    const JsonText::EncodingError e = JsonText::firstEncodingError(text);
    QCOMPARE(e.offset, offset);
    QCOMPARE(e.nul, nul);
    if (offset >= 0)
        QCOMPARE(e.byte, static_cast<unsigned char>(text.at(offset)));
}

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
