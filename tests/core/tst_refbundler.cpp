// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/definition/refbundler.h"
#include "core/json/jsonpointer.h"

namespace {

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestRefBundler : public QObject
{
    Q_OBJECT

private slots:
    void childMode_data();
    void childMode();
    void splitRef_data();
    void splitRef();
    void bundlesExternalTargetsOnce();
    void reportsProblems_data();
    void reportsProblems();
};

void TestRefBundler::childMode_data()
{
    using SpecWalk::Mode;
    QTest::addColumn<int>("parent");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("child");
    QTest::addColumn<bool>("swagger2");
    QTest::addColumn<int>("expected");
    const QJsonValue obj = QJsonObject {};
    const QJsonValue arr = QJsonArray {};
    QTest::addRow("example is literal") << int(Mode::Generic) << QStringLiteral("example") << obj << false
                                        << int(Mode::Literal);
    QTest::addRow("x- extension is literal")
        << int(Mode::Generic) << QStringLiteral("x-foo") << obj << false << int(Mode::Literal);
    QTest::addRow("schema examples array is literal")
        << int(Mode::Generic) << QStringLiteral("examples") << arr << false << int(Mode::Literal);
    QTest::addRow("OpenAPI examples map")
        << int(Mode::Generic) << QStringLiteral("examples") << obj << false << int(Mode::ExampleMap);
    QTest::addRow("Swagger examples map is literal")
        << int(Mode::Generic) << QStringLiteral("examples") << obj << true << int(Mode::Literal);
    QTest::addRow("example object value is literal")
        << int(Mode::ExampleObject) << QStringLiteral("value") << obj << false << int(Mode::Literal);
    QTest::addRow("property named example is a name")
        << int(Mode::NameMap) << QStringLiteral("example") << obj << false << int(Mode::Generic);
    QTest::addRow("properties is a name map")
        << int(Mode::Generic) << QStringLiteral("properties") << obj << false << int(Mode::NameMap);
    QTest::addRow("components children are name maps")
        << int(Mode::Components) << QStringLiteral("schemas") << obj << false << int(Mode::NameMap);
    QTest::addRow("components examples") << int(Mode::Components) << QStringLiteral("examples") << obj << false
                                         << int(Mode::ExampleMap);
    QTest::addRow("$defs is a name map") << int(Mode::Generic) << QStringLiteral("$defs") << obj << false
                                         << int(Mode::NameMap);
    QTest::addRow("default response is not literal")
        << int(Mode::NameMap) << QStringLiteral("default") << obj << false << int(Mode::Generic);
    QTest::addRow("default value is literal")
        << int(Mode::Generic) << QStringLiteral("default") << obj << false << int(Mode::Literal);
}

void TestRefBundler::childMode()
{
    QFETCH(int, parent);
    QFETCH(QString, key);
    QFETCH(QJsonValue, child);
    QFETCH(bool, swagger2);
    QFETCH(int, expected);
    QCOMPARE(int(SpecWalk::childMode(SpecWalk::Mode(parent), key, child, swagger2)), expected);
}

void TestRefBundler::splitRef_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<bool>("local");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::addRow("local") << QStringLiteral("#/a/b") << true << QStringLiteral("/d/root.yaml")
                           << QStringLiteral("/a/b");
    QTest::addRow("percent-encoded") << QStringLiteral("#/a%20b/c~1d") << true << QStringLiteral("/d/root.yaml")
                                     << QStringLiteral("/a b/c~1d");
    QTest::addRow("relative with fragment")
        << QStringLiteral("./s/pet.yaml#/Pet") << true << QStringLiteral("/d/s/pet.yaml") << QStringLiteral("/Pet");
    QTest::addRow("parent directory") << QStringLiteral("../shared.yaml#/X") << true << QStringLiteral("/shared.yaml")
                                      << QStringLiteral("/X");
    QTest::addRow("whole file") << QStringLiteral("common.json") << true << QStringLiteral("/d/common.json")
                                << QString();
    QTest::addRow("encoded file name") << QStringLiteral("my%20file.yaml") << true << QStringLiteral("/d/my file.yaml")
                                       << QString();
    QTest::addRow("https is remote") << QStringLiteral("https://x.org/a.yaml#/A") << false << QString() << QString();
}

void TestRefBundler::splitRef()
{
    QFETCH(QString, ref);
    QFETCH(bool, local);
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QString f;
    QString p;
    QCOMPARE(RefBundler::splitRef(ref, QStringLiteral("/d/root.yaml"), &f, &p), local);
    if (local) {
        QCOMPARE(f, file);
        QCOMPARE(p, pointer);
    }
}

