// SPDX-License-Identifier: MIT
// JSON values to XML and back, shaped by a schema's `xml` objects (name, namespace, prefix, attribute, wrapped).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// A parsed XML document as a JSON value, or why it could not be read.
struct XmlReadResult
{
    QJsonValue value = QJsonValue(QJsonValue::Undefined); // Undefined when `error` is set
    QString error; // the parser's message, or a limit that was exceeded
    int line = 0; // 1-based position of the error, as QXmlStreamReader reports it
    int column = 0;

    bool ok() const
    {
        return error.isEmpty();
    }
};

// Bounds that keep a hostile document cheap to read.
struct XmlReadLimits
{
    int maxDepth = 128; // element nesting
    int maxElements = 100000; // elements and attributes in the whole document
};

/**
 * The mapping follows OpenAPI's XML Object. An object is an element whose properties are child elements (or
 * attributes, for `xml.attribute: true` scalars); a property's element is named by its `xml.name`, else by the
 * property name. An array property repeats its item element (named by the items' `xml.name`, else by the property
 * name) unless `xml.wrapped` puts the items inside one element named for the array. A `namespace` is declared on the
 * element (as `xmlns:prefix` when a `prefix` is given), a `prefix` alone is used when an ancestor declared it. The
 * `xml` object of a schema reached through `$ref` applies unless the referring schema has its own. All `$ref`s are
 * local pointers into `document`; `allOf`, `oneOf` and `anyOf` branches contribute their properties.
 */
namespace XmlCodec {

// The root element's name: the schema's `xml.name`, else the component the schema came from ("Pet" for
// "#/components/schemas/Pet"), else "root".
QString rootName(const QJsonObject& document, const QJsonValue& schema);

// An XML document (with declaration, UTF-8, indented by `indent` spaces; 0: compact) for `value`. A top-level array
// becomes the root element holding one element per item.
QByteArray write(const QJsonObject& document, const QJsonValue& schema, const QJsonValue& value, int indent = 0);

// Reads a document into the value `write` would have been given: elements and attributes named by the schema
// become its properties, text becomes numbers and booleans where the schema says so (other text stays a string, for
// the validator to judge). Names the schema does not know are kept (repeated ones as arrays), so that
// `additionalProperties: false` can reject them. Namespaces are matched by local name.
XmlReadResult read(
    const QByteArray& xml, const QJsonObject& document, const QJsonValue& schema, const XmlReadLimits& limits = {});

// Re-indents any well-formed XML text for display; returns it unchanged when it does not parse.
QString pretty(const QByteArray& xml);

} // namespace XmlCodec
