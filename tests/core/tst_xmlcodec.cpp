// SPDX-License-Identifier: MIT
// XmlCodec: every `xml` keyword when writing, reading back what was written, malformed and hostile documents.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

#include "core/schema/xmlcodec.h"

namespace {

const QJsonObject& document()
{
    static const QJsonObject doc = QJsonDocument::fromJson(R"({
      "components": {"schemas": {
        "Pet": {"type": "object", "xml": {"name": "pet"}, "properties": {
            "id": {"type": "integer", "xml": {"attribute": true}},
            "name": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string", "xml": {"name": "tag"}}}}},
        "Plain": {"type": "object", "properties": {"a": {"type": "string"}, "n": {"type": "number"},
            "ok": {"type": "boolean"}}},
        "Named": {"type": "object", "properties": {
            "full": {"type": "string", "xml": {"name": "full-name"}}}},
        "Wrapped": {"type": "object", "properties": {
            "animals": {"type": "array", "xml": {"wrapped": true}, "items": {"type": "string"}},
            "books": {"type": "array", "xml": {"name": "library", "wrapped": true},
                      "items": {"type": "string", "xml": {"name": "book"}}}}},
        "Repeated": {"type": "object", "properties": {
            "animals": {"type": "array", "xml": {"name": "ignored"}, "items": {"type": "string"}}}},
        "Spaced": {"type": "object", "xml": {"namespace": "urn:a"}, "properties": {"v": {"type": "string"}}},
        "Prefixed": {"type": "object", "xml": {"name": "doc", "namespace": "urn:p", "prefix": "p"},
            "properties": {
                "inner": {"type": "string", "xml": {"prefix": "p"}},
                "undeclared": {"type": "string", "xml": {"prefix": "q"}},
                "code": {"type": "string", "xml": {"attribute": true, "prefix": "p", "namespace": "urn:p"}},
                "other": {"type": "string", "xml": {"prefix": "o", "namespace": "urn:o"}}}},
        "Owner": {"type": "object", "properties": {"pet": {"$ref": "#/components/schemas/Pet"},
            "friend": {"$ref": "#/components/schemas/Plain"}}},
        "Composed": {"allOf": [{"$ref": "#/components/schemas/Plain"},
            {"type": "object", "properties": {"code": {"type": "string", "xml": {"attribute": true}}}}]},
        "Pets": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
        "Nullable": {"type": "object", "properties": {"n": {"type": ["integer", "null"]}}},
        "Strict": {"type": "object", "additionalProperties": false, "properties": {"a": {"type": "string"}}}
      }}
    })")
                                       .object();
    return doc;
}

QJsonValue ref(const char* name)
{
    return QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/") + QLatin1String(name) } };
}

QJsonValue json(const char* text)
{
    const QByteArray wrapped = QByteArray("[") + text + "]";
    return QJsonDocument::fromJson(wrapped).array().first();
}

const QByteArray declaration = R"(<?xml version="1.0" encoding="UTF-8"?>)";

// Each element as "uri|local@attr=value..." and text as "'text'", in document order.
QStringList structure(const QByteArray& xml, QString* error)
{
    QStringList out;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            QString line = reader.namespaceUri().toString() + QLatin1Char('|') + reader.name().toString();
            for (const QXmlStreamAttribute& a : reader.attributes())
                line += QLatin1Char('@') + a.namespaceUri().toString() + QLatin1Char('|') + a.name().toString()
                    + QLatin1Char('=') + a.value().toString();
            out.append(line);
        } else if (reader.isCharacters() && !reader.isWhitespace()) {
            out.append(QLatin1Char('\'') + reader.text().toString() + QLatin1Char('\''));
        } else if (reader.isEndElement()) {
            out.append(QStringLiteral("/"));
        }
    }
    if (reader.hasError())
        *error = reader.errorString();
    return out;
}

} // namespace

class TestXmlCodec : public QObject
{
    Q_OBJECT

private slots:
    void write_data();
    void write();
    void roundTrip_data();
    void roundTrip();
    void read_data();
    void read();
    void malformed_data();
    void malformed();
    void limits();
    void indentedAndPretty();
};

