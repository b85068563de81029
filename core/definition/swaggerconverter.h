// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "core/json/diagnostic.h"

// Rewrites a (bundled) Swagger 2.0 document into the OpenAPI 3.0 shape the rest of the loader works on.
class SwaggerConverter
{
public:
    struct Result
    {
        QJsonObject document;
        Diagnostics diagnostics;
    };

    static Result convert(const QJsonObject& swagger, const QString& file);

private:
    enum class Kind
    {
        Schema,
        Parameter,
        Response,
        PathItem
    };

    explicit SwaggerConverter(const QJsonObject& swagger, const QString& file);
    Result run();

    QJsonValue schema(const QJsonValue& value);
    QJsonObject parameter(const QJsonObject& param);
    QJsonObject response(const QJsonValue& value, const QStringList& produces);
    QJsonObject pathItem(const QJsonObject& item);
    QJsonObject operation(const QJsonObject& op, const QJsonArray& pathParams);
    QJsonObject securityScheme(const QJsonObject& def);
    QJsonObject requestBody(const QList<QJsonObject>& bodyOrForm, const QStringList& consumes);
    QString ref(const QString& ref, Kind kind);
    QJsonObject derefParameter(const QJsonValue& param, QString* ref);
    static QJsonObject schemaFromSimple(const QJsonObject& simple);

    QJsonObject m_in;
    QString m_file;
    QStringList m_consumes;
    QStringList m_produces;
    QJsonArray m_bundled;
    QHash<int, Kind> m_bundledKinds;
    QList<int> m_bundledQueue;
    Diagnostics m_diagnostics;
};
