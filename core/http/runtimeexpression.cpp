// SPDX-License-Identifier: MIT
#include "core/http/runtimeexpression.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include "core/json/jsonpointer.h"

namespace {

enum class Kind
{
    Invalid,
    Url,
    Method,
    StatusCode,
    Header,
    Query,
    Path,
    Body,
};

struct Parsed
{
    Kind kind = Kind::Invalid;
    bool response = false; // $response.* (else $request.*)
    QString name; // header, query or path name
    bool hasPointer = false;
    QString pointer; // body: the JSON pointer after '#'
    QString error;
};

bool isTokenChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')
        || (u < 128 && QByteArrayView("!#$%&'*+-.^_`|~").contains(char(u)));
}

Parsed parse(const QString& expression)
{
    Parsed p;
    if (expression == QLatin1String("$url")) {
        p.kind = Kind::Url;
        return p;
    }
    if (expression == QLatin1String("$method")) {
        p.kind = Kind::Method;
        return p;
    }
    if (expression == QLatin1String("$statusCode")) {
        p.kind = Kind::StatusCode;
        return p;
    }
    QString source;
    if (expression.startsWith(QLatin1String("$request."))) {
        source = expression.mid(9);
    } else if (expression.startsWith(QLatin1String("$response."))) {
        source = expression.mid(10);
        p.response = true;
    } else {
        p.error = QStringLiteral("is not a runtime expression (it starts with $url, $method, $statusCode, "
                                 "$request. or $response.)");
        return p;
    }
    const auto named = [&p, &source](Kind kind, int prefix) {
        p.kind = kind;
        p.name = source.mid(prefix);
        if (p.name.isEmpty())
            p.error = QStringLiteral("names no %1").arg(source.left(prefix - 1));
    };
    if (source.startsWith(QLatin1String("header."))) {
        named(Kind::Header, 7);
        for (const QChar c : std::as_const(p.name))
            if (p.error.isEmpty() && !isTokenChar(c))
                p.error = QStringLiteral("has a header name that is not a token (%1)").arg(p.name);
    } else if (source.startsWith(QLatin1String("query."))) {
        named(Kind::Query, 6);
    } else if (source.startsWith(QLatin1String("path."))) {
        named(Kind::Path, 5);
    } else if (source == QLatin1String("body") || source.startsWith(QLatin1String("body#"))) {
        p.kind = Kind::Body;
        p.hasPointer = source.size() > 4;
        p.pointer = source.mid(5);
        if (p.hasPointer && !p.pointer.isEmpty() && !p.pointer.startsWith(QLatin1Char('/')))
            p.error = QStringLiteral("has a body pointer that does not start with / (%1)").arg(p.pointer);
    } else {
        p.error = QStringLiteral("reads neither header., query., path. nor body");
    }
    if (p.response && (p.kind == Kind::Query || p.kind == Kind::Path))
        p.error = QStringLiteral("reads a response's %1, which responses do not have")
                      .arg(p.kind == Kind::Query ? QStringLiteral("query") : QStringLiteral("path"));
    if (!p.error.isEmpty())
        p.kind = Kind::Invalid;
    return p;
}

RuntimeValue fail(const QString& error)
{
    return RuntimeValue { QString(), error };
}

RuntimeValue header(const HeaderList& headers, const QString& name, const char* whose)
{
    const QByteArray wanted = name.toLatin1();
    QByteArray joined;
    bool found = false;
    for (const auto& h : headers) {
        if (h.first.compare(wanted, Qt::CaseInsensitive) != 0)
            continue;
        joined = found ? joined + ", " + h.second : h.second;
        found = true;
    }
    if (!found)
        return fail(QStringLiteral("the %1 has no header %2").arg(QLatin1String(whose), name));
    return RuntimeValue { QString::fromUtf8(joined), QString() };
}

