// SPDX-License-Identifier: MIT
#include "core/definition/swaggerconverter.h"

#include "core/definition/refbundler.h"
#include "core/json/jsonpointer.h"

namespace {

const QString kRef = QStringLiteral("$ref");
const QString kBundledPrefix = QStringLiteral("#/x-understudy-bundled/");

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue& s : a)
        if (s.isString())
            out.append(s.toString());
    return out;
}

const char* const kSimpleKeys[] = { "type", "format", "items", "collectionFormat", "default", "maximum",
    "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
    "uniqueItems", "enum", "multipleOf" };

} // namespace

SwaggerConverter::SwaggerConverter(const QJsonObject& swagger, const QString& file)
    : m_in(swagger)
    , m_file(file)
{
    m_consumes = strings(swagger.value(QLatin1String("consumes")));
    m_produces = strings(swagger.value(QLatin1String("produces")));
    m_bundled = swagger.value(QLatin1String("x-understudy-bundled")).toArray();
}

SwaggerConverter::Result SwaggerConverter::convert(const QJsonObject& swagger, const QString& file)
{
    SwaggerConverter converter(swagger, file);
    return converter.run();
}

// Refs into Swagger's top-level maps move to their components; refs to bundled external targets stay,
// and the bundled target is converted according to what referenced it.
QString SwaggerConverter::ref(const QString& r, Kind kind)
{
    if (r.startsWith(QLatin1String("#/definitions/")))
        return QStringLiteral("#/components/schemas/") + r.mid(14);
    if (r.startsWith(QLatin1String("#/parameters/")))
        return QStringLiteral("#/components/parameters/") + r.mid(13);
    if (r.startsWith(QLatin1String("#/responses/")))
        return QStringLiteral("#/components/responses/") + r.mid(12);
    if (r.startsWith(kBundledPrefix)) {
        const QString rest = r.mid(kBundledPrefix.size());
        const int slash = rest.indexOf(QLatin1Char('/'));
        bool ok = false;
        const int n = (slash < 0 ? rest : rest.left(slash)).toInt(&ok);
        if (ok && slash < 0 && n >= 0 && n < m_bundled.size() && !m_bundledKinds.contains(n)) {
            m_bundledKinds.insert(n, kind);
            m_bundledQueue.append(n);
        }
    }
    return r;
}

QJsonValue SwaggerConverter::schema(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray in = value.toArray();
        for (const QJsonValue& v : in)
            out.append(schema(v));
        return out;
    }
    if (!value.isObject())
        return value;
    const QJsonObject in = value.toObject();
    QJsonObject out;
    for (auto it = in.constBegin(); it != in.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == kRef && v.isString()) {
            out.insert(key, ref(v.toString(), Kind::Schema));
        } else if (key == QLatin1String("x-nullable")) {
            out.insert(QStringLiteral("nullable"), v);
        } else if (key == QLatin1String("type") && v.toString() == QLatin1String("file")) {
            out.insert(key, QStringLiteral("string"));
            out.insert(QStringLiteral("format"), QStringLiteral("binary"));
        } else if (key == QLatin1String("discriminator") && v.isString()) {
            out.insert(key, QJsonObject { { QStringLiteral("propertyName"), v } });
        } else if (key == QLatin1String("properties") || key == QLatin1String("definitions")
            || key == QLatin1String("patternProperties")) {
            QJsonObject props;
            const QJsonObject pin = v.toObject();
            for (auto p = pin.constBegin(); p != pin.constEnd(); ++p)
                props.insert(p.key(), schema(p.value()));
            out.insert(key, props);
        } else if (key == QLatin1String("items") || key == QLatin1String("additionalProperties")
            || key == QLatin1String("not") || key == QLatin1String("allOf") || key == QLatin1String("anyOf")
            || key == QLatin1String("oneOf")) {
            out.insert(key, schema(v));
        } else {
            out.insert(key, v); // other keywords, extensions and literal example/default/enum values
        }
    }
    if (out.contains(QLatin1String("format")) && out.value(QLatin1String("type")) != QLatin1String("string")
        && in.value(QLatin1String("type")) == QLatin1String("file"))
        out.insert(QStringLiteral("format"), QStringLiteral("binary"));
    return out;
}

