// SPDX-License-Identifier: MIT
#include "core/definition/operationextractor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include "core/definition/refbundler.h"
#include "core/http/runtimeexpression.h"
#include "core/json/jsonpointer.h"
#include "core/json/keyorder.h"

namespace {

const QString kRef = QStringLiteral("$ref");

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

bool flag(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toBool();
}

// The HTTP methods of a path item: as written when recorded, else (and for any the record lacks) in a fixed order.
QStringList methodOrder(const QJsonObject& item, const QStringList* written)
{
    static const QStringList methods = { QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"),
        QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"), QStringLiteral("patch"),
        QStringLiteral("trace"), QStringLiteral("query") }; // query: OpenAPI 3.2's field for QUERY
    if (!written)
        return methods;
    QStringList out;
    for (const QString& key : *written)
        if (methods.contains(key) && !out.contains(key))
            out.append(key);
    for (const QString& m : methods)
        if (!out.contains(m) && item.contains(m))
            out.append(m);
    return out;
}

// Media types and headers describe their values alike: a `schema` (with its pointer, for diagnostics) and an
// inline `example`. `Described` is MediaType or HeaderDef, with `pointer` already set.
template<typename Described>
void readSchemaAndExample(const QJsonObject& o, Described* described)
{
    const auto s = o.constFind(QLatin1String("schema"));
    if (s != o.constEnd()) {
        described->schema = *s;
        described->schemaPointer = JsonPointer::append(described->pointer, QStringLiteral("schema"));
    } else {
        described->schema = QJsonValue(QJsonValue::Undefined);
    }
    const auto e = o.constFind(QLatin1String("example"));
    if (e != o.constEnd()) {
        described->example = *e;
        described->hasExample = true;
    }
}

// An HTTP method is a token (RFC 9110 5.6.2); the framing gate refuses any other request line with a 400.
bool isTokenMethod(const QString& method)
{
    if (method.isEmpty())
        return false;
    for (const QChar c : method) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')
            || (u < 128 && QByteArrayView("!#$%&'*+-.^_`|~").contains(char(u)));
        if (!ok)
            return false;
    }
    return true;
}

// The methods QtHttpServer 6.4 names itself (QHttpServerRequest::Method); any other arrives as Unknown.
bool qtNamesMethod(const QString& upper)
{
    static const QStringList named = { QStringLiteral("GET"), QStringLiteral("PUT"), QStringLiteral("DELETE"),
        QStringLiteral("POST"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS"), QStringLiteral("PATCH"),
        QStringLiteral("CONNECT") };
    return named.contains(upper);
}

} // namespace

OperationExtractor::OperationExtractor(Options options)
    : m_options(options)
{ }

void OperationExtractor::warn(const QString& code, const QString& message, const QString& documentPointer)
{
    const Definition::Origin origin = m_definition->originOf(documentPointer);
    m_diagnostics.append(Diagnostic::warning(message, origin.file, origin.pointer, code));
}

void OperationExtractor::error(
    const QString& code, const QString& message, const QString& documentPointer, const QString& target)
{
    const Definition::Origin origin = m_definition->originOf(documentPointer);
    Diagnostic d = Diagnostic::error(message, origin.file, origin.pointer, code);
    d.target = target;
    m_diagnostics.append(d);
}

const QStringList* OperationExtractor::writtenOrder(const QString& documentPointer) const
{
    if (m_definition->keyOrders.isEmpty())
        return nullptr;
    const Definition::Origin origin = m_definition->originOf(documentPointer);
    const auto file = m_definition->keyOrders.constFind(origin.file);
    if (file == m_definition->keyOrders.constEnd())
        return nullptr;
    const auto keys = file->constFind(origin.pointer);
    return keys == file->constEnd() ? nullptr : &*keys;
}

QStringList OperationExtractor::keysOf(const QJsonObject& object, const QString& documentPointer) const
{
    if (object.size() < 2)
        return object.keys();
    return KeyOrder::orderedKeys(object, writtenOrder(documentPointer));
}

