// SPDX-License-Identifier: MIT
#include "ui/widgets/jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

#include "ui/theme.h"

JsonHighlighter::JsonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
    // A string (then maybe a colon, which makes it a key), a number, or a literal.
    , m_token(QStringLiteral(
          R"JS(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)|\b(true|false|null)\b)JS"))
    , m_headerLine(QStringLiteral(R"(^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s)"))
    , m_statusLine(QStringLiteral(R"(^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT|HTTP/\d(\.\d)?)\b)"))
{
    updateFormats(QGuiApplication::palette());
}

JsonHighlighter::~JsonHighlighter() = default;

void JsonHighlighter::updateFormats(const QPalette& palette)
{
    const bool dark = Theme::isDark(palette);
    auto color = [dark](int hue, int sat) { return QColor::fromHsl(hue, sat, dark ? 175 : 85); };
    m_key.setForeground(color(210, 160));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(color(130, 140));
    m_number.setForeground(color(25, 200));
    m_literal.setForeground(color(290, 140));
    m_headerName.setForeground(color(210, 120));
    m_headerName.setFontWeight(QFont::Bold);
    m_startLine.setFontWeight(QFont::Bold);
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    // Header sections (before the body) hold "Name: value"; a JSON line never starts with a bare token + colon.
    const auto header = m_headerLine.match(text);
    if (header.hasMatch()) {
        setFormat(0, int(header.capturedLength(1)), m_headerName);
        return;
    }
    if (m_statusLine.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_startLine);
        return;
    }
    auto it = m_token.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedLength(1) > 0)
            setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m.capturedLength(2) > 0 ? m_key : m_string);
        else if (m.capturedLength(3) > 0)
            setFormat(int(m.capturedStart(3)), int(m.capturedLength(3)), m_number);
        else if (m.capturedLength(4) > 0)
            setFormat(int(m.capturedStart(4)), int(m.capturedLength(4)), m_literal);
    }
}
