// SPDX-License-Identifier: MIT
// One OpenAPI path template ("/users/{id}/files/{name}.{ext}") compiled for fast matching.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class PathTemplate
{
public:
    // The kind of value a template variable accepts when matching by type.
    enum class VariableType
    {
        Any,
        Integer,
        Number,
        Boolean
    };

    explicit PathTemplate(const QString& path = {});

    QString path() const
    {
        return m_path;
    }
    int segmentCount() const
    {
        return m_segments.size();
    }
    QStringList variableNames() const;
    bool isValid() const
    {
        return m_valid;
    } // false for unbalanced braces etc.

    // Declares the type of a variable (from its parameter schema) for typed matching.
    void setVariableType(const QString& name, VariableType type);

    // `segments` are already split on '/' and percent-decoded. On success appends the variables to
    // `variables` and returns a score: higher = more specific (literal segments earlier count more).
    // Returns -1 when the template does not match. With `typed`, variables of a declared type only match
    // values of that type.
    int match(const QStringList& segments, bool typed, QList<QPair<QString, QString>>* variables) const;

private:
    struct Part
    {
        QString literal; // when variable is empty
        QString variable;
        VariableType type = VariableType::Any;
    };
    struct Segment
    {
        QList<Part> parts; // one literal part for plain segments
        bool isLiteral() const
        {
            return parts.size() == 1 && parts.first().variable.isEmpty();
        }
    };

    static bool valueHasType(const QString& value, VariableType type);
    bool matchSegment(
        const Segment& segment, const QString& value, bool typed, QList<QPair<QString, QString>>* variables) const;

    QString m_path;
    QList<Segment> m_segments;
    bool m_valid = true;
};