QJsonObject SwaggerConverter::schemaFromSimple(const QJsonObject& simple)
{
    QJsonObject s;
    for (const char* k : kSimpleKeys) {
        const QString key = QLatin1String(k);
        if (key == QLatin1String("collectionFormat"))
            continue;
        const QJsonValue v = simple.value(key);
        if (v.isUndefined())
            continue;
        if (key == QLatin1String("items") && v.isObject())
            s.insert(key, schemaFromSimple(v.toObject()));
        else
            s.insert(key, v);
    }
    if (simple.value(QLatin1String("x-nullable")).toBool())
        s.insert(QStringLiteral("nullable"), true);
    if (s.value(QLatin1String("type")) == QLatin1String("file")) {
        s.insert(QStringLiteral("type"), QStringLiteral("string"));
        s.insert(QStringLiteral("format"), QStringLiteral("binary"));
    }
    return s;
}

QJsonObject SwaggerConverter::parameter(const QJsonObject& param)
{
    QJsonObject out;
    const QString in = param.value(QLatin1String("in")).toString();
    for (const char* k : { "name", "in", "description", "required", "allowEmptyValue", "deprecated" }) {
        const QJsonValue v = param.value(QLatin1String(k));
        if (!v.isUndefined())
            out.insert(QLatin1String(k), v);
    }
    for (auto it = param.constBegin(); it != param.constEnd(); ++it)
        if (it.key().startsWith(QLatin1String("x-")) && it.key() != QLatin1String("x-nullable"))
            out.insert(it.key(), it.value());
    if (param.contains(QLatin1String("x-example")))
        out.insert(QStringLiteral("example"), param.value(QLatin1String("x-example")));
    out.insert(QStringLiteral("schema"), schemaFromSimple(param));
    if (param.value(QLatin1String("type")) == QLatin1String("array")) {
        const QString format = param.value(QLatin1String("collectionFormat")).toString(QStringLiteral("csv"));
        const bool queryLike = in == QLatin1String("query") || in == QLatin1String("formData");
        if (format == QLatin1String("multi")) {
            out.insert(QStringLiteral("style"), QStringLiteral("form"));
            out.insert(QStringLiteral("explode"), true);
        } else if (format == QLatin1String("ssv")) {
            out.insert(QStringLiteral("style"), QStringLiteral("spaceDelimited"));
            out.insert(QStringLiteral("explode"), false);
        } else if (format == QLatin1String("pipes")) {
            out.insert(QStringLiteral("style"), QStringLiteral("pipeDelimited"));
            out.insert(QStringLiteral("explode"), false);
        } else {
            out.insert(QStringLiteral("style"), queryLike ? QStringLiteral("form") : QStringLiteral("simple"));
            out.insert(QStringLiteral("explode"), false);
        }
    }
    return out;
}

QJsonObject SwaggerConverter::derefParameter(const QJsonValue& param, QString* refOut)
{
    QJsonObject p = param.toObject();
    for (int hops = 0; hops < 32 && p.value(kRef).isString(); ++hops) {
        const QString r = p.value(kRef).toString();
        if (refOut && refOut->isEmpty())
            *refOut = r;
        if (!JsonPointer::isLocalRef(r))
            return QJsonObject();
        p = JsonPointer::value(m_in, JsonPointer::fromFragment(r)).toObject();
    }
    return p;
}