// Follows a chain of local $refs; the bundler has already reported missing targets and cycles. Each target's
// end is remembered, so a long chain (A0 -> A1 -> ... -> An) costs O(n) for all its links together.
QJsonObject OperationExtractor::deref(const QJsonValue& value, const QString& pointer, QString* resolvedPointer)
{
    QJsonObject object = value.toObject();
    QString current = pointer;
    QStringList walked; // targets whose end this walk finds
    QSet<QString> seen;
    bool found = true;
    while (object.contains(kRef)) {
        const QJsonValue refValue = object.value(kRef);
        if (!refValue.isString() || !JsonPointer::isLocalRef(refValue.toString()))
            break;
        const QString target = JsonPointer::fromFragment(refValue.toString());
        const auto known = m_resolved.constFind(target);
        if (known != m_resolved.constEnd()) {
            object = known->object;
            current = known->pointer;
            break;
        }
        if (seen.contains(target)) {
            found = false;
            break;
        }
        seen.insert(target);
        walked.append(target);
        QJsonValue next;
        if (!JsonPointer::resolve(m_root, target, &next) || !next.isObject()) {
            found = false;
            break;
        }
        object = next.toObject();
        current = target;
    }
    if (!found)
        object = QJsonObject();
    for (const QString& target : std::as_const(walked))
        m_resolved.insert(target, Resolved { object, current });
    if (resolvedPointer)
        *resolvedPointer = current;
    return object;
}

QString OperationExtractor::synthesizeId(const QString& method, const QString& path)
{
    QString id = method.toLower();
    QString segment;
    const auto flush = [&] {
        if (!segment.isEmpty()) {
            id += QLatin1Char('_') + segment;
            segment.clear();
        }
    };
    for (const QChar c : path) {
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.'))
            segment += c == QLatin1Char('-') || c == QLatin1Char('.') ? QLatin1Char('_') : c;
        else
            flush();
    }
    flush();
    return id;
}

void OperationExtractor::readExternalValue(NamedExample* example)
{
    const QString ext = example->externalValue;
    if (ext.isEmpty() || RefBundler::isRemote(ext))
        return;
    QString file;
    QString fragment;
    const Definition::Origin origin = m_definition->originOf(example->pointer);
    if (!RefBundler::splitRef(ext, origin.file, &file, &fragment))
        return;
    auto it = m_externalValues.constFind(file);
    if (it == m_externalValues.constEnd()) {
        QJsonValue value(QJsonValue::Undefined);
        const QString at = JsonPointer::append(example->pointer, QStringLiteral("externalValue"));
        const QString name = QDir::toNativeSeparators(file);
        const ProjectFiles::Read read = m_project.read(file, m_options.maxFileBytes);
        const QString leadsTo = read.leadsToNote(file);
        switch (read.status) {
        case ProjectFiles::Status::Ok:
            break;
        case ProjectFiles::Status::Missing:
            warn(QStringLiteral("example-external-missing"),
                QStringLiteral("Cannot read externalValue file %1: it does not exist").arg(name), at);
            break;
        case ProjectFiles::Status::Unreadable:
            warn(QStringLiteral("example-external-missing"),
                QStringLiteral("Cannot read externalValue file %1: %2").arg(name, read.error), at);
            break;
        case ProjectFiles::Status::TooLarge:
            warn(QStringLiteral("example-external-too-large"),
                QStringLiteral("externalValue file %1 is larger than %2 bytes").arg(name).arg(m_options.maxFileBytes),
                at);
            break;
        case ProjectFiles::Status::NotRegular:
            error(QStringLiteral("ref-not-regular-file"),
                QStringLiteral("externalValue file %1%2 is not a regular file (a device, FIFO, socket or folder); "
                               "it is not read")
                    .arg(name, leadsTo),
                at, read.canonical);
            break;
        case ProjectFiles::Status::Outside:
            error(QStringLiteral("ref-outside-project"),
                QStringLiteral("externalValue file %1%2 is outside the project folder %3; it is not read unless "
                               "allowed (--allow-file)")
                    .arg(name, leadsTo, QDir::toNativeSeparators(m_project.root())),
                at, read.canonical);
            break;
        }
        if (read.status == ProjectFiles::Status::Ok) {
            const QByteArray& data = read.data;
            const QString suffix = QFileInfo(file).suffix().toLower();
            if (suffix == QLatin1String("json")) {
                QJsonParseError parseError;
                const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
                if (parseError.error == QJsonParseError::NoError)
                    value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
            }
            if (value.isUndefined()
                && (suffix == QLatin1String("json") || suffix == QLatin1String("yaml")
                    || suffix == QLatin1String("yml"))) {
                const YamlReadResult r = YamlReader::read(data, file, m_options.limits);
                if (r.ok)
                    value = r.value;
            }
            if (value.isUndefined())
                value = QString::fromUtf8(data);
        }
        it = m_externalValues.insert(file, value);
    }
    if (!it->isUndefined()) {
        example->value = *it;
        example->hasValue = true;
    }
}

