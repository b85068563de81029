// SPDX-License-Identifier: MIT
// Fuzzes ParameterDeserializer::read: the mode byte picks location, style, explode and schema; the rest is the text.
#include <QJsonDocument>

#include "core/validation/parameterdeserializer.h"
#include "fuzzinput.h"

namespace {

const QJsonObject& document()
{
    static const QJsonObject doc = QJsonDocument::fromJson(R"({
        "int": {"type": "integer"}, "str": {"type": "string"}, "any": {},
        "array": {"type": "array", "items": {"type": "integer"}},
        "objects": {"type": "array", "items": {"type": "object"}},
        "object": {"type": "object", "properties": {"x": {"type": "integer"}, "label": {"type": "string"},
            "on": {"type": "boolean"}, "tags": {"type": "array", "items": {"type": "number"}}}},
        "free": {"type": "object", "additionalProperties": true},
        "cycle": {"$ref": "#/cycle2"}, "cycle2": {"$ref": "#/cycle"}
    })")
                                       .object();
    return doc;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const FuzzInput input(data, size);
    static const char* const locations[] = { "path", "query", "header", "cookie" };
    static const char* const styles[] = { "simple", "form", "label", "matrix", "spaceDelimited", "pipeDelimited",
        "deepObject", "" };
    static const char* const schemas[] = { "int", "str", "any", "array", "objects", "object", "free", "cycle" };
    const uint8_t mode = input.mode();
    const QList<QByteArray> fields = input.fields(2); // raw value NUL (query/cookie: extra raw text)

    Parameter parameter;
    parameter.name = QStringLiteral("id");
    parameter.in = QLatin1String(locations[mode & 3]);
    parameter.style = QLatin1String(styles[(mode >> 2) & 7]);
    parameter.explode = (mode & 0x20) != 0;
    parameter.schema = document().value(QLatin1String(schemas[(input.rest().size() + (mode >> 6)) % 8]));
    const bool jsonContent = (mode & 0x40) != 0 && (mode & 0x80) != 0;
    if (jsonContent) {
        MediaType media;
        media.name = QStringLiteral("application/json");
        media.schema = parameter.schema;
        parameter.content.append(media);
        parameter.schema = QJsonValue(QJsonValue::Undefined);
    }

    const QByteArray& raw = fields.at(0);
    HttpRequest request;
    NameValueList path;
    if (parameter.in == QLatin1String("path"))
        path.append({ QStringLiteral("id"), QString::fromUtf8(raw) });
    else if (parameter.in == QLatin1String("query"))
        request.query = raw + fields.at(1);
    else if (parameter.in == QLatin1String("header"))
        request.headers.append({ "Id", raw });
    else
        request.headers.append({ "Cookie", raw + fields.at(1) });
    const RequestParameters in = RequestParameters::from(request, path);
    const ValueShape shape = ValueShape::of(document(), parameter.schema);
    const ParameterValue value =
        ParameterDeserializer::read(parameter, shape, in, { QStringLiteral("other") }, jsonContent);
    if (value.empty && !value.present)
        __builtin_trap(); // "empty" is a kind of "present"
    (void)ParameterDeserializer::parseJsonText(QString::fromUtf8(raw));
    (void)RequestParameters::parseCookies(raw);
    return 0;
}
