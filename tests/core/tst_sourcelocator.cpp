// SPDX-License-Identifier: MIT
#include <QTest>

#include "core/json/sourcelocator.h"

class TestSourceLocator : public QObject
{
    Q_OBJECT

private slots:
    void locate_data();
    void locate();
    void fromOffset();
};

void TestSourceLocator::locate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QByteArray yaml = "openapi: 3.0.0\npaths:\n  /a~b/c:\n    get:\n      tags: [x, y]\n";
    QTest::addRow("root") << yaml << QString() << 1 << 1;
    QTest::addRow("top-level key") << yaml << QStringLiteral("/paths") << 2 << 1;
    QTest::addRow("escaped key") << yaml << QStringLiteral("/paths/~1a~0b~1c/get") << 4 << 5;
    QTest::addRow("array element") << yaml << QStringLiteral("/paths/~1a~0b~1c/get/tags/1") << 5 << 17;
    QTest::addRow("missing leaf falls back to parent")
        << yaml << QStringLiteral("/paths/~1a~0b~1c/get/nope/deeper") << 4 << 5;
    const QByteArray json = "{\n  \"a\": {\n    \"b\": [1, {\"c\": true}]\n  }\n}";
    QTest::addRow("JSON member") << json << QStringLiteral("/a/b") << 3 << 5;
    QTest::addRow("JSON nested in array") << json << QStringLiteral("/a/b/1/c") << 3 << 15;
}

void TestSourceLocator::locate()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, pointer);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto found = SourceLocator::locate(text, { pointer });
    QVERIFY(found.contains(pointer));
    QCOMPARE(found.value(pointer).line, line);
    QCOMPARE(found.value(pointer).column, column);
}

void TestSourceLocator::fromOffset()
{
    const QByteArray text = "ab\nc\u00e9d\nx";
    QCOMPARE(SourceLocator::fromOffset(text, 0).line, 1);
    QCOMPARE(SourceLocator::fromOffset(text, 4).line, 2);
    QCOMPARE(SourceLocator::fromOffset(text, 4).column, 2);
    const SourceLocator::Position afterAccent = SourceLocator::fromOffset(text, 6); // 'd' after a 2-byte é
    QCOMPARE(afterAccent.column, 3);
}

QTEST_GUILESS_MAIN(TestSourceLocator)
#include "tst_sourcelocator.moc"