QList<NamedExample> OperationExtractor::examples(const QJsonValue& value, const QString& pointer)
{
    QList<NamedExample> out;
    const QJsonObject map = value.toObject();
    const QStringList keys = keysOf(map, pointer);
    for (const QString& key : keys) {
        const QJsonValue entry = map.value(key);
        NamedExample ex;
        ex.name = key;
        const QJsonObject o = deref(entry, JsonPointer::append(pointer, key), &ex.pointer);
        ex.summary = str(o, "summary");
        ex.description = str(o, "description");
        const auto v = o.constFind(QLatin1String("value"));
        const auto data = o.constFind(QLatin1String("dataValue")); // OpenAPI 3.2
        const auto serialized = o.constFind(QLatin1String("serializedValue"));
        if (v != o.constEnd()) {
            ex.value = *v;
            ex.hasValue = true;
        } else if (data != o.constEnd()) {
            ex.value = *data;
            ex.hasValue = true;
        }
        if (serialized != o.constEnd() && serialized->isString()) {
            ex.serializedValue = serialized->toString();
            ex.hasSerializedValue = true;
            if (!ex.hasValue) { // the media type decides how it reads (see content())
                ex.value = *serialized;
                ex.hasValue = true;
            }
        }
        ex.externalValue = str(o, "externalValue");
        if (!ex.hasValue)
            readExternalValue(&ex);
        out.append(ex);
    }
    return out;
}

QList<MediaType> OperationExtractor::content(const QJsonValue& value, const QString& pointer)
{
    QList<MediaType> out;
    const QJsonObject map = value.toObject();
    const QStringList keys = keysOf(map, pointer);
    for (const QString& key : keys) {
        const QJsonValue entry = map.value(key);
        MediaType mt;
        mt.name = key;
        const QJsonObject o = deref(entry, JsonPointer::append(pointer, key), &mt.pointer);
        readSchemaAndExample(o, &mt);
        mt.examples =
            examples(o.value(QLatin1String("examples")), JsonPointer::append(mt.pointer, QStringLiteral("examples")));
        // A serializedValue alone is the body as sent: JSON media types read it as JSON text, others as a string.
        const QString essence = key.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
        const bool json = essence.endsWith(QLatin1String("/json")) || essence.endsWith(QLatin1String("+json"));
        for (NamedExample& ex : mt.examples) {
            if (!json || !ex.hasSerializedValue || ex.value != QJsonValue(ex.serializedValue))
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson("[" + ex.serializedValue.toUtf8() + "]", &error);
            if (error.error == QJsonParseError::NoError && doc.array().size() == 1)
                ex.value = doc.array().first();
            else
                warn(QStringLiteral("example-serialized-not-json"),
                    QStringLiteral("serializedValue of example '%1' is not JSON text: %2")
                        .arg(ex.name, error.errorString()),
                    JsonPointer::append(ex.pointer, QStringLiteral("serializedValue")));
        }
        mt.encoding = o.value(QLatin1String("encoding")).toObject();
        const auto itemSchema = o.constFind(QLatin1String("itemSchema"));
        if (itemSchema != o.constEnd()) {
            mt.itemSchema = *itemSchema;
            mt.itemSchemaPointer = JsonPointer::append(mt.pointer, QStringLiteral("itemSchema"));
        }
        mt.stream = o.value(QLatin1String("x-understudy-stream")).toObject();
        out.append(mt);
    }
    return out;
}

