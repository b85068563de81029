// SPDX-License-Identifier: MIT
// The JSONPath subset (RFC 9535) that OpenAPI Overlays use: names, wildcards, indexes, descendants, simple filters.
#pragma once

#include <memory>

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * Supported: `$`, `.name`, `['name']` / `["name"]` (with escapes), `[*]`, `.*`, `[0]` / `[-1]`, unions `['a','b']`,
 * descendants `..name` / `..*` / `..[...]`, and filters `[?@.key == 'value']` / `[?(@.key != 1)]` / `[?@.key]`
 * whose left side is a relative path of names and whose right side is a literal (string, number, true, false,
 * null). Anything else (slices, functions, `&&`) is a parse error with its column.
 */
class JsonPath
{
public:
    JsonPath();
    ~JsonPath();
    JsonPath(const JsonPath&);
    JsonPath& operator=(const JsonPath&);

    // Empty `error` on success; else why not, with the 1-based column in `errorColumn`.
    static JsonPath parse(const QString& text, QString* error, int* errorColumn = nullptr);
    bool isValid() const;
    QString text() const
    {
        return m_text;
    }

    // The JSON pointers of the selected nodes, in document order, at most `maxResults` of them.
    QStringList select(const QJsonValue& root, int maxResults = 100000) const;

    // A JSON pointer as a path that selects exactly it: "/paths/~1books~1{id}/get" -> "$.paths['/books/{id}'].get".
    // A token is an index only where `root` holds an array (so "/responses/200" stays a name).
    static QString fromPointer(const QString& pointer, const QJsonValue& root = QJsonValue());

    struct Segment;

private:
    QString m_text;
    std::shared_ptr<const QList<Segment>> m_segments;
};
