// SPDX-License-Identifier: MIT
// RFC 6901 JSON pointers over QJsonValue trees: escape, split, resolve.
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

// Follows a chain of local {"$ref": "#/..."} objects inside `document`: returns the first object that is not a
// local ref (a remote ref object comes back as it is), or an empty object when a target is missing or the
// chain is longer than `maxHops` (a cycle).
QJsonObject followRefs(const QJsonValue& document, const QJsonValue& value, int maxHops = 16);

// "#/components/schemas/Pet" -> "/components/schemas/Pet" (percent-decoded); empty when not a local ref.
bool isLocalRef(const QString& ref);
QString fromFragment(const QString& fragment);
QString toFragment(const QString& pointer);

} // namespace JsonPointer