void TestXmlCodec::write_data()
{
    QTest::addColumn<QJsonValue>("schema");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QByteArray>("expected"); // after the declaration

    QTest::addRow("xml.name names the root, attribute, unwrapped array repeats items named by items.xml.name")
        << ref("Pet") << json(R"({"id": 7, "name": "Rex", "tags": ["a", "b"]})")
        << QByteArray(R"(<pet id="7"><name>Rex</name><tag>a</tag><tag>b</tag></pet>)");
    QTest::addRow("root named after the component") << ref("Plain") << json(R"({"a": "x", "n": 1.5, "ok": true})")
                                                    << QByteArray("<Plain><a>x</a><n>1.5</n><ok>true</ok></Plain>");
    QTest::addRow("inline schema: root element 'root'")
        << json(R"({"type": "object"})") << json(R"({"k": "v"})") << QByteArray("<root><k>v</k></root>");
    QTest::addRow("xml.name renames a property")
        << ref("Named") << json(R"({"full": "Ada"})") << QByteArray("<Named><full-name>Ada</full-name></Named>");
    QTest::addRow("wrapped: wrapper named by the property, items by the property; or by xml.name and items")
        << ref("Wrapped") << json(R"({"animals": ["cat", "dog"], "books": ["b1"]})")
        << QByteArray("<Wrapped><animals><animals>cat</animals><animals>dog</animals></animals>"
                      "<library><book>b1</book></library></Wrapped>");
    QTest::addRow("not wrapped: the array's own xml.name is ignored")
        << ref("Repeated") << json(R"({"animals": ["cat", "dog"]})")
        << QByteArray("<Repeated><animals>cat</animals><animals>dog</animals></Repeated>");
    QTest::addRow("namespace without prefix: default namespace")
        << ref("Spaced") << json(R"({"v": "1"})") << QByteArray(R"(<Spaced xmlns="urn:a"><v>1</v></Spaced>)");
    QTest::addRow("prefix and namespace, prefix reused, undeclared prefix dropped, prefixed attribute")
        << ref("Prefixed") << json(R"({"inner": "i", "undeclared": "u", "code": "c", "other": "o"})")
        << QByteArray(R"(<p:doc xmlns:p="urn:p" p:code="c"><p:inner>i</p:inner>)"
                      R"(<o:other xmlns:o="urn:o">o</o:other><undeclared>u</undeclared></p:doc>)");
    QTest::addRow("$ref property takes the referenced schema's xml.name")
        << ref("Owner") << json(R"({"pet": {"id": 1, "name": "a"}, "friend": {"a": "b"}})")
        << QByteArray(R"(<Owner><friend><a>b</a></friend><pet id="1"><name>a</name></pet></Owner>)");
    QTest::addRow("allOf branches contribute properties and attributes") << ref(
        "Composed") << json(R"({"a": "x", "code": "k"})") << QByteArray(R"(<Composed code="k"><a>x</a></Composed>)");
    QTest::addRow("top-level array: root element holds one element per item")
        << ref("Pets") << json(R"([{"id": 1, "name": "a"}, {"id": 2, "name": "b"}])")
        << QByteArray(R"(<Pets><pet id="1"><name>a</name></pet><pet id="2"><name>b</name></pet></Pets>)");
    QTest::addRow("inline array of scalars: 'item' elements") << json(
        R"({"type": "array"})") << json("[1, true]") << QByteArray("<root><item>1</item><item>true</item></root>");
    QTest::addRow("scalar root") << json(R"({"type": "integer"})") << json("42") << QByteArray("<root>42</root>");
    QTest::addRow("null and empty object are empty elements")
        << json("{}") << json(R"({"a": null, "b": {}})") << QByteArray("<root><a/><b/></root>");
    QTest::addRow("names and text XML cannot hold are replaced")
        << json("{}") << json(R"({"1 bad<name>": "a\u0001b & <c>"})")
        << QByteArray("<root><__bad_name_>a\xEF\xBF\xBD"
                      "b &amp; &lt;c&gt;</__bad_name_></root>");
}

void TestXmlCodec::write()
{
    QFETCH(QJsonValue, schema);
    QFETCH(QJsonValue, value);
    QFETCH(QByteArray, expected);
    const QByteArray xml = XmlCodec::write(document(), schema, value);
    QCOMPARE(xml, declaration + expected + '\n');
    QString error;
    structure(xml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error)); // well-formed, namespaces declared
}