QJsonObject SwaggerConverter::requestBody(const QList<QJsonObject>& params, const QStringList& consumesIn)
{
    QJsonObject body;
    QJsonObject content;
    bool required = false;
    const QJsonObject* bodyParam = nullptr;
    for (const QJsonObject& p : params)
        if (p.value(QLatin1String("in")) == QLatin1String("body"))
            bodyParam = &p;
    if (bodyParam) {
        QStringList consumes = consumesIn;
        consumes.removeIf([](const QString& m) {
            return m.startsWith(QLatin1String("multipart/")) || m == QLatin1String("application/x-www-form-urlencoded");
        });
        if (consumes.isEmpty())
            consumes = { QStringLiteral("application/json") };
        const QJsonValue s = schema(bodyParam->value(QLatin1String("schema")));
        for (const QString& mt : consumes) {
            QJsonObject media;
            if (!s.isUndefined())
                media.insert(QStringLiteral("schema"), s);
            if (bodyParam->contains(QLatin1String("x-example")))
                media.insert(QStringLiteral("example"), bodyParam->value(QLatin1String("x-example")));
            content.insert(mt, media);
        }
        required = bodyParam->value(QLatin1String("required")).toBool();
        if (bodyParam->contains(QLatin1String("description")))
            body.insert(QStringLiteral("description"), bodyParam->value(QLatin1String("description")));
        for (auto it = bodyParam->constBegin(); it != bodyParam->constEnd(); ++it)
            if (it.key().startsWith(QLatin1String("x-")) && it.key() != QLatin1String("x-example"))
                body.insert(it.key(), it.value());
    } else {
        QJsonObject properties;
        QJsonArray requiredNames;
        QJsonArray nonEmpty; // formData fields without allowEmptyValue: true ("id" or "id=" is a violation)
        bool hasFile = false;
        for (const QJsonObject& p : params) {
            const QString name = p.value(QLatin1String("name")).toString();
            if (!p.value(QLatin1String("allowEmptyValue")).toBool()
                && p.value(QLatin1String("type")) != QLatin1String("file"))
                nonEmpty.append(name);
            QJsonObject s = schemaFromSimple(p);
            if (p.contains(QLatin1String("description")))
                s.insert(QStringLiteral("description"), p.value(QLatin1String("description")));
            properties.insert(name, s);
            if (p.value(QLatin1String("required")).toBool()) {
                requiredNames.append(name);
                required = true;
            }
            hasFile = hasFile || p.value(QLatin1String("type")) == QLatin1String("file");
        }
        QJsonObject s { { QStringLiteral("type"), QStringLiteral("object") },
            { QStringLiteral("properties"), properties } };
        if (!requiredNames.isEmpty())
            s.insert(QStringLiteral("required"), requiredNames);
        QStringList types;
        for (const QString& m : consumesIn)
            if (m.startsWith(QLatin1String("multipart/")) || m == QLatin1String("application/x-www-form-urlencoded"))
                types.append(m);
        if (types.isEmpty())
            types.append(
                hasFile ? QStringLiteral("multipart/form-data") : QStringLiteral("application/x-www-form-urlencoded"));
        for (const QString& mt : types) {
            QJsonObject media { { QStringLiteral("schema"), s } };
            if (!nonEmpty.isEmpty())
                media.insert(QStringLiteral("x-understudy-non-empty-fields"), nonEmpty);
            content.insert(mt, media);
        }
    }
    body.insert(QStringLiteral("content"), content);
    if (required)
        body.insert(QStringLiteral("required"), true);
    return body;
}

