// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

#include "core/definition/definition.h"
#include "core/json/diagnostic.h"

// Where a member of an OpenAPI document sits: tells keywords (whose `$ref` is a reference) from names and
// literal data (example values, defaults, enums, extensions), where a `$ref` key is just data.
namespace SpecWalk {

enum class Mode
{
    Generic, // an object whose keys are keywords (schema, operation, parameter, ...)
    NameMap, // keys are names (properties, components/schemas, paths, responses, ...)
    Components, // the components object: each child is a NameMap
    ExampleMap, // an OpenAPI 3 `examples` map: each child is an Example Object
    ExampleObject, // its `value` is literal
    Literal, // data: never looked into
};

Mode childMode(Mode parent, const QString& key, const QJsonValue& child, bool swagger2);

} // namespace SpecWalk

// Makes every $ref of a definition local: external files are read once each and every external target is
// bundled once under "/x-understudy-bundled/<n>"; missing targets, remote refs and ref cycles are reported.
class RefBundler
{
public:
    // Returns the parsed root of an absolute file path, or Undefined when it cannot be read (the callback
    // reports why, at the referencing `fromFile`/`fromPointer`).
    using Fetch = std::function<QJsonValue(const QString& file, const QString& fromFile, const QString& fromPointer)>;

    struct Result
    {
        QJsonObject document;
        QHash<QString, Definition::Origin> origins; // "/x-understudy-bundled/<n>" -> file + pointer
        Diagnostics diagnostics;
    };

    RefBundler(Fetch fetch, bool swagger2);

    Result bundle(const QJsonObject& root, const QString& rootFile);

    // "./a.yaml#/X" relative to `baseFile` -> absolute file + decoded pointer. False for remote (http/https...) refs.
    static bool splitRef(const QString& ref, const QString& baseFile, QString* file, QString* pointer);
    static bool isRemote(const QString& ref);

private:
    struct Target
    {
        QString file;
        QString pointer;
    };
    struct Token
    {
        QString key;
        int index = -1;
    };

    QJsonValue walk(const QJsonValue& value, SpecWalk::Mode mode, bool* changed);
    QString handleRef(const QString& ref);
    QString currentPointer() const;
    QJsonValue documentOf(const QString& file, const QString& fromPointer);
    bool checkTarget(const QString& file, const QString& pointer, const QString& ref);
    void error(const QString& code, const QString& message, const QString& pointer);

    Fetch m_fetch;
    bool m_swagger2 = false;
    QString m_rootFile;
    QJsonObject m_root;
    QString m_file; // file being walked
    QString m_base; // pointer in m_file of the walk's start
    QList<Token> m_tokens; // path below m_base
    QHash<QString, QJsonValue> m_docs; // file -> root (Undefined = unreadable)
    QHash<QString, int> m_bundled; // file + "#" + pointer -> index
    QList<Target> m_pending; // bundled targets still to walk, by index
    QSet<QString> m_checked; // targets already validated
    QSet<QString> m_chainWalked; // targets whose pure-ref chain has been followed (cycle reported if any)
    Result m_result;
};