void TestXmlCodec::roundTrip_data()
{
    QTest::addColumn<QJsonValue>("schema");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QStringList>("elements"); // as structure() dumps the written document

    QTest::addRow("attribute, repeated items")
        << ref("Pet") << json(R"({"id": 7, "name": "Rex", "tags": ["a", "b"]})")
        << QStringList { "|pet@|id=7", "|name", "'Rex'", "/", "|tag", "'a'", "/", "|tag", "'b'", "/", "/" };
    QTest::addRow("typed scalars") << ref("Plain") << json(R"({"a": "x", "n": -2.25, "ok": false})")
                                   << QStringList { "|Plain", "|a", "'x'", "/", "|n", "'-2.25'", "/", "|ok", "'false'",
                                          "/", "/" };
    QTest::addRow("wrapped arrays") << ref("Wrapped") << json(R"({"animals": ["cat"], "books": ["b1", "b2"]})")
                                    << QStringList { "|Wrapped", "|animals", "|animals", "'cat'", "/", "/", "|library",
                                           "|book", "'b1'", "/", "|book", "'b2'", "/", "/", "/" };
    QTest::addRow("namespaces by URI") << ref("Prefixed") << json(R"({"inner": "i", "code": "c", "other": "o"})")
                                       << QStringList { "urn:p|doc@urn:p|code=c", "urn:p|inner", "'i'", "/",
                                              "urn:o|other", "'o'", "/", "/" };
    QTest::addRow("default namespace inherited by children")
        << ref("Spaced") << json(R"({"v": "1"})") << QStringList { "urn:a|Spaced", "urn:a|v", "'1'", "/", "/" };
    QTest::addRow("nested $ref objects") << ref(
        "Owner") << json(R"({"pet": {"id": 1, "name": "a", "tags": ["t"]}, "friend": {"a": "b", "ok": true}})")
                                         << QStringList { "|Owner", "|friend", "|a", "'b'", "/", "|ok", "'true'", "/",
                                                "/", "|pet@|id=1", "|name", "'a'", "/", "|tag", "'t'", "/", "/", "/" };
    QTest::addRow("array of objects at the root")
        << ref("Pets") << json(R"([{"id": 1, "name": "a"}, {"id": 2, "name": "b"}])")
        << QStringList { "|Pets", "|pet@|id=1", "|name", "'a'", "/", "/", "|pet@|id=2", "|name", "'b'", "/", "/", "/" };
    QTest::addRow("allOf with an attribute")
        << ref("Composed") << json(R"({"a": "x", "code": "k", "n": 3})")
        << QStringList { "|Composed@|code=k", "|a", "'x'", "/", "|n", "'3'", "/", "/" };
}

void TestXmlCodec::roundTrip()
{
    QFETCH(QJsonValue, schema);
    QFETCH(QJsonValue, value);
    QFETCH(QStringList, elements);
    const QByteArray xml = XmlCodec::write(document(), schema, value);
    QString error;
    QCOMPARE(structure(xml, &error), elements);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const XmlReadResult back = XmlCodec::read(xml, document(), schema);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.value, value);
}

void TestXmlCodec::read_data()
{
    QTest::addColumn<QJsonValue>("schema");
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QJsonValue>("expected");

    QTest::addRow("text that is no number stays a string (for the validator)")
        << ref("Plain") << QByteArray("<Plain><n>many</n><ok>1</ok></Plain>") << json(R"({"n": "many", "ok": true})");
    QTest::addRow("an unknown element is kept, repeated ones as an array")
        << ref("Strict") << QByteArray("<Strict><a>x</a><b>1</b><b>2</b></Strict>")
        << json(R"({"a": "x", "b": ["1", "2"]})");
    QTest::addRow("unknown attributes are kept")
        << ref("Plain") << QByteArray(R"(<Plain extra="e"><a>x</a></Plain>)") << json(R"({"a": "x", "extra": "e"})");
    QTest::addRow("a missing element is a missing property")
        << ref("Pet") << QByteArray(R"(<pet id="3"/>)") << json(R"({"id": 3})");
    QTest::addRow("prefixed elements match by local name")
        << ref("Prefixed") << QByteArray(R"(<x:doc xmlns:x="urn:other"><x:inner>i</x:inner></x:doc>)")
        << json(R"({"inner": "i"})");
    QTest::addRow("an empty nullable element is null")
        << ref("Nullable") << QByteArray("<Nullable><n/></Nullable>") << json(R"({"n": null})");
    QTest::addRow("no schema: text, attributes and children")
        << QJsonValue() << QByteArray(R"(<r a="1"><c>x</c><c><d>y</d></c></r>)")
        << json(R"({"a": "1", "c": ["x", {"d": "y"}]})");
    QTest::addRow("string with surrounding space kept")
        << ref("Plain") << QByteArray("<Plain><a> x </a></Plain>") << json(R"({"a": " x "})");
}

