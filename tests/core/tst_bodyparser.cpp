// SPDX-License-Identifier: MIT
// BodyParser: JSON with error positions, urlencoded and multipart forms shaped by their schema, text, hostile input.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/validation/bodyparser.h"

namespace {

ValueShape formShape()
{
    const QJsonObject doc = QJsonDocument::fromJson(R"({"s": {"type": "object", "properties": {
        "name": {"type": "string"}, "age": {"type": "integer"}, "price": {"type": "number"}, "ok": {"type": "boolean"},
        "tags": {"type": "array", "items": {"type": "string"}}, "ids": {"type": "array", "items": {"type": "integer"}},
        "file": {"type": "string", "format": "binary"}, "meta": {"type": "object"}}}})")
                                .object();
    return ValueShape::of(doc, doc.value(QStringLiteral("s")));
}

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

} // namespace

class TestBodyParser : public QObject
{
    Q_OBJECT

private slots:
    void json_data();
    void json();
    void urlEncoded_data();
    void urlEncoded();
    void multipart_data();
    void multipart();
    void formRules_data();
    void formRules();
    void text();
    void xml_data();
    void xml();
    void hostileBodiesEndQuickly_data();
    void hostileBodiesEndQuickly();
};

void TestBodyParser::json_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // JSON text; empty when an error is expected
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addRow("object") << QByteArray(R"({"a":[1,2]})") << R"({"a":[1,2]})" << QString() << -1 << 0 << 0;
    QTest::addRow("top-level string") << QByteArray(R"( "hi" )") << R"("hi")" << QString() << -1 << 0 << 0;
    QTest::addRow("top-level number") << QByteArray("42") << "42" << QString() << -1 << 0 << 0;
    QTest::addRow("missing value on line 2") << QByteArray("{\n \"a\": }") << QString() << "syntax" << 9 << 2 << 8;
    QTest::addRow("trailing garbage") << QByteArray("{} x") << QString() << "syntax" << 3 << 1 << 4;
    QTest::addRow("two scalars") << QByteArray("1, 2") << QString() << "syntax" << 1 << 1 << 2;
    QTest::addRow("blank body") << QByteArray("  ") << QString() << "syntax" << 2 << 1 << 3;
    QTest::addRow("too deep") << (QByteArray(200, '[') + QByteArray(200, ']')) << QString() << "depth" << 128 << 1
                              << 129;
    QTest::addRow("brackets inside strings do not count")
        << (QByteArray("[\"") + QByteArray(500, '[') + "\"]") << QString() << QString() << -1 << 0 << 0;
}

void TestBodyParser::json()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QFETCH(QString, code);
    QFETCH(int, offset);
    QFETCH(int, line);
    QFETCH(int, column);
    const ParsedBody parsed = BodyParser::parseJson(body);
    if (code.isEmpty()) {
        QVERIFY2(parsed.ok(), qPrintable(parsed.errors.value(0).message));
        if (!expected.isEmpty())
            QCOMPARE(parsed.value, ::json(expected.toUtf8()));
        return;
    }
    QCOMPARE(parsed.errors.size(), 1);
    QCOMPARE(parsed.errors.first().code, code);
    QCOMPARE(parsed.errors.first().location, QStringLiteral("body"));
    QCOMPARE(parsed.errorOffset, qint64(offset));
    QCOMPARE(parsed.errorLine, line);
    QCOMPARE(parsed.errorColumn, column);
    QVERIFY(parsed.errors.first().message.contains(QStringLiteral("line %1, column %2").arg(line).arg(column)));
    QVERIFY(parsed.value.isUndefined());
}

