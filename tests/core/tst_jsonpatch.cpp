// SPDX-License-Identifier: MIT
// JsonPatch: RFC 7396 merge patches and RFC 6902 operations, including their failures.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/state/jsonpatch.h"

namespace {

QJsonValue parse(const QByteArray& text)
{
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]");
    return doc.array().at(0);
}

} // namespace

class TestJsonPatch : public QObject
{
    Q_OBJECT

private slots:
    void mergePatch_data();
    void mergePatch();
    void apply_data();
    void apply();
};

void TestJsonPatch::mergePatch_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("replace a member") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":"c"})")
                                      << QByteArray(R"({"a":"c"})");
    QTest::addRow("null removes") << QByteArray(R"({"a":"b","b":"c"})") << QByteArray(R"({"a":null})")
                                  << QByteArray(R"({"b":"c"})");
    QTest::addRow("nested merge") << QByteArray(R"({"a":{"b":"c","d":1}})") << QByteArray(R"({"a":{"d":null,"e":2}})")
                                  << QByteArray(R"({"a":{"b":"c","e":2}})");
    QTest::addRow("array replaces") << QByteArray(R"({"a":[1,2]})") << QByteArray(R"({"a":[3]})")
                                    << QByteArray(R"({"a":[3]})");
    QTest::addRow("non-object patch replaces all")
        << QByteArray(R"({"a":1})") << QByteArray(R"(["x"])") << QByteArray(R"(["x"])");
    QTest::addRow("object over a scalar")
        << QByteArray(R"({"a":"x"})") << QByteArray(R"({"a":{"b":1}})") << QByteArray(R"({"a":{"b":1}})");
}

void TestJsonPatch::mergePatch()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    QCOMPARE(JsonPatch::mergePatch(parse(target), parse(patch)), parse(expected));
}

void TestJsonPatch::apply_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("operations");
    QTest::addColumn<QByteArray>("expected"); // empty: fails
    QTest::addColumn<QString>("error");
    const QByteArray doc = R"({"a":1,"list":[1,2,3],"o":{"x":"y"}})";
    QTest::addRow("add a member") << doc << QByteArray(R"([{"op":"add","path":"/b","value":2}])")
                                  << QByteArray(R"({"a":1,"b":2,"list":[1,2,3],"o":{"x":"y"}})") << QString();
    QTest::addRow("add to the end of an array") << doc << QByteArray(R"([{"op":"add","path":"/list/-","value":4}])")
                                                << QByteArray(R"({"a":1,"list":[1,2,3,4],"o":{"x":"y"}})") << QString();
    QTest::addRow("insert into an array") << doc << QByteArray(R"([{"op":"add","path":"/list/0","value":0}])")
                                          << QByteArray(R"({"a":1,"list":[0,1,2,3],"o":{"x":"y"}})") << QString();
    QTest::addRow("remove") << doc << QByteArray(R"([{"op":"remove","path":"/list/1"},{"op":"remove","path":"/a"}])")
                            << QByteArray(R"({"list":[1,3],"o":{"x":"y"}})") << QString();
    QTest::addRow("replace nested") << doc << QByteArray(R"([{"op":"replace","path":"/o/x","value":"z"}])")
                                    << QByteArray(R"({"a":1,"list":[1,2,3],"o":{"x":"z"}})") << QString();
    QTest::addRow("move") << doc << QByteArray(R"([{"op":"move","from":"/a","path":"/o/a"}])")
                          << QByteArray(R"({"list":[1,2,3],"o":{"x":"y","a":1}})") << QString();
    QTest::addRow("copy") << doc << QByteArray(R"([{"op":"copy","from":"/o","path":"/p"}])")
                          << QByteArray(R"({"a":1,"list":[1,2,3],"o":{"x":"y"},"p":{"x":"y"}})") << QString();
    QTest::addRow("test passes") << doc << QByteArray(R"([{"op":"test","path":"/list","value":[1,2,3]}])") << doc
                                 << QString();
    QTest::addRow("escaped tokens") << QByteArray(R"({"a/b":{"~c":1}})")
                                    << QByteArray(R"([{"op":"replace","path":"/a~1b/~0c","value":2}])")
                                    << QByteArray(R"({"a/b":{"~c":2}})") << QString();
    QTest::addRow("replace the whole document")
        << doc << QByteArray(R"([{"op":"replace","path":"","value":[1]}])") << QByteArray("[1]") << QString();
    QTest::addRow("test fails") << doc << QByteArray(R"([{"op":"test","path":"/a","value":2}])") << QByteArray()
                                << QStringLiteral("does not hold the tested value");
    QTest::addRow("remove a missing member")
        << doc << QByteArray(R"([{"op":"remove","path":"/nope"}])") << QByteArray() << QStringLiteral("does not exist");
    QTest::addRow("replace a missing member") << doc << QByteArray(R"([{"op":"replace","path":"/nope","value":1}])")
                                              << QByteArray() << QStringLiteral("does not exist");
    QTest::addRow("index out of range") << doc << QByteArray(R"([{"op":"add","path":"/list/9","value":1}])")
                                        << QByteArray() << QStringLiteral("not an index");
    QTest::addRow("leading zero index") << doc << QByteArray(R"([{"op":"remove","path":"/list/01"}])") << QByteArray()
                                        << QStringLiteral("not an index");
    QTest::addRow("unknown op") << doc << QByteArray(R"([{"op":"frobnicate","path":"/a"}])") << QByteArray()
                                << QStringLiteral("unknown op");
    QTest::addRow("missing value") << doc << QByteArray(R"([{"op":"add","path":"/a"}])") << QByteArray()
                                   << QStringLiteral("'value' is missing");
    QTest::addRow("not a pointer") << doc << QByteArray(R"([{"op":"remove","path":"a"}])") << QByteArray()
                                   << QStringLiteral("not a JSON pointer");
    QTest::addRow("move into its own child") << doc << QByteArray(R"([{"op":"move","from":"/o","path":"/o/x/y"}])")
                                             << QByteArray() << QStringLiteral("its own child");
    QTest::addRow("not an array of operations")
        << doc << QByteArray(R"({"op":"add"})") << QByteArray() << QStringLiteral("array of operations");
    QTest::addRow("second op fails, nothing applies")
        << doc << QByteArray(R"([{"op":"add","path":"/b","value":2},{"op":"remove","path":"/zz"}])") << QByteArray()
        << QStringLiteral("operation 1 (remove)");
}

void TestJsonPatch::apply()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, operations);
    QFETCH(QByteArray, expected);
    QFETCH(QString, error);
    const PatchResult result = JsonPatch::apply(parse(target), parse(operations));
    if (expected.isEmpty()) {
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QVERIFY(result.value.isUndefined());
    } else {
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.value, parse(expected));
    }
}

QTEST_GUILESS_MAIN(TestJsonPatch)
#include "tst_jsonpatch.moc"