QJsonObject SwaggerConverter::response(const QJsonValue& value, const QStringList& produces)
{
    QJsonObject in = value.toObject();
    if (in.value(kRef).isString())
        return QJsonObject { { kRef, ref(in.value(kRef).toString(), Kind::Response) } };
    QJsonObject out;
    out.insert(QStringLiteral("description"), in.value(QLatin1String("description")).toString());
    const QJsonValue s = in.value(QLatin1String("schema"));
    const QJsonObject examples = in.value(QLatin1String("examples")).toObject();
    // Without `produces`, JSON is assumed for a schema; an `examples` map names its media types itself (an operation
    // whose only example is text/plain offers text/plain alone, so Accept: application/json gets a 406).
    QStringList types = produces;
    if (types.isEmpty() && (!s.isUndefined() || examples.isEmpty()))
        types.append(QStringLiteral("application/json"));
    for (auto it = examples.constBegin(); it != examples.constEnd(); ++it)
        if (!types.contains(it.key()))
            types.append(it.key());
    if (!s.isUndefined() || !examples.isEmpty()) {
        const QJsonValue converted = s.isUndefined() ? s : schema(s);
        QJsonObject content;
        for (const QString& mt : types) {
            QJsonObject media;
            if (!converted.isUndefined())
                media.insert(QStringLiteral("schema"), converted);
            if (examples.contains(mt))
                media.insert(QStringLiteral("example"), examples.value(mt));
            content.insert(mt, media);
        }
        out.insert(QStringLiteral("content"), content);
    }
    const QJsonObject headers = in.value(QLatin1String("headers")).toObject();
    if (!headers.isEmpty()) {
        QJsonObject h;
        for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
            const QJsonObject hin = it.value().toObject();
            QJsonObject hout { { QStringLiteral("schema"), schemaFromSimple(hin) } };
            if (hin.contains(QLatin1String("description")))
                hout.insert(QStringLiteral("description"), hin.value(QLatin1String("description")));
            h.insert(it.key(), hout);
        }
        out.insert(QStringLiteral("headers"), h);
    }
    for (auto it = in.constBegin(); it != in.constEnd(); ++it)
        if (it.key().startsWith(QLatin1String("x-")))
            out.insert(it.key(), it.value());
    return out;
}

QJsonObject SwaggerConverter::securityScheme(const QJsonObject& def)
{
    const QString type = def.value(QLatin1String("type")).toString();
    QJsonObject out;
    if (def.contains(QLatin1String("description")))
        out.insert(QStringLiteral("description"), def.value(QLatin1String("description")));
    if (type == QLatin1String("basic")) {
        out.insert(QStringLiteral("type"), QStringLiteral("http"));
        out.insert(QStringLiteral("scheme"), QStringLiteral("basic"));
    } else if (type == QLatin1String("apiKey")) {
        out.insert(QStringLiteral("type"), type);
        out.insert(QStringLiteral("name"), def.value(QLatin1String("name")));
        out.insert(QStringLiteral("in"), def.value(QLatin1String("in")));
    } else if (type == QLatin1String("oauth2")) {
        out.insert(QStringLiteral("type"), type);
        const QString flow = def.value(QLatin1String("flow")).toString();
        const QString name = flow == QLatin1String("accessCode") ? QStringLiteral("authorizationCode")
            : flow == QLatin1String("application")               ? QStringLiteral("clientCredentials")
                                                                 : flow;
        QJsonObject f;
        for (const char* k : { "authorizationUrl", "tokenUrl" })
            if (def.contains(QLatin1String(k)))
                f.insert(QLatin1String(k), def.value(QLatin1String(k)));
        f.insert(QStringLiteral("scopes"), def.value(QLatin1String("scopes")).toObject());
        out.insert(QStringLiteral("flows"), QJsonObject { { name, f } });
    } else {
        out = def;
    }
    return out;
}

