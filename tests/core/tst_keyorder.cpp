// SPDX-License-Identifier: MIT
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include "core/definition/yamlreader.h"
#include "core/json/keyorder.h"
#include "testutils.h"

namespace {

QString dump(const KeyOrder::Map& map)
{
    QStringList lines;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        lines.append(it.key() + QLatin1String(" = ") + it.value().join(QLatin1Char(',')));
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestKeyOrder : public QObject
{
    Q_OBJECT

private slots:
    void isRecorded_data();
    void isRecorded();
    void scanJson_data();
    void scanJson();
    void yamlReaderRecordsSameOrders_data();
    void yamlReaderRecordsSameOrders();
    void yamlAliasIsNotRecorded();
    void orderedKeys_data();
    void orderedKeys();
    void malformedJsonDoesNotCrash_data();
    void malformedJsonDoesNotCrash();
    void realWorldJson();
};

void TestKeyOrder::isRecorded_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("rootKey");
    QTest::addColumn<bool>("recorded");
    QTest::addRow("paths object") << 1 << QStringLiteral("paths") << QStringLiteral("paths") << true;
    QTest::addRow("path item") << 2 << QStringLiteral("/books") << QStringLiteral("paths") << true;
    QTest::addRow("webhooks item is not") << 2 << QStringLiteral("new") << QStringLiteral("webhooks") << false;
    QTest::addRow("nested paths key is not") << 3 << QStringLiteral("paths") << QStringLiteral("components") << false;
    QTest::addRow("responses anywhere") << 4 << QStringLiteral("responses") << QStringLiteral("paths") << true;
    QTest::addRow("content") << 6 << QStringLiteral("content") << QStringLiteral("paths") << true;
    QTest::addRow("examples") << 8 << QStringLiteral("examples") << QStringLiteral("components") << true;
    QTest::addRow("headers") << 6 << QStringLiteral("headers") << QStringLiteral("paths") << true;
    QTest::addRow("schema properties are not") << 5 << QStringLiteral("properties") << QStringLiteral("paths") << false;
    QTest::addRow("root itself is not") << 0 << QStringLiteral("paths") << QString() << false;
}

void TestKeyOrder::isRecorded()
{
    QFETCH(int, depth);
    QFETCH(QString, key);
    QFETCH(QString, rootKey);
    QFETCH(bool, recorded);
    QCOMPARE(KeyOrder::isRecorded(depth, QStringView(key), QStringView(rootKey)), recorded);
    const QByteArray k = key.toUtf8();
    const QByteArray r = rootKey.toUtf8();
    QCOMPARE(KeyOrder::isRecorded(depth, QByteArrayView(k), QByteArrayView(r)), recorded);
}

void TestKeyOrder::scanJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // dump() of the map: "pointer = k1,k2" lines, sorted

    QTest::addRow("paths and path items keep written order")
        << QByteArray(R"({"paths": {"/z": {"post": {}, "get": {}}, "/a": {"get": {}}}, "info": {"b": 1, "a": 2}})")
        << QStringLiteral("/paths = /z,/a\n/paths/~1a = get\n/paths/~1z = post,get");
    QTest::addRow("responses, content, examples and headers, nested")
        << QByteArray(R"({"x": {"responses": {"404": {"headers": {"Z": {}, "A": {}},
                      "content": {"text/plain": {"examples": {"zeta": {}, "alpha": {}}}, "a/b": {}}}, "200": {}}}})")
        << QStringLiteral("/x/responses = 404,200\n/x/responses/404/content = text/plain,a/b\n"
                          "/x/responses/404/content/text~1plain/examples = zeta,alpha\n"
                          "/x/responses/404/headers = Z,A");
    QTest::addRow("array indices in pointers")
        << QByteArray(R"({"list": [1, {"content": {"b": 1, "a": 2}}, [], {"content": {"y": {}, "x": "]"}}]})")
        << QStringLiteral("/list/1/content = b,a\n/list/3/content = y,x");
    QTest::addRow("strings with quotes, braces and backslashes do not confuse it") << QByteArray(
        R"({"responses": {"a\"}{": "}\\", "z": "\\\"[", "m": "\\"}})") << QStringLiteral("/responses = a\"}{,z,m");
    QTest::addRow("escaped keys are decoded")
        << QByteArray(R"({"paths": {"/caf\u00e9": {}, "/a\/b": {}, "/\ud83d\ude00": {}}})")
        << QStringLiteral("/paths = /caf\u00e9,/a/b,/\U0001F600\n/paths/~1a~1b = \n/paths/~1caf\u00e9 = \n"
                          "/paths/~1\U0001F600 = ");
    QTest::addRow("escaped key selecting a recorded map")
        << QByteArray(R"({"p": {"cont\u0065nt": {"b": 1, "a": 1}}})") << QStringLiteral("/p/content = b,a");
    QTest::addRow("other objects are not recorded")
        << QByteArray(R"({"components": {"schemas": {"B": {"properties": {"z": {}, "a": {}}}}}})") << QString();
    QTest::addRow("duplicate keys are kept as written")
        << QByteArray(R"({"responses": {"b": 1, "a": 2, "b": 3}})") << QStringLiteral("/responses = b,a,b");
}

void TestKeyOrder::scanJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError); // the scanner is only run on valid JSON
    QCOMPARE(dump(KeyOrder::scanJson(json)), expected);
}

void TestKeyOrder::yamlReaderRecordsSameOrders_data()
{
    QTest::addColumn<QString>("yamlFile");
    QTest::addColumn<QString>("jsonFile");
    QTest::addRow("root definition") << QStringLiteral("loader/order/order.yaml")
                                     << QStringLiteral("loader/order/order.json");
    QTest::addRow("external file") << QStringLiteral("loader/order/external.yaml")
                                   << QStringLiteral("loader/order/external.json");
}

