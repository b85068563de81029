// SPDX-License-Identifier: MIT
// Paints an operation row as a coloured method badge, the path, a dimmed summary and a "forced" marker.
#pragma once

#include <QStyledItemDelegate>

class OperationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationDelegate)

public:
    // BadgeOnly paints just the method badge (the request log's method column).
    enum class Mode
    {
        OperationRow,
        BadgeOnly
    };

    explicit OperationDelegate(Mode mode = Mode::OperationRow, QObject* parent = nullptr);
    ~OperationDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Paints `method` as a rounded badge inside `rect` (left-aligned); returns the badge's right edge.
    static int paintBadge(
        QPainter* painter, const QRect& rect, const QString& method, const QPalette& palette, const QFont& baseFont);

private:
    Mode m_mode;
};
