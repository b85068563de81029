// SPDX-License-Identifier: MIT
// Colours JSON keys, strings, numbers and literals, plus "Name: value" header lines, using palette-derived colours.
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonHighlighter)

public:
    explicit JsonHighlighter(QTextDocument* document);
    ~JsonHighlighter() override;

    // Recomputes the colours (call after a palette change).
    void updateFormats(const QPalette& palette);

protected:
    void highlightBlock(const QString& text) override;

private:
    QRegularExpression m_token;
    QRegularExpression m_headerLine;
    QRegularExpression m_statusLine;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_headerName;
    QTextCharFormat m_startLine;
};