void TestXmlCodec::read()
{
    QFETCH(QJsonValue, schema);
    QFETCH(QByteArray, xml);
    QFETCH(QJsonValue, expected);
    const XmlReadResult result = XmlCodec::read(xml, document(), schema);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.value, expected);
}

void TestXmlCodec::malformed_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::addRow("mismatched tag") << QByteArray("<a>\n  <b></c>\n</a>") << 2 << 9 << "Opening and ending tag";
    QTest::addRow("empty body") << QByteArray() << 1 << 0 << "Premature end of document";
    QTest::addRow("unclosed root") << QByteArray("<a><b/>") << 1 << 7 << "Premature end of document";
    QTest::addRow("undeclared prefix") << QByteArray("<p:a/>") << 1 << 6 << "Namespace prefix";
    QTest::addRow("text only") << QByteArray("hello") << 1 << 1 << "Start tag expected";
    // QXmlStreamReader itself lets a NUL through in a name (found by fuzz_bodyparser: the value did not write back).
    QTest::addRow("NUL in an attribute name")
        << QByteArray("<a>\n<b id\0\0x=\"4\"/></a>", 20) << 2 << 6 << "NUL character";
    // Nor any other C0 control character (found by fuzz_bodyparser: an attribute name of U+001D and U+000E).
    QTest::addRow("control character in an attribute name")
        << QByteArray("<a>\n<b id\x1d\x0e=\"4\"/></a>") << 2 << 6 << "control character U+001D";
    QTest::addRow("control character in text") << QByteArray("<a>x\x01</a>") << 1 << 5 << "control character U+0001";
}

void TestXmlCodec::malformed()
{
    QFETCH(QByteArray, xml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const XmlReadResult result = XmlCodec::read(xml, document(), ref("Plain"));
    QVERIFY(!result.ok());
    QVERIFY(result.value.isUndefined());
    QVERIFY2(result.error.contains(message), qPrintable(result.error));
    QCOMPARE(result.line, line);
    QCOMPARE(result.column, column);
}

void TestXmlCodec::limits()
{
    XmlReadLimits limits;
    limits.maxDepth = 16;
    limits.maxElements = 50;
    const QByteArray deep = QByteArray("<a>").repeated(17) + QByteArray("</a>").repeated(17);
    XmlReadResult result = XmlCodec::read(deep, document(), QJsonValue(), limits);
    QVERIFY(result.error.contains(QLatin1String("deeper than 16")));
    const QByteArray wide = "<r>" + QByteArray("<a/>").repeated(60) + "</r>";
    result = XmlCodec::read(wide, document(), QJsonValue(), limits);
    QVERIFY(result.error.contains(QLatin1String("more than 50")));
    // Entity expansion is bounded by QXmlStreamReader: a billion laughs fails fast instead of growing.
    QByteArray laughs = "<!DOCTYPE r [<!ENTITY l0 \"lol\">";
    for (int i = 1; i < 10; ++i)
        laughs += "<!ENTITY l" + QByteArray::number(i) + " \"" + ("&l" + QByteArray::number(i - 1) + ";").repeated(10)
            + "\">";
    laughs += "]><r>&l9;</r>";
    result = XmlCodec::read(laughs, document(), QJsonValue());
    QVERIFY(!result.ok());
}

void TestXmlCodec::indentedAndPretty()
{
    const QByteArray compact = XmlCodec::write(document(), ref("Pet"), json(R"({"id": 1, "name": "a"})"));
    const QByteArray indented = XmlCodec::write(document(), ref("Pet"), json(R"({"id": 1, "name": "a"})"), 2);
    QCOMPARE(indented, declaration + "\n<pet id=\"1\">\n  <name>a</name>\n</pet>\n");
    QCOMPARE(
        XmlCodec::pretty(compact), QStringLiteral("<?xml version=\"1.0\"?>\n<pet id=\"1\">\n  <name>a</name>\n</pet>"));
    QCOMPARE(XmlCodec::pretty("<not xml"), QStringLiteral("<not xml"));
    // Prefixes, declarations, comments and CDATA are kept as written; no declaration is added.
    QCOMPARE(XmlCodec::pretty(R"(<p:a xmlns:p="urn:x" p:k="v"><!--c--><p:b><![CDATA[<x>]]></p:b></p:a>)"),
        QStringLiteral("<p:a xmlns:p=\"urn:x\" p:k=\"v\">\n  <!--c-->\n  <p:b><![CDATA[<x>]]></p:b>\n</p:a>"));
}

QTEST_GUILESS_MAIN(TestXmlCodec)
#include "tst_xmlcodec.moc"