void TestBodyParser::urlEncoded_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("expected");
    QTest::addRow("typed fields") << QByteArray("name=Ann+Lee&age=42&price=9.5&ok=true") << QByteArray()
                                  << R"({"name":"Ann Lee","age":42,"price":9.5,"ok":true})";
    QTest::addRow("percent-decoding") << QByteArray("name=a%26b%3Dc") << QByteArray() << R"({"name":"a&b=c"})";
    QTest::addRow("repeated fields make arrays")
        << QByteArray("tags=a&tags=b&ids=1&ids=2") << QByteArray() << R"({"tags":["a","b"],"ids":[1,2]})";
    QTest::addRow("one value of an array property") << QByteArray("ids=7") << QByteArray() << R"({"ids":[7]})";
    QTest::addRow("uncoercible stays text")
        << QByteArray("age=old&ok=yes") << QByteArray() << R"({"age":"old","ok":"yes"})";
    QTest::addRow("unknown fields are strings") << QByteArray("zip=01234") << QByteArray() << R"({"zip":"01234"})";
    QTest::addRow("encoding explode false")
        << QByteArray("ids=1,2,3") << QByteArray(R"({"ids":{"explode":false}})") << R"({"ids":[1,2,3]})";
    QTest::addRow("encoding pipeDelimited")
        << QByteArray("ids=1|2") << QByteArray(R"({"ids":{"style":"pipeDelimited","explode":false}})")
        << R"({"ids":[1,2]})";
    QTest::addRow("field without value") << QByteArray("name&age=") << QByteArray() << R"({"name":"","age":""})";
}

void TestBodyParser::urlEncoded()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, encoding);
    QFETCH(QString, expected);
    const ParsedBody parsed =
        BodyParser::parseUrlEncoded(body, formShape(), QJsonDocument::fromJson(encoding).object());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value, ::json(expected.toUtf8()));
}

