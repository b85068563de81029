// SPDX-License-Identifier: MIT
#include "core/json/jsonpointer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace JsonPointer {

namespace {

constexpr int kMaxPointerDepth = 256;

// Where a pointer ends: its parent path and last token; "" (the whole document) has no parent.
bool splitChecked(const QString& pointer, QStringList* tokens, QString* error)
{
    if (!pointer.isEmpty() && !pointer.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("'%1' is not a JSON pointer").arg(pointer);
        return false;
    }
    *tokens = split(pointer);
    if (tokens->size() > kMaxPointerDepth) {
        *error = QStringLiteral("the pointer is nested too deeply");
        return false;
    }
    return true;
}

bool arrayIndex(const QString& token, int size, bool allowEnd, int* index)
{
    if (allowEnd && token == QLatin1String("-")) {
        *index = size;
        return true;
    }
    if (token.isEmpty() || (token.size() > 1 && token.startsWith(QLatin1Char('0'))))
        return false;
    bool ok = false;
    const int i = token.toInt(&ok);
    if (!ok || i < 0 || i > size || (!allowEnd && i == size))
        return false;
    *index = i;
    return true;
}

// Applies one edit at `tokens[depth..]` inside `node`, rebuilding the containers on the way back up.
bool editAt(QJsonValue& node, const QStringList& tokens, int depth, Edit kind, const QJsonValue& value, QString* error)
{
    const QString& token = tokens.at(depth);
    const bool last = depth == tokens.size() - 1;
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (last) {
            if (kind != Edit::Add && !object.contains(token)) {
                *error = QStringLiteral("member '%1' does not exist").arg(token);
                return false;
            }
            if (kind == Edit::Remove)
                object.remove(token);
            else
                object.insert(token, value);
        } else {
            if (!object.contains(token)) {
                *error = QStringLiteral("member '%1' does not exist").arg(token);
                return false;
            }
            QJsonValue child = object.value(token);
            if (!editAt(child, tokens, depth + 1, kind, value, error))
                return false;
            object.insert(token, child);
        }
        node = object;
        return true;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        int index = 0;
        if (!arrayIndex(token, array.size(), last && kind == Edit::Add, &index)) {
            *error = QStringLiteral("'%1' is not an index of the array").arg(token);
            return false;
        }
        if (last) {
            if (kind == Edit::Add)
                array.insert(index, value);
            else if (kind == Edit::Remove)
                array.removeAt(index);
            else
                array.replace(index, value);
        } else {
            QJsonValue child = array.at(index);
            if (!editAt(child, tokens, depth + 1, kind, value, error))
                return false;
            array.replace(index, child);
        }
        node = array;
        return true;
    }
    *error = QStringLiteral("'%1' is below a value that is neither an object nor an array").arg(token);
    return false;
}

} // namespace

QString escape(const QString& token)
{
    if (!token.contains(QLatin1Char('~')) && !token.contains(QLatin1Char('/')))
        return token;
    QString out = token;
    out.replace(QLatin1Char('~'), QLatin1String("~0"));
    out.replace(QLatin1Char('/'), QLatin1String("~1"));
    return out;
}

QString unescape(const QString& token)
{
    if (!token.contains(QLatin1Char('~')))
        return token;
    QString out = token;
    out.replace(QLatin1String("~1"), QLatin1String("/"));
    out.replace(QLatin1String("~0"), QLatin1String("~"));
    return out;
}

QStringList split(const QString& pointer)
{
    QStringList tokens;
    if (pointer.isEmpty())
        return tokens;
    const QStringList parts = pointer.split(QLatin1Char('/'));
    tokens.reserve(parts.size());
    for (int i = 1; i < parts.size(); ++i) // parts[0] is the empty string before the leading '/'
        tokens.append(unescape(parts.at(i)));
    return tokens;
}

QString join(const QStringList& tokens)
{
    QString out;
    for (const QString& t : tokens) {
        out += QLatin1Char('/');
        out += escape(t);
    }
    return out;
}

QString append(const QString& pointer, const QString& token)
{
    return pointer + QLatin1Char('/') + escape(token);
}

QString append(const QString& pointer, int index)
{
    return pointer + QLatin1Char('/') + QString::number(index);
}

bool resolve(const QJsonValue& root, const QString& pointer, QJsonValue* out)
{
    QJsonValue current = root;
    if (!pointer.isEmpty()) {
        if (!pointer.startsWith(QLatin1Char('/')))
            return false;
        int start = 1;
        while (true) {
            int end = pointer.indexOf(QLatin1Char('/'), start);
            const QString token = unescape(pointer.mid(start, end < 0 ? -1 : end - start));
            if (current.isObject()) {
                const QJsonObject obj = current.toObject();
                const auto it = obj.constFind(token);
                if (it == obj.constEnd())
                    return false;
                current = it.value();
            } else if (current.isArray()) {
                bool ok = false;
                const int index = token.toInt(&ok);
                const QJsonArray arr = current.toArray();
                if (!ok || index < 0 || index >= arr.size() || (token.size() > 1 && token.startsWith(QLatin1Char('0'))))
                    return false;
                current = arr.at(index);
            } else {
                return false;
            }
            if (end < 0)
                break;
            start = end + 1;
        }
    }
    if (out)
        *out = current;
    return true;
}

QJsonValue value(const QJsonValue& root, const QString& pointer)
{
    QJsonValue v;
    if (!resolve(root, pointer, &v))
        return QJsonValue(QJsonValue::Undefined);
    return v;
}

QJsonObject followRefs(const QJsonValue& document, const QJsonValue& value, int maxHops)
{
    QJsonValue current = value;
    for (int hop = 0; hop <= maxHops; ++hop) {
        const QJsonObject object = current.toObject();
        const QJsonValue ref = object.value(QLatin1String("$ref"));
        if (!ref.isString() || !isLocalRef(ref.toString()))
            return object;
        current = JsonPointer::value(document, fromFragment(ref.toString()));
        if (current.isUndefined())
            return {};
    }
    return {};
}

bool isLocalRef(const QString& ref)
{
    return ref.startsWith(QLatin1Char('#'));
}

QString fromFragment(const QString& fragment)
{
    QString f = fragment.startsWith(QLatin1Char('#')) ? fragment.mid(1) : fragment;
    if (f.contains(QLatin1Char('%')))
        f = QUrl::fromPercentEncoding(f.toUtf8());
    return f;
}

QString toFragment(const QString& pointer)
{
    return QLatin1Char('#') + pointer;
}

bool tokens(const QString& pointer, QStringList* out, QString* error)
{
    return splitChecked(pointer, out, error);
}

bool edit(QJsonValue& document, const QString& pointer, Edit kind, const QJsonValue& value, QString* error)
{
    QStringList tokens;
    if (!splitChecked(pointer, &tokens, error))
        return false;
    if (tokens.isEmpty()) {
        if (kind == Edit::Remove) {
            *error = QStringLiteral("the whole document cannot be removed");
            return false;
        }
        document = value;
        return true;
    }
    return editAt(document, tokens, 0, kind, value, error);
}

} // namespace JsonPointer