QList<HeaderDef> OperationExtractor::headers(const QJsonValue& value, const QString& pointer)
{
    QList<HeaderDef> out;
    const QJsonObject map = value.toObject();
    const QStringList keys = keysOf(map, pointer);
    for (const QString& key : keys) {
        const QJsonValue entry = map.value(key);
        HeaderDef h;
        h.name = key;
        const QJsonObject o = deref(entry, JsonPointer::append(pointer, key), &h.pointer);
        h.description = str(o, "description");
        h.required = flag(o, "required");
        h.deprecated = flag(o, "deprecated");
        readSchemaAndExample(o, &h);
        h.examples =
            examples(o.value(QLatin1String("examples")), JsonPointer::append(h.pointer, QStringLiteral("examples")));
        out.append(h);
    }
    return out;
}

Parameter OperationExtractor::parameter(const QJsonValue& value, const QString& pointer)
{
    Parameter p;
    const QJsonObject o = deref(value, pointer, &p.pointer);
    p.name = str(o, "name");
    p.in = str(o, "in");
    p.description = str(o, "description");
    p.required = flag(o, "required") || p.in == QLatin1String("path");
    p.deprecated = flag(o, "deprecated");
    p.allowEmptyValue = flag(o, "allowEmptyValue");
    p.allowReserved = flag(o, "allowReserved");
    const bool formByDefault = p.in == QLatin1String("query") || p.in == QLatin1String("cookie");
    p.style =
        o.value(QLatin1String("style")).toString(formByDefault ? QStringLiteral("form") : QStringLiteral("simple"));
    p.explode = o.value(QLatin1String("explode")).toBool(p.style == QLatin1String("form"));
    const auto s = o.constFind(QLatin1String("schema"));
    if (s != o.constEnd()) {
        p.schema = *s;
        p.schemaPointer = JsonPointer::append(p.pointer, QStringLiteral("schema"));
    } else {
        p.schema = QJsonValue(QJsonValue::Undefined);
    }
    p.content = content(o.value(QLatin1String("content")), JsonPointer::append(p.pointer, QStringLiteral("content")));
    const auto e = o.constFind(QLatin1String("example"));
    if (e != o.constEnd()) {
        p.example = *e;
        p.hasExample = true;
    }
    p.examples =
        examples(o.value(QLatin1String("examples")), JsonPointer::append(p.pointer, QStringLiteral("examples")));
    return p;
}

RequestBody OperationExtractor::requestBody(const QJsonValue& value, const QString& pointer)
{
    RequestBody out;
    const QJsonObject body = deref(value, pointer, &out.pointer);
    out.present = !body.isEmpty();
    out.required = flag(body, "required");
    out.description = str(body, "description");
    out.content =
        content(body.value(QLatin1String("content")), JsonPointer::append(out.pointer, QStringLiteral("content")));
    return out;
}