void TestBodyParser::multipart_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("expected"); // JSON of the value when it parses
    QTest::addColumn<QStringList>("errors"); // "location code"

    const QByteArray type("multipart/form-data; boundary=\"b0und\"");
    QTest::addRow("typed fields, repeated array field, JSON part")
        << type
        << QByteArray("--b0und\r\nContent-Disposition: form-data; name=\"age\"\r\n\r\n42\r\n"
                      "--b0und\r\nContent-Disposition: form-data; name=\"ids\"\r\n\r\n1\r\n"
                      "--b0und\r\nContent-Disposition: form-data; name=\"ids\"\r\n\r\n2\r\n"
                      "--b0und\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: "
                      "application/json\r\n\r\n{\"k\":[true]}\r\n"
                      "--b0und--\r\n")
        << QByteArray() << R"({"age":42,"ids":[1,2],"meta":{"k":[true]}})" << QStringList();
    QTest::addRow("file part is a binary string")
        << type
        << QByteArrayLiteral(
               "preamble\r\n--b0und\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
               "Content-Type: application/octet-stream\r\n\r\n\xff\x00\r\n\r\n--b0und--")
        << QByteArray() << QString::fromLatin1(R"({"file":"\u00ff\u0000\r\n"})") << QStringList();
    QTest::addRow("part without headers") << type << QByteArray("--b0und\r\n\r\nx\r\n--b0und--") << QByteArray()
                                          << QString() << QStringList { QStringLiteral("body multipart") };
    QTest::addRow("encoding content type refused")
        << type
        << QByteArray("--b0und\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: "
                      "text/plain\r\n\r\nhi\r\n--b0und--")
        << QByteArray(R"({"file":{"contentType":"image/*"}})") << QString()
        << QStringList { QStringLiteral("body/file contentType") };
    QTest::addRow("no boundary parameter")
        << QByteArray("multipart/form-data") << QByteArray("--x\r\n\r\n--x--") << QByteArray() << QString()
        << QStringList { QStringLiteral("body multipart") };
    QTest::addRow("boundary never appears") << type << QByteArray("just text") << QByteArray() << QString()
                                            << QStringList { QStringLiteral("body multipart") };
    QTest::addRow("no closing boundary") << type
                                         << QByteArray(
                                                "--b0und\r\nContent-Disposition: form-data; name=\"age\"\r\n\r\n42\r\n")
                                         << QByteArray() << QString()
                                         << QStringList { QStringLiteral("body multipart") };
    QTest::addRow("headers never end") << type << QByteArray("--b0und\r\nContent-Disposition: form-data; name=\"age\"")
                                       << QByteArray() << QString() << QStringList { QStringLiteral("body multipart") };
}

void TestBodyParser::multipart()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, encoding);
    QFETCH(QString, expected);
    QFETCH(QStringList, errors);
    const ParsedBody parsed = BodyParser::parseMultipart(
        body, QString::fromLatin1(contentType), formShape(), QJsonDocument::fromJson(encoding).object());
    QStringList found;
    for (const ProblemError& e : parsed.errors)
        found.append(e.location + QLatin1Char(' ') + e.code);
    QCOMPARE(found, errors);
    if (!expected.isEmpty())
        QCOMPARE(parsed.value, ::json(expected.toUtf8()));
}

void TestBodyParser::formRules_data()
{
    QTest::addColumn<bool>("multipart");
    QTest::addColumn<QByteArray>("body"); // urlencoded text, or "name=value" parts for multipart
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<bool>("checkReserved");
    QTest::addColumn<QStringList>("nonEmpty");
    QTest::addColumn<QStringList>("errors"); // "location code"

    const QStringList none;
    QTest::addRow("urlencoded, unencoded slash")
        << false << QByteArray("name=a/b") << QByteArray() << true << none << QStringList { "body/name allowReserved" };
    QTest::addRow("urlencoded, every gen-delim and sub-delim")
        << false << QByteArray("name=:&age=@&zip=!") << QByteArray() << true << none
        << QStringList { "body/name allowReserved", "body/age allowReserved", "body/zip allowReserved" };
    QTest::addRow("urlencoded, encoded is fine")
        << false << QByteArray("name=a%2Fb%3A%40") << QByteArray() << true << none << QStringList();
    QTest::addRow("urlencoded, allowReserved true")
        << false << QByteArray("name=a/b?c") << QByteArray(R"({"name":{"allowReserved":true}})") << true << none
        << QStringList();
    QTest::addRow("urlencoded, not checked when off")
        << false << QByteArray("name=a/b") << QByteArray() << false << none << QStringList();
    QTest::addRow("urlencoded, the array delimiter")
        << false << QByteArray("ids=1,2") << QByteArray(R"({"ids":{"explode":false}})") << true << none
        << QStringList();
    QTest::addRow("urlencoded, a second '=' is reserved")
        << false << QByteArray("name=a=b") << QByteArray() << true << none << QStringList { "body/name allowReserved" };
    QTest::addRow("urlencoded, reported once per field") << false << QByteArray("tags=a/b&tags=c/d") << QByteArray()
                                                         << true << none << QStringList { "body/tags allowReserved" };
    QTest::addRow("urlencoded, empty value of a non-empty field")
        << false << QByteArray("name=&age") << QByteArray() << false << QStringList { "name", "age" }
        << QStringList { "body/name allowEmptyValue", "body/age allowEmptyValue" };
    QTest::addRow("urlencoded, empty value allowed")
        << false << QByteArray("name=&age=1") << QByteArray() << false << QStringList { "age" } << QStringList();
    QTest::addRow("multipart, styled part")
        << true << QByteArray("name=a:b") << QByteArray(R"({"name":{"style":"form"}})") << true << none
        << QStringList { "body/name allowReserved" };
    QTest::addRow("multipart, plain part is not styled")
        << true << QByteArray("name=a:b") << QByteArray() << true << none << QStringList();
    QTest::addRow("multipart, empty part of a non-empty field")
        << true << QByteArray("name=") << QByteArray() << false << QStringList { "name" }
        << QStringList { "body/name allowEmptyValue" };
}

void TestBodyParser::formRules()
{
    QFETCH(bool, multipart);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, encoding);
    QFETCH(bool, checkReserved);
    QFETCH(QStringList, nonEmpty);
    QFETCH(QStringList, errors);
    FormRules rules;
    rules.checkReserved = checkReserved;
    rules.nonEmpty = nonEmpty;
    const QJsonObject enc = QJsonDocument::fromJson(encoding).object();
    ParsedBody parsed;
    if (multipart) {
        const int eq = body.indexOf('=');
        const QByteArray raw = "--b\r\nContent-Disposition: form-data; name=\"" + body.left(eq) + "\"\r\n\r\n"
            + body.mid(eq + 1) + "\r\n--b--\r\n";
        parsed = BodyParser::parseMultipart(
            raw, QStringLiteral("multipart/form-data; boundary=b"), formShape(), enc, {}, rules);
    } else {
        parsed = BodyParser::parseUrlEncoded(body, formShape(), enc, {}, rules);
    }
    QStringList found;
    for (const ProblemError& e : parsed.errors)
        found.append(e.location + QLatin1Char(' ') + e.code);
    QCOMPARE(found, errors);
    QVERIFY(!parsed.value.isUndefined()); // violations, never an unreadable body
}

void TestBodyParser::text()
{
    const QJsonObject doc = QJsonDocument::fromJson(R"({"n": {"type": "integer"}, "s": {"type": "string"}})").object();
    QCOMPARE(BodyParser::parseText("12", ValueShape::of(doc, doc.value(QStringLiteral("n")))).value, QJsonValue(12));
    QCOMPARE(BodyParser::parseText("12", ValueShape::of(doc, doc.value(QStringLiteral("s")))).value,
        QJsonValue(QStringLiteral("12")));
    QCOMPARE(BodyParser::parseText("h\xc3\xa9", ValueShape()).value, QJsonValue(QStringLiteral("h\u00e9")));
}

void TestBodyParser::xml_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonValue>("value"); // Undefined: unreadable
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QJsonObject pet { { QStringLiteral("age"), 3 }, { QStringLiteral("name"), QStringLiteral("Rex") } };

    QTest::addRow("typed by the schema") << QByteArray("<pet age=\"3\"><name>Rex</name></pet>") << QJsonValue(pet)
                                         << QString() << 0 << 0;
    QTest::addRow("syntax error with line and column")
        << QByteArray("<pet>\n<name>Rex</pet>") << QJsonValue(QJsonValue::Undefined)
        << "invalid XML at line 2, column 15: Opening and ending tag mismatch." << 2 << 15;
    QTest::addRow("nesting over the limit")
        << QByteArray("<a>").repeated(9) + QByteArray("</a>").repeated(9) << QJsonValue(QJsonValue::Undefined)
        << "invalid XML at line 1, column 27: elements nested deeper than 8 levels" << 1 << 27;
    QTest::addRow("over the size limit") << QByteArray(300, ' ') << QJsonValue(QJsonValue::Undefined)
                                         << "the body is 300 bytes; the mock validates bodies up to 256 bytes" << 0
                                         << 0;
}

void TestBodyParser::xml()
{
    QFETCH(QByteArray, body);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QFETCH(int, line);
    QFETCH(int, column);
    const QJsonObject doc = QJsonDocument::fromJson(R"({"pet": {"type": "object", "properties": {
        "age": {"type": "integer", "xml": {"attribute": true}}, "name": {"type": "string"}}}})")
                                .object();
    BodyLimits limits;
    limits.maxDepth = 8;
    limits.maxBytes = 256;
    const ParsedBody parsed = BodyParser::parseXml(body, doc, doc.value(QStringLiteral("pet")), limits);
    QCOMPARE(parsed.value, value);
    QCOMPARE(parsed.ok(), error.isEmpty());
    if (!error.isEmpty())
        QCOMPARE(parsed.errors.first().message, error);
    QCOMPARE(parsed.errorLine, line);
    QCOMPARE(parsed.errorColumn, column);
}

void TestBodyParser::hostileBodiesEndQuickly_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addRow("100k nested arrays") << "json" << (QByteArray(100000, '[') + QByteArray(100000, ']')) << "depth";
    QTest::addRow("17 MB of JSON") << "json" << QByteArray(17 << 20, ' ') << "size";
    QTest::addRow("unterminated string") << "json" << (QByteArray("[\"") + QByteArray(1 << 20, 'a')) << "syntax";
    QTest::addRow("2000 form fields") << "form" << QByteArray("a=1&").repeated(2000) << "fields";
    QTest::addRow("2000 multipart parts")
        << "multipart"
        << QByteArray("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n").repeated(2000) + "--b--"
        << "multipart";
    QTest::addRow("a megabyte of boundary lines")
        << "multipart" << QByteArray("--b\r\n").repeated(200000) << "multipart";
}

void TestBodyParser::hostileBodiesEndQuickly()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QElapsedTimer timer;
    timer.start();
    ParsedBody parsed;
    if (kind == QLatin1String("json"))
        parsed = BodyParser::parseJson(body);
    else if (kind == QLatin1String("form"))
        parsed = BodyParser::parseUrlEncoded(body, formShape());
    else
        parsed = BodyParser::parseMultipart(body, QStringLiteral("multipart/form-data; boundary=b"), formShape());
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.errors.first().code, code);
    QVERIFY2(timer.elapsed() < 5000, "does not hang"); // generous: only a hang would fail
}

QTEST_GUILESS_MAIN(TestBodyParser)
#include "tst_bodyparser.moc"