// The YAML reader's event-based record and the JSON scanner agree on the same document.
void TestKeyOrder::yamlReaderRecordsSameOrders()
{
    QFETCH(QString, yamlFile);
    QFETCH(QString, jsonFile);
    const YamlReadResult yaml = YamlReader::read(TestUtils::readFile(TestUtils::dataPath(yamlFile)), yamlFile, {});
    QVERIFY(yaml.ok);
    const KeyOrder::Map json = KeyOrder::scanJson(TestUtils::readFile(TestUtils::dataPath(jsonFile)));
    QVERIFY(!json.isEmpty());
    QCOMPARE(dump(yaml.keyOrders), dump(json));
    if (yamlFile.endsWith(QLatin1String("order.yaml"))) {
        QCOMPARE(yaml.keyOrders.value(QStringLiteral("/paths")),
            (QStringList { QStringLiteral("/zebra"), QStringLiteral("/apple"), QStringLiteral("/caf\u00e9") }));
        QCOMPARE(yaml.keyOrders.value(QStringLiteral("/paths/~1zebra/get/responses")),
            (QStringList { QStringLiteral("default"), QStringLiteral("404"), QStringLiteral("200") }));
    }
}

void TestKeyOrder::yamlAliasIsNotRecorded()
{
    // An alias reuses the anchored value; its own pointer has no record, so users fall back to sorted order.
    const QByteArray text = "a:\n  responses: &r\n    z: 1\n    b: 2\nc:\n  responses: *r\n";
    const YamlReadResult yaml = YamlReader::read(text, QStringLiteral("alias.yaml"), {});
    QVERIFY(yaml.ok);
    QCOMPARE(dump(yaml.keyOrders), QStringLiteral("/a/responses = z,b"));
}

void TestKeyOrder::orderedKeys_data()
{
    QTest::addColumn<QStringList>("objectKeys");
    QTest::addColumn<bool>("hasRecord");
    QTest::addColumn<QStringList>("written");
    QTest::addColumn<QStringList>("expected");
    const QStringList zba { QStringLiteral("z"), QStringLiteral("b"), QStringLiteral("a") };
    QTest::addRow("no record: sorted") << zba << false << QStringList() << QStringList { "a", "b", "z" };
    QTest::addRow("record: as written") << zba << true << zba << zba;
    QTest::addRow("empty record: sorted") << zba << true << QStringList() << QStringList { "a", "b", "z" };
    QTest::addRow("keys missing from the record go last, sorted") << QStringList { "z", "b", "a", "y",
        "c" } << true << QStringList { "z", "b" } << QStringList { "z", "b", "a", "c", "y" };
    QTest::addRow("recorded keys absent from the object are skipped")
        << QStringList { "b", "a" } << true << QStringList { "x", "b", "a", "w" } << QStringList { "b", "a" };
    QTest::addRow("duplicates appear once, at the first place")
        << QStringList { "b", "a" } << true << QStringList { "b", "a", "b" } << QStringList { "b", "a" };
}

void TestKeyOrder::orderedKeys()
{
    QFETCH(QStringList, objectKeys);
    QFETCH(bool, hasRecord);
    QFETCH(QStringList, written);
    QFETCH(QStringList, expected);
    QJsonObject object;
    for (const QString& key : objectKeys)
        object.insert(key, 1);
    QCOMPARE(KeyOrder::orderedKeys(object, hasRecord ? &written : nullptr), expected);
}

void TestKeyOrder::malformedJsonDoesNotCrash_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("unterminated string") << QByteArray(R"({"responses": {"a": "no end)");
    QTest::addRow("unterminated object") << QByteArray(R"({"responses": {"a": 1, "b": )");
    QTest::addRow("stray closers") << QByteArray("}}]]{\"content\": {\"a\": 1}}");
    QTest::addRow("trailing backslash") << QByteArray(R"({"responses": {"a\)");
    QTest::addRow("deep nesting") << QByteArray(10000, '[') + QByteArray(10000, ']');
}

void TestKeyOrder::malformedJsonDoesNotCrash()
{
    QFETCH(QByteArray, text);
    const KeyOrder::Map map = KeyOrder::scanJson(text);
    QVERIFY(map.size() <= 1);
}

void TestKeyOrder::realWorldJson()
{
    const QString path = TestUtils::sharedPath(QStringLiteral("testdata/specs/api.github.com.json"));
    if (!QFile::exists(path))
        QSKIP("shared test definitions are not available");
    const QByteArray data = TestUtils::readFile(path);
    const QJsonObject doc = QJsonDocument::fromJson(data).object();
    KeyOrder::Map map;
    qint64 best = -1;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        map = KeyOrder::scanJson(data);
        const qint64 ns = timer.nsecsElapsed();
        best = best < 0 ? ns : qMin(best, ns);
    }
    qInfo("scanJson over %lld bytes: %.1f ms (best of 3), %lld objects recorded", static_cast<long long>(data.size()),
        best / 1e6, static_cast<long long>(map.size()));
    // Every recorded list holds exactly the object's keys (GitHub has no duplicate keys).
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    QStringList written = map.value(QStringLiteral("/paths"));
    QCOMPARE(written.size(), paths.size());
    written.sort();
    QCOMPARE(written, paths.keys());
    QStringList methods = map.value(QStringLiteral("/paths/~1repos~1{owner}~1{repo}"));
    methods.sort();
    QCOMPARE(methods, paths.value(QLatin1String("/repos/{owner}/{repo}")).toObject().keys());
}

QTEST_GUILESS_MAIN(TestKeyOrder)
#include "tst_keyorder.moc"