QList<Parameter> OperationExtractor::mergedParameters(
    QList<Parameter> inherited, const QJsonValue& list, const QString& pointer)
{
    const QJsonArray params = list.toArray();
    for (int i = 0; i < params.size(); ++i) {
        const Parameter p = parameter(params.at(i), JsonPointer::append(pointer, i));
        bool replaced = false;
        for (Parameter& existing : inherited) {
            if (existing.name == p.name && existing.in == p.in) {
                existing = p;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            inherited.append(p);
    }
    return inherited;
}

QList<Callback> OperationExtractor::callbacks(const QJsonValue& value, const QString& pointer)
{
    QList<Callback> out;
    const QJsonObject map = value.toObject();
    for (const QString& name : keysOf(map, pointer)) {
        if (name.startsWith(QLatin1String("x-")))
            continue;
        QString callbackPointer;
        const QJsonObject expressions = deref(map.value(name), JsonPointer::append(pointer, name), &callbackPointer);
        for (const QString& expression : keysOf(expressions, callbackPointer)) {
            if (expression.startsWith(QLatin1String("x-")))
                continue;
            Callback callback;
            callback.name = name;
            callback.expression = expression;
            const QJsonObject item = deref(
                expressions.value(expression), JsonPointer::append(callbackPointer, expression), &callback.pointer);
            const QString check = RuntimeExpression::checkTemplate(expression);
            if (!check.isEmpty()) {
                warn(QStringLiteral("callback-expression-invalid"),
                    QStringLiteral("Callback '%1' cannot be fired: in its URL %2, %3").arg(name, expression, check),
                    callback.pointer);
                continue;
            }
            const QList<Parameter> inherited = mergedParameters({}, item.value(QLatin1String("parameters")),
                JsonPointer::append(callback.pointer, QStringLiteral("parameters")));
            for (const QString& m : methodOrder(item, writtenOrder(callback.pointer))) {
                const QJsonObject o = item.value(m).toObject();
                if (!item.value(m).isObject())
                    continue;
                CallbackOperation cop;
                cop.method = m.toUpper();
                cop.pointer = JsonPointer::append(callback.pointer, m);
                cop.parameters = mergedParameters(inherited, o.value(QLatin1String("parameters")),
                    JsonPointer::append(cop.pointer, QStringLiteral("parameters")));
                if (o.contains(QLatin1String("requestBody")))
                    cop.requestBody = requestBody(o.value(QLatin1String("requestBody")),
                        JsonPointer::append(cop.pointer, QStringLiteral("requestBody")));
                callback.operations.append(cop);
            }
            if (!callback.operations.isEmpty())
                out.append(callback);
        }
    }
    return out;
}

QList<SecurityRequirement> OperationExtractor::security(const QJsonArray& array)
{
    QList<SecurityRequirement> out;
    for (const QJsonValue& v : array) {
        SecurityRequirement req;
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            SecurityRequirement::Item item;
            item.scheme = it.key();
            const QJsonArray scopes = it.value().toArray();
            for (const QJsonValue& s : scopes)
                item.scopes.append(s.toString());
            req.schemes.append(item);
        }
        out.append(req);
    }
    return out;
}

Diagnostics OperationExtractor::extract(Definition* definition)
{
    m_definition = definition;
    m_root = definition->document;
    m_diagnostics.clear();
    m_resolved.clear();
    m_externalValues.clear();
    m_project = ProjectFiles(definition->file, m_options.allowedPaths);
    const QJsonObject& doc = definition->document;

    const QJsonArray servers = doc.value(QLatin1String("servers")).toArray();
    for (const QJsonValue& v : servers) {
        const QJsonObject o = v.toObject();
        Server server;
        server.url = str(o, "url");
        server.description = str(o, "description");
        const QJsonObject vars = o.value(QLatin1String("variables")).toObject();
        for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
            server.url.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'),
                it.value().toObject().value(QLatin1String("default")).toVariant().toString());
        const int scheme = server.url.indexOf(QLatin1String("://"));
        QString path = server.url;
        if (scheme >= 0) {
            const int slash = server.url.indexOf(QLatin1Char('/'), scheme + 3);
            path = slash < 0 ? QString() : server.url.mid(slash);
        }
        const int cut = path.indexOf(QRegularExpression(QStringLiteral("[?#]")));
        if (cut >= 0)
            path.truncate(cut);
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        server.basePath = path;
        definition->servers.append(server);
    }

    const QJsonArray tags = doc.value(QLatin1String("tags")).toArray();
    for (const QJsonValue& v : tags)
        definition->tags.append(Tag { str(v.toObject(), "name"), str(v.toObject(), "description") });

    const QString schemesPointer = QStringLiteral("/components/securitySchemes");
    const QJsonObject schemes =
        doc.value(QLatin1String("components")).toObject().value(QLatin1String("securitySchemes")).toObject();
    for (auto it = schemes.constBegin(); it != schemes.constEnd(); ++it)
        definition->securitySchemes.insert(
            it.key(), deref(it.value(), JsonPointer::append(schemesPointer, it.key()), nullptr));

    const bool hasGlobalSecurity = doc.contains(QLatin1String("security"));
    const QList<SecurityRequirement> globalSecurity = security(doc.value(QLatin1String("security")).toArray());
    Q_UNUSED(hasGlobalSecurity);

    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    const QStringList pathKeys = keysOf(paths, QStringLiteral("/paths"));
    QSet<QString> usedIds;
    QList<int> needIds;
    for (const QString& pathKey : pathKeys) {
        if (!pathKey.startsWith(QLatin1Char('/')))
            continue;
        QString itemPointer;
        const QJsonObject item =
            deref(paths.value(pathKey), JsonPointer::append(QStringLiteral("/paths"), pathKey), &itemPointer);
        QList<Parameter> pathParams;
        const QJsonArray pp = item.value(QLatin1String("parameters")).toArray();
        for (int i = 0; i < pp.size(); ++i)
            pathParams.append(parameter(
                pp.at(i), JsonPointer::append(JsonPointer::append(itemPointer, QStringLiteral("parameters")), i)));
        // The fixed methods, then OpenAPI 3.2's additionalOperations (method -> operation, method as written).
        struct MethodEntry
        {
            QString method;
            QJsonValue value;
            QString pointer;
        };
        QList<MethodEntry> entries;
        // QtHttpServer 6.4 reports a method it has no name for (QUERY, COPY, ...) as Method::Unknown; the framing
        // gate reads the method from the request line, so the operation is served all the same, with a warning.
        const auto warnUnnamed = [&](const QString& upper, const QString& pointer) {
            if (!qtNamesMethod(upper))
                warn(QStringLiteral("method-unnamed-by-qt"),
                    QStringLiteral("%1 %2: Qt 6.4's HTTP server has no name for the method %1 (it reports "
                                   "Method::Unknown); Understudy reads the method from the request line and serves "
                                   "the operation")
                        .arg(upper, pathKey),
                    pointer);
        };
        for (const QString& m : methodOrder(item, writtenOrder(itemPointer))) {
            entries.append({ m.toUpper(), item.value(m), JsonPointer::append(itemPointer, m) });
            if (m == QLatin1String("query"))
                warnUnnamed(entries.last().method, entries.last().pointer);
        }
        const QString additionalPointer = JsonPointer::append(itemPointer, QStringLiteral("additionalOperations"));
        const QJsonObject additional = item.value(QLatin1String("additionalOperations")).toObject();
        for (const QString& m : keysOf(additional, additionalPointer)) {
            const QString pointer = JsonPointer::append(additionalPointer, m);
            const QString upper = m.toUpper();
            const QString lower = m.toLower();
            if (methodOrder(QJsonObject(), nullptr).contains(lower)) {
                // QUERY listed here (as drafts of 3.2 did) is served when the path item has no query field.
                if (lower != QLatin1String("query") || item.contains(lower)) {
                    warn(QStringLiteral("additional-operation-fixed-method"),
                        QStringLiteral(
                            "additionalOperations lists %1, which has its own path item field; it is ignored")
                            .arg(m),
                        pointer);
                    continue;
                }
                warn(QStringLiteral("additional-operation-fixed-method"),
                    QStringLiteral("additionalOperations lists %1, which has its own path item field (query) in "
                                   "OpenAPI 3.2; it is served all the same")
                        .arg(m),
                    pointer);
            }
            if (!isTokenMethod(m)) {
                warn(QStringLiteral("method-not-routable"),
                    QStringLiteral("The additional operation '%1' of %2 cannot be served: '%1' is not an HTTP method "
                                   "name (a token), so no request can carry it; the operation is skipped")
                        .arg(m, pathKey),
                    pointer);
                continue;
            }
            warnUnnamed(upper, pointer);
            entries.append({ upper, additional.value(m), pointer });
        }
        for (const MethodEntry& entry : std::as_const(entries)) {
            const QJsonValue& opValue = entry.value;
            if (!opValue.isObject())
                continue;
            const QJsonObject o = opValue.toObject();
            Operation op;
            op.method = entry.method;
            op.path = pathKey;
            op.pointer = entry.pointer;
            op.id = str(o, "operationId");
            const QJsonArray tagArray = o.value(QLatin1String("tags")).toArray();
            for (const QJsonValue& t : tagArray)
                op.tags.append(t.toString());
            op.summary = str(o, "summary");
            op.description = str(o, "description");
            op.deprecated = flag(o, "deprecated");

            op.parameters = mergedParameters(pathParams, o.value(QLatin1String("parameters")),
                JsonPointer::append(op.pointer, QStringLiteral("parameters")));

            if (o.contains(QLatin1String("requestBody")))
                op.requestBody = requestBody(o.value(QLatin1String("requestBody")),
                    JsonPointer::append(op.pointer, QStringLiteral("requestBody")));

            const QJsonObject responses = o.value(QLatin1String("responses")).toObject();
            const QString responsesPointer = JsonPointer::append(op.pointer, QStringLiteral("responses"));
            const QStringList codes = keysOf(responses, responsesPointer);
            for (const QString& code : codes) {
                if (code.startsWith(QLatin1String("x-")))
                    continue;
                Response r;
                r.code = code;
                const QJsonObject ro =
                    deref(responses.value(code), JsonPointer::append(responsesPointer, code), &r.pointer);
                r.description = str(ro, "description");
                r.content = content(
                    ro.value(QLatin1String("content")), JsonPointer::append(r.pointer, QStringLiteral("content")));
                r.headers = headers(
                    ro.value(QLatin1String("headers")), JsonPointer::append(r.pointer, QStringLiteral("headers")));
                op.responses.append(r);
            }

            if (o.contains(QLatin1String("callbacks")))
                op.callbacks = callbacks(
                    o.value(QLatin1String("callbacks")), JsonPointer::append(op.pointer, QStringLiteral("callbacks")));
            op.security = o.contains(QLatin1String("security")) ? security(o.value(QLatin1String("security")).toArray())
                                                                : globalSecurity;
            op.index = static_cast<int>(definition->operations.size());
            if (op.id.isEmpty()) {
                needIds.append(op.index);
            } else if (usedIds.contains(op.id)) {
                warn(QStringLiteral("operation-id-duplicate"),
                    QStringLiteral("operationId \"%1\" is used more than once").arg(op.id),
                    JsonPointer::append(op.pointer, QStringLiteral("operationId")));
            } else {
                usedIds.insert(op.id);
            }
            definition->operations.append(op);
        }
    }
    // Synthesized ids go last so they never take an id the definition spells out.
    for (const int index : needIds) {
        Operation& op = definition->operations[index];
        const QString base = synthesizeId(op.method, op.path);
        QString id = base;
        for (int n = 2; usedIds.contains(id); ++n)
            id = base + QLatin1Char('_') + QString::number(n);
        usedIds.insert(id);
        op.id = id;
        op.idSynthesized = true;
    }
    return m_diagnostics;
}