QJsonObject SwaggerConverter::operation(const QJsonObject& op, const QJsonArray& pathParams)
{
    QJsonObject out;
    const QStringList consumes =
        op.contains(QLatin1String("consumes")) ? strings(op.value(QLatin1String("consumes"))) : m_consumes;
    const QStringList produces =
        op.contains(QLatin1String("produces")) ? strings(op.value(QLatin1String("produces"))) : m_produces;
    for (auto it = op.constBegin(); it != op.constEnd(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("parameters") || key == QLatin1String("responses") || key == QLatin1String("consumes")
            || key == QLatin1String("produces") || key == QLatin1String("schemes"))
            continue;
        out.insert(key, it.value());
    }
    // Body and form parameters become the request body; the operation's own override the path item's.
    QList<QJsonObject> bodyParams;
    QJsonArray params;
    QSet<QString> opKeys;
    const QJsonArray opParams = op.value(QLatin1String("parameters")).toArray();
    const auto collect = [&](const QJsonArray& list, bool fromPathItem) {
        for (const QJsonValue& raw : list) {
            QString r;
            const QJsonObject p = derefParameter(raw, &r);
            const QString in = p.value(QLatin1String("in")).toString();
            const QString key = in + QLatin1Char(':') + p.value(QLatin1String("name")).toString();
            if (fromPathItem && opKeys.contains(key))
                continue;
            if (!fromPathItem)
                opKeys.insert(key);
            if (in == QLatin1String("body") || in == QLatin1String("formData")) {
                if (in == QLatin1String("body") && !bodyParams.isEmpty()
                    && bodyParams.first().value(QLatin1String("in")) == QLatin1String("body"))
                    continue;
                if (in == QLatin1String("body"))
                    bodyParams.prepend(p);
                else
                    bodyParams.append(p);
            } else if (!fromPathItem) {
                if (!r.isEmpty() && (r.startsWith(QLatin1String("#/parameters/")) || r.startsWith(kBundledPrefix)))
                    params.append(QJsonObject { { kRef, ref(r, Kind::Parameter) } });
                else if (!p.isEmpty())
                    params.append(parameter(p));
            }
        }
    };
    collect(opParams, false);
    collect(pathParams, true);
    if (!params.isEmpty())
        out.insert(QStringLiteral("parameters"), params);
    if (!bodyParams.isEmpty()) {
        if (bodyParams.first().value(QLatin1String("in")) == QLatin1String("body"))
            bodyParams = { bodyParams.first() };
        out.insert(QStringLiteral("requestBody"), requestBody(bodyParams, consumes));
    }
    QJsonObject responses;
    const QJsonObject rin = op.value(QLatin1String("responses")).toObject();
    for (auto it = rin.constBegin(); it != rin.constEnd(); ++it)
        responses.insert(it.key(),
            it.key().startsWith(QLatin1String("x-")) ? QJsonValue(it.value())
                                                     : QJsonValue(response(it.value(), produces)));
    out.insert(QStringLiteral("responses"), responses);
    return out;
}

QJsonObject SwaggerConverter::pathItem(const QJsonObject& item)
{
    QJsonObject out;
    QJsonArray pathParams = item.value(QLatin1String("parameters")).toArray();
    QJsonArray kept;
    for (const QJsonValue& raw : pathParams) {
        QString r;
        const QJsonObject p = derefParameter(raw, &r);
        const QString in = p.value(QLatin1String("in")).toString();
        if (in == QLatin1String("body") || in == QLatin1String("formData"))
            continue;
        if (!r.isEmpty() && (r.startsWith(QLatin1String("#/parameters/")) || r.startsWith(kBundledPrefix)))
            kept.append(QJsonObject { { kRef, ref(r, Kind::Parameter) } });
        else if (!p.isEmpty())
            kept.append(parameter(p));
    }
    for (auto it = item.constBegin(); it != item.constEnd(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("parameters"))
            continue;
        if (key == kRef && it.value().isString())
            out.insert(key, ref(it.value().toString(), Kind::PathItem));
        else if (it.value().isObject() && !key.startsWith(QLatin1String("x-")))
            out.insert(key, operation(it.value().toObject(), pathParams));
        else
            out.insert(key, it.value());
    }
    if (!kept.isEmpty())
        out.insert(QStringLiteral("parameters"), kept);
    return out;
}

