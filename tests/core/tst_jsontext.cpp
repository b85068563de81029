// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/json/jsontext.h"

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void nesting_data();
    void nesting();
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

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
