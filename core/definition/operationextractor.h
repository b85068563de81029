// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include "core/definition/definition.h"
#include "core/definition/projectfiles.h"
#include "core/definition/yamlreader.h"
#include "core/json/diagnostic.h"

// Reads operations, servers, tags and security schemes out of a bundled OpenAPI 3 document, following
// structural $refs (path items, parameters, bodies, responses, headers, examples, schemes) but not schemas.
class OperationExtractor
{
public:
    struct Options
    {
        qint64 maxFileBytes = 64ll << 20; // for externalValue files
        YamlReader::Limits limits;
        QStringList allowedPaths; // outside the definition's project (see ProjectFiles)
    };

    explicit OperationExtractor(Options options);

    // Fills operations, servers, tags and securitySchemes of `definition` from `definition->document`.
    Diagnostics extract(Definition* definition);

    // "get_users_id" for GET /users/{id}.
    static QString synthesizeId(const QString& method, const QString& path);

private:
    QJsonObject deref(const QJsonValue& value, const QString& pointer, QString* resolvedPointer);
    Parameter parameter(const QJsonValue& value, const QString& pointer);
    QList<MediaType> content(const QJsonValue& value, const QString& pointer);
    QList<NamedExample> examples(const QJsonValue& value, const QString& pointer);
    QList<HeaderDef> headers(const QJsonValue& value, const QString& pointer);
    QList<SecurityRequirement> security(const QJsonArray& array);
    RequestBody requestBody(const QJsonValue& value, const QString& pointer);
    // An operation's `callbacks`: name -> (Callback Object, maybe a $ref) -> URL expression -> path item.
    QList<Callback> callbacks(const QJsonValue& value, const QString& pointer);
    // Path item parameters with the operation's own (`list` at `pointer`) merged over them (by name and `in`).
    QList<Parameter> mergedParameters(QList<Parameter> inherited, const QJsonValue& list, const QString& pointer);
    void readExternalValue(NamedExample* example);
    void warn(const QString& code, const QString& message, const QString& documentPointer);
    void error(const QString& code, const QString& message, const QString& documentPointer, const QString& target);
    // The keys of the object at `documentPointer`, in written order when the loader recorded it, else sorted.
    QStringList keysOf(const QJsonObject& object, const QString& documentPointer) const;
    const QStringList* writtenOrder(const QString& documentPointer) const;

    Options m_options;
    const Definition* m_definition = nullptr;
    QJsonValue m_root;
    Diagnostics m_diagnostics;
    QSet<QString> m_reportedCycles;
    QHash<QString, QJsonValue> m_externalValues; // file -> value (Undefined = unreadable)
    struct Resolved
    {
        QJsonObject object;
        QString pointer;
    };
    QHash<QString, Resolved> m_resolved; // local ref target -> end of its chain (empty object: missing or cycle)
    ProjectFiles m_project;
};