RuntimeValue body(const QByteArray& bytes, const Parsed& p, const char* whose)
{
    if (!p.hasPointer)
        return RuntimeValue { QString::fromUtf8(bytes), QString() };
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + bytes + "]", &error);
    if (bytes.trimmed().isEmpty() || error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return fail(QStringLiteral("the %1 body is not JSON").arg(QLatin1String(whose)));
    QJsonValue value;
    if (!JsonPointer::resolve(doc.array().first(), p.pointer, &value))
        return fail(QStringLiteral("the %1 body has nothing at %2")
                        .arg(QLatin1String(whose), p.pointer.isEmpty() ? QStringLiteral("the root") : p.pointer));
    if (value.isString())
        return RuntimeValue { value.toString(), QString() };
    // Numbers, booleans, null, objects and arrays as the JSON text they are.
    const QByteArray text = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return RuntimeValue { QString::fromUtf8(text.mid(1, text.size() - 2)), QString() };
}

} // namespace

namespace RuntimeExpression {

QString check(const QString& expression)
{
    return parse(expression).error;
}

RuntimeValue evaluate(const QString& expression, const RuntimeContext& context)
{
    const Parsed p = parse(expression);
    if (p.kind == Kind::Invalid)
        return fail(QStringLiteral("%1 %2").arg(expression, p.error));
    const HttpRequest* request = context.request;
    const HttpResponse* response = context.response;
    if (p.response && !response)
        return fail(QStringLiteral("%1 reads the response, which is not known here").arg(expression));
    if (!p.response && !request && p.kind != Kind::Url && p.kind != Kind::StatusCode)
        return fail(QStringLiteral("%1 reads the request, which is not known here").arg(expression));
    switch (p.kind) {
    case Kind::Url:
        return RuntimeValue { context.url, QString() };
    case Kind::Method:
        return RuntimeValue { QString::fromLatin1(request->method), QString() };
    case Kind::StatusCode:
        if (!response)
            return fail(QStringLiteral("$statusCode is not known here"));
        return RuntimeValue { QString::number(response->status), QString() };
    case Kind::Header:
        return p.response ? header(response->headers, p.name, "response") : header(request->headers, p.name, "request");
    case Kind::Query:
        for (const auto& item : request->queryItems())
            if (item.first == p.name)
                return RuntimeValue { item.second, QString() };
        return fail(QStringLiteral("the request has no query parameter %1").arg(p.name));
    case Kind::Path:
        for (const auto& item : context.pathParameters)
            if (item.first == p.name)
                return RuntimeValue { item.second, QString() };
        return fail(QStringLiteral("the request's path has no parameter %1").arg(p.name));
    case Kind::Body:
        return p.response ? body(response->body, p, "response") : body(request->body, p, "request");
    case Kind::Invalid:
        break;
    }
    return fail(expression);
}

namespace {

// Calls `part(isExpression, text)` for each literal and {expression} part; false on an unclosed brace.
template<typename F>
bool forEachPart(const QString& text, F&& part)
{
    if (text.startsWith(QLatin1Char('$')) && !text.contains(QLatin1Char('{')))
        return part(true, text);
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype open = text.indexOf(QLatin1Char('{'), at);
        if (open < 0)
            return part(false, text.mid(at));
        if (open > at && !part(false, text.mid(at, open - at)))
            return false;
        const qsizetype close = text.indexOf(QLatin1Char('}'), open + 1);
        if (close < 0)
            return false;
        if (!part(true, text.mid(open + 1, close - open - 1)))
            return false;
        at = close + 1;
    }
    return true;
}

} // namespace

RuntimeValue expand(const QString& text, const RuntimeContext& context)
{
    RuntimeValue out;
    const bool closed = forEachPart(text, [&](bool isExpression, const QString& part) {
        if (!isExpression) {
            out.value += part;
            return true;
        }
        const RuntimeValue v = evaluate(part, context);
        if (!v.ok()) {
            out.error = v.error;
            return false;
        }
        out.value += v.value;
        return true;
    });
    if (!closed && out.error.isEmpty())
        out.error = QStringLiteral("%1 has a { without its }").arg(text);
    if (!out.ok())
        out.value.clear();
    return out;
}

QString checkTemplate(const QString& text)
{
    QString error;
    const bool closed = forEachPart(text, [&error](bool isExpression, const QString& part) {
        if (!isExpression)
            return true;
        const QString why = check(part);
        if (!why.isEmpty())
            error = QStringLiteral("{%1} %2").arg(part, why);
        return why.isEmpty();
    });
    if (!closed && error.isEmpty())
        error = QStringLiteral("has a { without its }");
    return error;
}

} // namespace RuntimeExpression