void TestRefBundler::bundlesExternalTargetsOnce()
{
    QHash<QString, QJsonObject> files;
    files.insert(
        QStringLiteral("/d/a.yaml"), json(R"({"A": {"properties": {"b": {"$ref": "b.yaml#/B"}, "self": {"$ref": "#/A"},
                                                    "root": {"$ref": "root.yaml#/components/schemas/R"}}}})"));
    files.insert(QStringLiteral("/d/b.yaml"), json(R"({"B": {"items": {"$ref": "a.yaml#/A"}}})"));
    int fetches = 0;
    RefBundler bundler(
        [&](const QString& file, const QString&, const QString&) {
            ++fetches;
            return files.contains(file) ? QJsonValue(files.value(file)) : QJsonValue(QJsonValue::Undefined);
        },
        false);
    const QJsonObject root = json(R"({"openapi": "3.0.0", "components": {"schemas": {"R": {"type": "string"},
        "X": {"$ref": "a.yaml#/A"}, "Y": {"$ref": "./a.yaml#/A"}}}})");
    const RefBundler::Result r = bundler.bundle(root, QStringLiteral("/d/root.yaml"));
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(fetches, 2);
    QCOMPARE(r.origins.size(), 2);
    QCOMPARE(JsonPointer::value(r.document, QStringLiteral("/components/schemas/X/$ref")).toString(),
        QStringLiteral("#/x-understudy-bundled/0"));
    QCOMPARE(JsonPointer::value(r.document, QStringLiteral("/components/schemas/Y/$ref")).toString(),
        QStringLiteral("#/x-understudy-bundled/0"));
    QCOMPARE(JsonPointer::value(r.document, QStringLiteral("/x-understudy-bundled/0/properties/self/$ref")).toString(),
        QStringLiteral("#/x-understudy-bundled/0"));
    QCOMPARE(JsonPointer::value(r.document, QStringLiteral("/x-understudy-bundled/0/properties/root/$ref")).toString(),
        QStringLiteral("#/components/schemas/R"));
    QCOMPARE(JsonPointer::value(r.document, QStringLiteral("/x-understudy-bundled/0/properties/b/$ref")).toString(),
        QStringLiteral("#/x-understudy-bundled/1"));
    QCOMPARE(JsonPointer::value(r.document, QStringLiteral("/x-understudy-bundled/1/items/$ref")).toString(),
        QStringLiteral("#/x-understudy-bundled/0"));
    QCOMPARE(r.origins.value(QStringLiteral("/x-understudy-bundled/1")).file, QStringLiteral("/d/b.yaml"));
    QCOMPARE(r.origins.value(QStringLiteral("/x-understudy-bundled/1")).pointer, QStringLiteral("/B"));
}

void TestRefBundler::reportsProblems_data()
{
    QTest::addColumn<QByteArray>("root");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("pointer");
    QTest::addRow("missing local target")
        << QByteArray(R"({"a": {"$ref": "#/nope"}})") << QStringLiteral("ref-missing") << QStringLiteral("/a/$ref");
    QTest::addRow("missing pointer in external file") << QByteArray(R"({"a": {"$ref": "a.yaml#/Nope"}})")
                                                      << QStringLiteral("ref-missing") << QStringLiteral("/a/$ref");
    QTest::addRow("two-step cycle") << QByteArray(R"({"A": {"$ref": "#/B"}, "B": {"$ref": "#/A"}})")
                                    << QStringLiteral("ref-cycle") << QStringLiteral("/A/$ref");
    QTest::addRow("self cycle") << QByteArray(R"({"A": {"$ref": "#/A"}})") << QStringLiteral("ref-cycle")
                                << QStringLiteral("/A/$ref");
    QTest::addRow("cycle through a file")
        << QByteArray(R"({"A": {"$ref": "loop.yaml#/L"}})") << QStringLiteral("ref-cycle") << QStringLiteral("/A/$ref");
    QTest::addRow("remote") << QByteArray(R"({"a": {"$ref": "http://x.org/s.json"}})") << QStringLiteral("ref-remote")
                            << QStringLiteral("/a/$ref");
}

void TestRefBundler::reportsProblems()
{
    QFETCH(QByteArray, root);
    QFETCH(QString, code);
    QFETCH(QString, pointer);
    QHash<QString, QJsonObject> files;
    files.insert(QStringLiteral("/d/a.yaml"), json(R"({"A": {}})"));
    files.insert(QStringLiteral("/d/loop.yaml"), json(R"({"L": {"$ref": "#/M"}, "M": {"$ref": "root.yaml#/A"}})"));
    RefBundler bundler(
        [&](const QString& file, const QString&, const QString&) { return QJsonValue(files.value(file)); }, false);
    const RefBundler::Result r = bundler.bundle(QJsonDocument::fromJson(root).object(), QStringLiteral("/d/root.yaml"));
    QVERIFY(!r.diagnostics.isEmpty());
    QCOMPARE(r.diagnostics.at(0).code, code);
    QCOMPARE(r.diagnostics.at(0).pointer, pointer);
    QCOMPARE(r.diagnostics.at(0).file, QStringLiteral("/d/root.yaml"));
}

QTEST_GUILESS_MAIN(TestRefBundler)
#include "tst_refbundler.moc"
