// SPDX-License-Identifier: MIT
// ParameterDeserializer: every style/explode for primitive, array and object schemas, coercion and shapes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/validation/parameterdeserializer.h"

namespace {

const QJsonObject& document()
{
    static const QJsonObject doc = QJsonDocument::fromJson(R"({
      "components": {"schemas": {
        "Id": {"$ref": "#/components/schemas/IdInner"},
        "IdInner": {"type": "integer"},
        "Point": {"type": "object", "properties": {"x": {"type": "integer"}, "label": {"type": "string"},
                  "on": {"type": "boolean"}, "tags": {"type": "array", "items": {"type": "number"}}}},
        "Mixed": {"allOf": [{"$ref": "#/components/schemas/Point"}, {"properties": {"extra": {"type": "number"}}}]}
      }}})")
                                       .object();
    return doc;
}

QJsonValue schemaFor(const QString& kind)
{
    if (kind == QLatin1String("int"))
        return QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Id") } };
    if (kind == QLatin1String("bool"))
        return QJsonObject { { QStringLiteral("type"), QStringLiteral("boolean") } };
    if (kind == QLatin1String("string"))
        return QJsonObject { { QStringLiteral("type"), QStringLiteral("string") } };
    if (kind == QLatin1String("array"))
        return QJsonObject { { QStringLiteral("type"), QStringLiteral("array") },
            { QStringLiteral("items"),
                QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Id") } } } };
    if (kind == QLatin1String("object"))
        return QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Point") } };
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

} // namespace

class TestParameterDeserializer : public QObject
{
    Q_OBJECT

private slots:
    void read_data();
    void read();
    void coerce_data();
    void coerce();
    void shapes();
    void cookies();
};

void TestParameterDeserializer::read_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("style");
    QTest::addColumn<bool>("explode");
    QTest::addColumn<QString>("schema"); // int, bool, string, array, object
    QTest::addColumn<QString>("raw"); // path/header/cookie text, or the raw query string
    QTest::addColumn<bool>("present");
    QTest::addColumn<QString>("expected"); // JSON text of the value

    // path: simple
    QTest::addRow("path simple primitive") << "path"
                                           << "simple" << false << "int"
                                           << "5" << true << "5";
    QTest::addRow("path simple primitive not a number") << "path"
                                                        << "simple" << false << "int"
                                                        << "abc" << true << R"("abc")";
    QTest::addRow("path simple array") << "path"
                                       << "simple" << false << "array"
                                       << "3,4,5" << true << "[3,4,5]";
    QTest::addRow("path simple array exploded") << "path"
                                                << "simple" << true << "array"
                                                << "3,4,5" << true << "[3,4,5]";
    QTest::addRow("path simple object") << "path"
                                        << "simple" << false << "object"
                                        << "x,1,label,a" << true << R"({"x":1,"label":"a"})";
    QTest::addRow("path simple object exploded") << "path"
                                                 << "simple" << true << "object"
                                                 << "x=1,on=true" << true << R"({"x":1,"on":true})";
    // path: label
    QTest::addRow("path label primitive") << "path"
                                          << "label" << false << "int"
                                          << ".5" << true << "5";
    QTest::addRow("path label array") << "path"
                                      << "label" << false << "array"
                                      << ".3,4,5" << true << "[3,4,5]";
    QTest::addRow("path label array exploded") << "path"
                                               << "label" << true << "array"
                                               << ".3.4.5" << true << "[3,4,5]";
    QTest::addRow("path label object") << "path"
                                       << "label" << false << "object"
                                       << ".x,1,label,a" << true << R"({"x":1,"label":"a"})";
    QTest::addRow("path label object exploded") << "path"
                                                << "label" << true << "object"
                                                << ".x=1.label=a" << true << R"({"x":1,"label":"a"})";
    QTest::addRow("path label without its dot") << "path"
                                                << "label" << false << "int"
                                                << "5" << true << R"("5")";
    // path: matrix
    QTest::addRow("path matrix primitive") << "path"
                                           << "matrix" << false << "int"
                                           << ";id=5" << true << "5";
    QTest::addRow("path matrix array") << "path"
                                       << "matrix" << false << "array"
                                       << ";id=3,4,5" << true << "[3,4,5]";
    QTest::addRow("path matrix array exploded") << "path"
                                                << "matrix" << true << "array"
                                                << ";id=3;id=4;id=5" << true << "[3,4,5]";
    QTest::addRow("path matrix object") << "path"
                                        << "matrix" << false << "object"
                                        << ";id=x,1,label,a" << true << R"({"x":1,"label":"a"})";
    QTest::addRow("path matrix object exploded") << "path"
                                                 << "matrix" << true << "object"
                                                 << ";x=1;label=a" << true << R"({"x":1,"label":"a"})";
    QTest::addRow("path matrix boolean") << "path"
                                         << "matrix" << false << "bool"
                                         << ";id=true" << true << "true";
    // query: form
    QTest::addRow("query form primitive") << "query"
                                          << "form" << true << "int"
                                          << "id=5" << true << "5";
    QTest::addRow("query form boolean") << "query"
                                        << "form" << true << "bool"
                                        << "id=false" << true << "false";
    QTest::addRow("query form boolean not coercible") << "query"
                                                      << "form" << true << "bool"
                                                      << "id=yes" << true << R"("yes")";
    QTest::addRow("query form string keeps digits") << "query"
                                                    << "form" << true << "string"
                                                    << "id=007" << true << R"("007")";
    QTest::addRow("query form array exploded") << "query"
                                               << "form" << true << "array"
                                               << "id=3&id=4&other=1" << true << "[3,4]";
    QTest::addRow("query form array") << "query"
                                      << "form" << false << "array"
                                      << "id=3,4,5" << true << "[3,4,5]";
    QTest::addRow("query form object") << "query"
                                       << "form" << false << "object"
                                       << "id=x,1,label,a" << true << R"({"x":1,"label":"a"})";
    QTest::addRow("query form object exploded") << "query"
                                                << "form" << true << "object"
                                                << "x=1&label=a&zzz=9" << true << R"({"x":1,"label":"a"})";
    QTest::addRow("query form object exploded, array property") << "query"
                                                                << "form" << true << "object"
                                                                << "tags=1.5&tags=2" << true << R"({"tags":[1.5,2]})";
    QTest::addRow("query absent") << "query"
                                  << "form" << true << "int"
                                  << "other=1" << false << "null";
    QTest::addRow("query empty value") << "query"
                                       << "form" << true << "string"
                                       << "id=" << true << R"("")";
    // query: delimited and deepObject
    QTest::addRow("query spaceDelimited array") << "query"
                                                << "spaceDelimited" << false << "array"
                                                << "id=3%204%205" << true << "[3,4,5]";
    QTest::addRow("query spaceDelimited exploded") << "query"
                                                   << "spaceDelimited" << true << "array"
                                                   << "id=3&id=4" << true << "[3,4]";
    QTest::addRow("query spaceDelimited object") << "query"
                                                 << "spaceDelimited" << false << "object"
                                                 << "id=x%201%20label%20a" << true << R"({"x":1,"label":"a"})";
    QTest::addRow("query pipeDelimited array") << "query"
                                               << "pipeDelimited" << false << "array"
                                               << "id=3|4|5" << true << "[3,4,5]";
    QTest::addRow("query pipeDelimited exploded") << "query"
                                                  << "pipeDelimited" << true << "array"
                                                  << "id=3&id=4" << true << "[3,4]";
    QTest::addRow("query pipeDelimited object") << "query"
                                                << "pipeDelimited" << false << "object"
                                                << "id=x|1|on|true" << true << R"({"x":1,"on":true})";
    QTest::addRow("query deepObject") << "query"
                                      << "deepObject" << true << "object"
                                      << "id[x]=1&id[label]=a&x=2" << true << R"({"x":1,"label":"a"})";
    QTest::addRow("query deepObject encoded brackets") << "query"
                                                       << "deepObject" << true << "object"
                                                       << "id%5Bon%5D=true" << true << R"({"on":true})";
    QTest::addRow("query deepObject repeated array member") << "query"
                                                            << "deepObject" << true << "object"
                                                            << "id[tags]=1&id[tags]=2" << true << R"({"tags":[1,2]})";
    QTest::addRow("query deepObject absent") << "query"
                                             << "deepObject" << true << "object"
                                             << "x=1" << false << "null";
    // header: simple
    QTest::addRow("header primitive") << "header"
                                      << "simple" << false << "int"
                                      << "12" << true << "12";
    QTest::addRow("header array") << "header"
                                  << "simple" << false << "array"
                                  << "1, 2" << true << "[1,2]";
    QTest::addRow("header object") << "header"
                                   << "simple" << false << "object"
                                   << "x,1,on,false" << true << R"({"x":1,"on":false})";
    QTest::addRow("header object exploded") << "header"
                                            << "simple" << true << "object"
                                            << "x=1,label=b" << true << R"({"x":1,"label":"b"})";
    // cookie: form
    QTest::addRow("cookie primitive") << "cookie"
                                      << "form" << true << "int"
                                      << "7" << true << "7";
    QTest::addRow("cookie array") << "cookie"
                                  << "form" << false << "array"
                                  << "3,4" << true << "[3,4]";
    QTest::addRow("cookie object") << "cookie"
                                   << "form" << false << "object"
                                   << "x,2,label,z" << true << R"({"x":2,"label":"z"})";
}

void TestParameterDeserializer::read()
{
    QFETCH(QString, in);
    QFETCH(QString, style);
    QFETCH(bool, explode);
    QFETCH(QString, schema);
    QFETCH(QString, raw);
    QFETCH(bool, present);
    QFETCH(QString, expected);

    Parameter p;
    p.name = QStringLiteral("id");
    p.in = in;
    p.style = style;
    p.explode = explode;
    p.schema = schemaFor(schema);
    HttpRequest request;
    NameValueList path;
    if (in == QLatin1String("path"))
        path.append({ QStringLiteral("id"), raw });
    else if (in == QLatin1String("query"))
        request.query = raw.toUtf8();
    else if (in == QLatin1String("header"))
        request.headers.append({ "ID", raw.toUtf8() }); // names are case-insensitive
    else
        request.headers.append({ "Cookie", "a=b; id=" + raw.toUtf8() });
    const RequestParameters parameters = RequestParameters::from(request, path);
    const ParameterValue value = ParameterDeserializer::read(p, ValueShape::of(document(), p.schema), parameters);
    QCOMPARE(value.present, present);
    if (present)
        QCOMPARE(value.value, json(expected.toUtf8()));
}

void TestParameterDeserializer::coerce_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("expected");
    QTest::addRow("integer") << "42" << QStringList { "integer" } << "42";
    QTest::addRow("negative integer") << "-3" << QStringList { "integer" } << "-3";
    QTest::addRow("integer from 1.0") << "1.0" << QStringList { "integer" } << "1";
    QTest::addRow("integer from 1.5 stays text") << "1.5" << QStringList { "integer" } << R"("1.5")";
    QTest::addRow("number") << "2.5" << QStringList { "number" } << "2.5";
    QTest::addRow("number from garbage") << "2.5x" << QStringList { "number" } << R"("2.5x")";
    QTest::addRow("empty is not a number") << "" << QStringList { "number" } << R"("")";
    QTest::addRow("infinity is not a number") << "inf" << QStringList { "number" } << R"("inf")";
    QTest::addRow("boolean true") << "true" << QStringList { "boolean" } << "true";
    QTest::addRow("boolean is case-sensitive") << "True" << QStringList { "boolean" } << R"("True")";
    QTest::addRow("string wins over integer") << "42" << QStringList { "string", "integer" } << R"("42")";
    QTest::addRow("3.1 nullable integer") << "null" << QStringList { "integer", "null" } << "null";
    QTest::addRow("untyped stays text") << "42" << QStringList {} << R"("42")";
}

