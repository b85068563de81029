// SPDX-License-Identifier: MIT
// Fuzzes BodyParser: mode byte picks JSON, urlencoded, multipart (Content-Type NUL body), text or XML (mode 3 with bit
// 0x20), and the form shape.
#include <QJsonDocument>

#include "core/schema/xmlcodec.h"
#include "core/validation/bodyparser.h"
#include "fuzzinput.h"

namespace {

// Form schemas with every kind of property the parsers coerce to, plus an untyped and a primitive one.
const QJsonObject& document()
{
    static const QJsonObject doc = QJsonDocument::fromJson(R"({
        "form": {"type": "object", "properties": {
            "name": {"type": "string"}, "age": {"type": "integer"}, "price": {"type": "number"},
            "ok": {"type": "boolean"}, "tags": {"type": "array", "items": {"type": "string"}},
            "ids": {"type": "array", "items": {"type": "integer"}}, "file": {"type": "string", "format": "binary"},
            "meta": {"type": "object"}, "rows": {"type": "array", "items": {"type": "object"}},
            "n": {"type": ["integer", "null"]}}},
        "refd": {"allOf": [{"$ref": "#/form"}, {"properties": {"extra": {"type": "number"}}}]},
        "untyped": {},
        "number": {"type": "number"},
        "xmlpet": {"type": "object", "xml": {"name": "pet", "namespace": "urn:p", "prefix": "p"}, "properties": {
            "id": {"type": "integer", "xml": {"attribute": true}},
            "name": {"type": "string", "xml": {"name": "n", "prefix": "p"}},
            "tags": {"type": "array", "xml": {"wrapped": true}, "items": {"type": "string", "xml": {"name": "tag"}}},
            "ids": {"type": "array", "items": {"type": "integer"}},
            "child": {"$ref": "#/xmlpet"}, "any": {}, "ok": {"type": ["boolean", "null"]}}}
    })")
                                       .object();
    return doc;
}

const QJsonObject& encoding()
{
    static const QJsonObject enc = QJsonDocument::fromJson(R"({
        "meta": {"contentType": "application/json"}, "file": {"contentType": "image/png, image/*"},
        "tags": {"style": "pipeDelimited", "explode": false}, "ids": {"style": "spaceDelimited", "explode": false},
        "rows": {"style": "deepObject", "explode": true}
    })")
                                       .object();
    return enc;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const FuzzInput input(data, size);
    static const char* const shapes[] = { "form", "refd", "untyped", "number" };
    static const char* const xmlSchemas[] = { "xmlpet", "refd", "untyped", "number" };
    const ValueShape shape =
        ValueShape::of(document(), document().value(QLatin1String(shapes[(input.mode() >> 2) % 4])));
    const QJsonObject noEncoding;
    const QJsonObject& enc = (input.mode() & 0x10) ? encoding() : noEncoding;
    BodyLimits limits;
    limits.maxParts = 64;
    limits.maxDepth = 32;
    ParsedBody parsed;
    switch (input.mode() & 3) {
    case 0:
        parsed = BodyParser::parseJson(input.rest(), limits);
        break;
    case 1:
        parsed = BodyParser::parseUrlEncoded(input.rest(), shape, enc, limits);
        break;
    case 2: {
        const QList<QByteArray> fields = input.fields(2);
        parsed = BodyParser::parseMultipart(fields.at(1), QString::fromUtf8(fields.at(0)), shape, enc, limits);
        break;
    }
    default:
        if (input.mode() & 0x20) {
            const QJsonValue schema = document().value(QLatin1String(xmlSchemas[(input.mode() >> 2) % 4]));
            parsed = BodyParser::parseXml(input.rest(), document(), schema, limits);
            if (parsed.ok() == parsed.value.isUndefined())
                __builtin_trap(); // XML has a value exactly when it has no errors
            // What the codec writes it reads back, whatever value it is given.
            if (parsed.ok()
                && !XmlCodec::read(XmlCodec::write(document(), schema, parsed.value), document(), schema).ok())
                __builtin_trap();
            break;
        }
        parsed = BodyParser::parseText(input.rest(), shape);
        break;
    }
    if (parsed.ok() && parsed.value.isUndefined() && (input.mode() & 3) == 0)
        __builtin_trap(); // JSON without errors always has a value
    if (parsed.value.isObject())
        (void)QJsonDocument(parsed.value.toObject()).toJson();
    return 0;
}
