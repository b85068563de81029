// SPDX-License-Identifier: MIT
#include <cmath>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "core/definition/yamlreader.h"

class TestYamlReader : public QObject
{
    Q_OBJECT

private slots:
    void plainScalars_data();
    void plainScalars();
    void quotedAndTaggedScalars();
    void keysAreStrings();
    void aliasesAreShared();
    void guards_data();
    void guards();
    void duplicateKeys();
    void duplicateKeysInABigMapping();
    void bigMappingIsLinear();
};

void TestYamlReader::plainScalars_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QJsonValue>("expected");
    QTest::addRow("empty is null") << QByteArray("") << QJsonValue(QJsonValue::Null);
    QTest::addRow("tilde is null") << QByteArray("~") << QJsonValue(QJsonValue::Null);
    QTest::addRow("Null") << QByteArray("Null") << QJsonValue(QJsonValue::Null);
    QTest::addRow("true") << QByteArray("true") << QJsonValue(true);
    QTest::addRow("FALSE") << QByteArray("FALSE") << QJsonValue(false);
    QTest::addRow("yes stays a string (1.2)") << QByteArray("yes") << QJsonValue(QStringLiteral("yes"));
    QTest::addRow("int") << QByteArray("42") << QJsonValue(42);
    QTest::addRow("negative int") << QByteArray("-17") << QJsonValue(-17);
    QTest::addRow("big int") << QByteArray("9007199254740993") << QJsonValue(qint64(9007199254740993LL));
    QTest::addRow("hex") << QByteArray("0x1F") << QJsonValue(31);
    QTest::addRow("octal") << QByteArray("0o17") << QJsonValue(15);
    QTest::addRow("bad hex is a string") << QByteArray("0xZZ") << QJsonValue(QStringLiteral("0xZZ"));
    QTest::addRow("float") << QByteArray("1.5") << QJsonValue(1.5);
    QTest::addRow("exponent") << QByteArray("-2e3") << QJsonValue(-2000.0);
    QTest::addRow("leading dot") << QByteArray(".5") << QJsonValue(0.5);
    QTest::addRow("version-like string") << QByteArray("1.2.3") << QJsonValue(QStringLiteral("1.2.3"));
    QTest::addRow("date stays a string") << QByteArray("2023-01-01") << QJsonValue(QStringLiteral("2023-01-01"));
    QTest::addRow("plain text") << QByteArray("hello") << QJsonValue(QStringLiteral("hello"));
    QTest::addRow("nullable word") << QByteArray("nullable") << QJsonValue(QStringLiteral("nullable"));
}

void TestYamlReader::plainScalars()
{
    QFETCH(QByteArray, text);
    QFETCH(QJsonValue, expected);
    QCOMPARE(YamlReader::resolvePlainScalar(text), expected);
}

void TestYamlReader::quotedAndTaggedScalars()
{
    const YamlReadResult r = YamlReader::read(
        "a: '42'\nb: \"true\"\nc: !!str 7\nd: .inf\ne: -.Inf\nf: .nan\ng:\n", QStringLiteral("t.yaml"), {});
    QVERIFY(r.ok);
    const QJsonObject o = r.value.toObject();
    QCOMPARE(o.value(QLatin1String("a")), QJsonValue(QStringLiteral("42")));
    QCOMPARE(o.value(QLatin1String("b")), QJsonValue(QStringLiteral("true")));
    QCOMPARE(o.value(QLatin1String("c")), QJsonValue(QStringLiteral("7")));
    QVERIFY(std::isinf(o.value(QLatin1String("d")).toDouble()) && o.value(QLatin1String("d")).toDouble() > 0);
    QVERIFY(std::isinf(o.value(QLatin1String("e")).toDouble()) && o.value(QLatin1String("e")).toDouble() < 0);
    QVERIFY(std::isnan(o.value(QLatin1String("f")).toDouble()));
    QVERIFY(o.value(QLatin1String("g")).isNull());
}

void TestYamlReader::keysAreStrings()
{
    const YamlReadResult r = YamlReader::read("200: ok\ntrue: yes\n~: n\n1.5: f\n", QStringLiteral("k.yaml"), {});
    QVERIFY(r.ok);
    const QJsonObject o = r.value.toObject();
    // yaml-cpp reports a plain "~" key as an empty (null) node, so it becomes the empty string.
    QCOMPARE(
        o.keys(), (QStringList { QString(), QStringLiteral("1.5"), QStringLiteral("200"), QStringLiteral("true") }));
}

void TestYamlReader::aliasesAreShared()
{
    const YamlReadResult r = YamlReader::read("base: &b {x: 1, y: [1, 2]}\nuse: *b\n", QStringLiteral("a.yaml"), {});
    QVERIFY(r.ok);
    QCOMPARE(r.value.toObject().value(QLatin1String("use")), r.value.toObject().value(QLatin1String("base")));
    QCOMPARE(r.nodes, qint64(1 + 5 + 5)); // root + base (map, 1, seq, 1, 2) + alias counted expanded
}