void TestParameterDeserializer::coerce()
{
    QFETCH(QString, text);
    QFETCH(QStringList, types);
    QFETCH(QString, expected);
    QCOMPARE(ParameterDeserializer::coerce(text, types), json(expected.toUtf8()));
}

void TestParameterDeserializer::shapes()
{
    const ValueShape mixed = ValueShape::of(
        document(), QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Mixed") } });
    QCOMPARE(mixed.kind, ValueShape::Kind::Object);
    QVERIFY(mixed.properties.contains(QStringLiteral("x")));
    QVERIFY(mixed.properties.contains(QStringLiteral("extra")));
    QVERIFY(mixed.properties.value(QStringLiteral("tags")).isArray);
    QCOMPARE(mixed.properties.value(QStringLiteral("tags")).types, QStringList { QStringLiteral("number") });
    const ValueShape ints = ValueShape::of(document(), schemaFor(QStringLiteral("array")));
    QCOMPARE(ints.kind, ValueShape::Kind::Array);
    QCOMPARE(ints.types, QStringList { QStringLiteral("integer") });
    // A $ref cycle ends instead of looping.
    const QJsonObject cyclic = QJsonDocument::fromJson(R"({"a": {"$ref": "#/b"}, "b": {"$ref": "#/a"}})").object();
    QCOMPARE(
        ValueShape::of(cyclic, QJsonObject { { QStringLiteral("$ref"), QStringLiteral("#/a") } }).types, QStringList());
}

void TestParameterDeserializer::cookies()
{
    const NameValueList c = RequestParameters::parseCookies(" a=1;b=\"quoted\" ; flag; c = x=y");
    QCOMPARE(c.size(), 4);
    QCOMPARE(c.at(1), qMakePair(QStringLiteral("b"), QStringLiteral("quoted")));
    QCOMPARE(c.at(2), qMakePair(QStringLiteral("flag"), QString()));
    QCOMPARE(c.at(3), qMakePair(QStringLiteral("c"), QStringLiteral("x=y")));
}

QTEST_GUILESS_MAIN(TestParameterDeserializer)
#include "tst_parameterdeserializer.moc"