SwaggerConverter::Result SwaggerConverter::run()
{
    QJsonObject out;
    out.insert(QStringLiteral("openapi"), QStringLiteral("3.0.3"));
    for (auto it = m_in.constBegin(); it != m_in.constEnd(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("info") || key == QLatin1String("tags") || key == QLatin1String("externalDocs")
            || key == QLatin1String("security")
            || (key.startsWith(QLatin1String("x-")) && key != QLatin1String("x-understudy-bundled")))
            out.insert(key, it.value());
    }

    const QString host = m_in.value(QLatin1String("host")).toString();
    QString basePath = m_in.value(QLatin1String("basePath")).toString();
    if (basePath == QLatin1String("/"))
        basePath.clear();
    QJsonArray servers;
    if (!host.isEmpty()) {
        QStringList schemes = strings(m_in.value(QLatin1String("schemes")));
        if (schemes.isEmpty())
            schemes = { QStringLiteral("http") };
        for (const QString& scheme : schemes)
            servers.append(QJsonObject { { QStringLiteral("url"), scheme + QLatin1String("://") + host + basePath } });
    } else if (!basePath.isEmpty()) {
        servers.append(QJsonObject { { QStringLiteral("url"), basePath } });
    }
    if (!servers.isEmpty())
        out.insert(QStringLiteral("servers"), servers);

    QJsonObject components;
    QJsonObject schemas;
    const QJsonObject defs = m_in.value(QLatin1String("definitions")).toObject();
    for (auto it = defs.constBegin(); it != defs.constEnd(); ++it)
        schemas.insert(it.key(), schema(it.value()));
    if (!schemas.isEmpty())
        components.insert(QStringLiteral("schemas"), schemas);

    QJsonObject parameters;
    QJsonObject requestBodies;
    const QJsonObject params = m_in.value(QLatin1String("parameters")).toObject();
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        const QJsonObject p = derefParameter(it.value(), nullptr);
        const QString in = p.value(QLatin1String("in")).toString();
        if (in == QLatin1String("body"))
            requestBodies.insert(it.key(), requestBody({ p }, m_consumes));
        else if (in != QLatin1String("formData"))
            parameters.insert(it.key(), parameter(p));
    }
    if (!parameters.isEmpty())
        components.insert(QStringLiteral("parameters"), parameters);
    if (!requestBodies.isEmpty())
        components.insert(QStringLiteral("requestBodies"), requestBodies);

    QJsonObject responses;
    const QJsonObject rin = m_in.value(QLatin1String("responses")).toObject();
    for (auto it = rin.constBegin(); it != rin.constEnd(); ++it)
        responses.insert(it.key(), response(it.value(), m_produces));
    if (!responses.isEmpty())
        components.insert(QStringLiteral("responses"), responses);

    QJsonObject schemes;
    const QJsonObject sin = m_in.value(QLatin1String("securityDefinitions")).toObject();
    for (auto it = sin.constBegin(); it != sin.constEnd(); ++it)
        schemes.insert(it.key(), securityScheme(it.value().toObject()));
    if (!schemes.isEmpty())
        components.insert(QStringLiteral("securitySchemes"), schemes);

    QJsonObject paths;
    const QJsonObject pin = m_in.value(QLatin1String("paths")).toObject();
    for (auto it = pin.constBegin(); it != pin.constEnd(); ++it)
        paths.insert(it.key(),
            it.key().startsWith(QLatin1String("x-")) ? QJsonValue(it.value())
                                                     : QJsonValue(pathItem(it.value().toObject())));
    out.insert(QStringLiteral("paths"), paths);
    if (!components.isEmpty())
        out.insert(QStringLiteral("components"), components);

    // Bundled external targets are converted as what referenced them; unreferenced ones stay as they are.
    QJsonArray bundled = m_bundled;
    for (int i = 0; i < m_bundledQueue.size(); ++i) {
        const int n = m_bundledQueue.at(i);
        const QJsonValue v = m_bundled.at(n);
        switch (m_bundledKinds.value(n)) {
        case Kind::Schema:
            bundled.replace(n, schema(v));
            break;
        case Kind::Parameter:
            bundled.replace(n, parameter(v.toObject()));
            break;
        case Kind::Response:
            bundled.replace(n, response(v, m_produces));
            break;
        case Kind::PathItem:
            bundled.replace(n, pathItem(v.toObject()));
            break;
        }
    }
    if (!bundled.isEmpty())
        out.insert(QStringLiteral("x-understudy-bundled"), bundled);
    return Result { out, m_diagnostics };
}
