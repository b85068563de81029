// SPDX-License-Identifier: MIT
// RFC 6901 JSON pointers over QJsonValue trees: escape, split, resolve, edit.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace JsonPointer {

// "a/b~c" -> "a~1b~0c"
QString escape(const QString& token);
QString unescape(const QString& token);

// "/a/b" -> {"a","b"}; "" -> {}. Percent-decoding is the caller's job (URI fragments).
QStringList split(const QString& pointer);
QString join(const QStringList& tokens);

// pointer + "/" + escape(token)
QString append(const QString& pointer, const QString& token);
QString append(const QString& pointer, int index);

// Resolves `pointer` inside `root`. Returns false when a token does not exist.
bool resolve(const QJsonValue& root, const QString& pointer, QJsonValue* out);
QJsonValue value(const QJsonValue& root, const QString& pointer); // Undefined when missing

// The tokens of `pointer`, or false and why when it is not a pointer ("a/b") or nests deeper than 256.
bool tokens(const QString& pointer, QStringList* out, QString* error);

// One RFC 6902 edit of the value at `pointer` inside `document`, rebuilding the containers on the way back up.
// Add inserts (an array index may be "-", the end), Replace and Remove need the target to exist; false and why
// ("member 'x' does not exist") otherwise, leaving `document` as it was.
enum class Edit
{
    Add,
    Remove,
    Replace
};
bool edit(QJsonValue& document, const QString& pointer, Edit kind, const QJsonValue& value, QString* error);

// Follows a chain of local {"$ref": "#/..."} objects inside `document`: returns the first object that is not a
// local ref (a remote ref object comes back as it is), or an empty object when a target is missing or the
// chain is longer than `maxHops` (a cycle).
QJsonObject followRefs(const QJsonValue& document, const QJsonValue& value, int maxHops = 16);

// "#/components/schemas/Pet" -> "/components/schemas/Pet" (percent-decoded); empty when not a local ref.
bool isLocalRef(const QString& ref);
QString fromFragment(const QString& fragment);
QString toFragment(const QString& pointer);

} // namespace JsonPointer