void TestYamlReader::guards_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<qint64>("maxNodes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QByteArray bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'z'; ++c) {
        bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
        for (int i = 0; i < 10; ++i)
            bomb += (i ? ", *" : "*") + QByteArray(1, char(c - 1));
        bomb += "]\n";
    }
    QTest::addRow("alias bomb (10^26 nodes)")
        << bomb << 256 << qint64(1'000'000) << QStringLiteral("yaml-node-budget") << 0;
    QTest::addRow("self alias in sequence")
        << QByteArray("a: &x [1, *x]\n") << 256 << qint64(1000) << QStringLiteral("yaml-alias-cycle") << 1;
    QTest::addRow("self alias in map") << QByteArray("a:\n  &x\n  k: *x\n") << 256 << qint64(1000)
                                       << QStringLiteral("yaml-alias-cycle") << 3;
    QTest::addRow("depth limit") << (QByteArray(20, '[') + QByteArray(20, ']')) << 10 << qint64(1000)
                                 << QStringLiteral("yaml-depth") << 1;
    QTest::addRow("parser depth guard") << (QByteArray(3000, '[') + QByteArray(3000, ']')) << 100000 << qint64(100000)
                                        << QStringLiteral("yaml-depth") << 0;
    QTest::addRow("node budget") << QByteArray("[1, 2, 3, 4, 5, 6]") << 10 << qint64(4)
                                 << QStringLiteral("yaml-node-budget") << 1;
    QTest::addRow("syntax error") << QByteArray("a: b\n c: d\n  - e\n") << 10 << qint64(100)
                                  << QStringLiteral("yaml-syntax") << 0;
    QTest::addRow("undefined alias") << QByteArray("a: *nope\n") << 10 << qint64(100) << QStringLiteral("yaml-syntax")
                                     << 1;
}

void TestYamlReader::guards()
{
    QFETCH(QByteArray, text);
    QFETCH(int, maxDepth);
    QFETCH(qint64, maxNodes);
    QFETCH(QString, code);
    QFETCH(int, line);
    QElapsedTimer timer;
    timer.start();
    const YamlReadResult r =
        YamlReader::read(text, QStringLiteral("g.yaml"), YamlReader::Limits { maxDepth, maxNodes });
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(!r.ok);
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics.at(0).code, code);
    QCOMPARE(r.diagnostics.at(0).file, QStringLiteral("g.yaml"));
    if (line > 0)
        QCOMPARE(r.diagnostics.at(0).line, line);
}

void TestYamlReader::duplicateKeys()
{
    const YamlReadResult r = YamlReader::read("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", QStringLiteral("d.yaml"), {});
    QVERIFY(r.ok);
    QCOMPARE(r.diagnostics.size(), 2);
    QCOMPARE(r.diagnostics.at(0).severity, Diagnostic::Severity::Warning);
    QCOMPARE(r.diagnostics.at(0).pointer, QStringLiteral("/b/c"));
    QCOMPARE(r.diagnostics.at(0).line, 4);
    QCOMPARE(r.diagnostics.at(1).pointer, QStringLiteral("/a"));
    QCOMPARE(r.diagnostics.at(1).line, 5);
    QCOMPARE(r.value.toObject().value(QLatin1String("a")).toInt(), 3);
}

void TestYamlReader::duplicateKeysInABigMapping()
{
    // Past a few members duplicates are found through an index: the last value still wins, once.
    QByteArray text;
    for (int i = 0; i < 40; ++i)
        text += "k" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
    text += "k3: again\nk39: last\nk40: new\n";
    const YamlReadResult r = YamlReader::read(text, QStringLiteral("d.yaml"), {});
    QVERIFY(r.ok);
    QCOMPARE(r.diagnostics.size(), 2);
    QCOMPARE(r.diagnostics.at(0).pointer, QStringLiteral("/k3"));
    QCOMPARE(r.diagnostics.at(0).line, 41);
    QCOMPARE(r.diagnostics.at(1).pointer, QStringLiteral("/k39"));
    const QJsonObject o = r.value.toObject();
    QCOMPARE(o.size(), 41);
    QCOMPARE(o.value(QLatin1String("k3")).toString(), QStringLiteral("again"));
    QCOMPARE(o.value(QLatin1String("k39")).toString(), QStringLiteral("last"));
    QCOMPARE(o.value(QLatin1String("k38")).toInt(), 38);
}

void TestYamlReader::bigMappingIsLinear()
{
    // Keys written in descending order: each one sorts first, the worst case for inserting into a QJsonObject
    // one key at a time (which moved the whole object per key: 1,000,000 keys took 70 s).
    constexpr int kKeys = 100'000;
    QByteArray text;
    text.reserve(kKeys * 16);
    for (int i = kKeys - 1; i >= 0; --i)
        text += 'k' + QByteArray::number(i).rightJustified(7, '0') + ": " + QByteArray::number(i) + '\n';
    QElapsedTimer timer;
    timer.start();
    const YamlReadResult r = YamlReader::read(text, QStringLiteral("big.yaml"), {});
    QVERIFY2(timer.elapsed() < 5000, "a big mapping must load in linear time");
    QVERIFY(r.ok);
    QVERIFY(r.diagnostics.isEmpty());
    const QJsonObject o = r.value.toObject();
    QCOMPARE(o.size(), kKeys);
    QCOMPARE(o.value(QLatin1String("k0000000")).toInt(), 0);
    QCOMPARE(o.value(QLatin1String("k0012345")).toInt(), 12345);
    QCOMPARE(o.begin().key(), QStringLiteral("k0000000"));
}

QTEST_GUILESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
