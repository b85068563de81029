// SPDX-License-Identifier: MIT
#include "ui/widgets/operationdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include "ui/models/operationsmodel.h"
#include "ui/theme.h"

namespace {
constexpr int badgeWidthChars = 7; // "OPTIONS" fits; all badges share one width so paths line up
constexpr int padding = 6;

QFont badgeFont(const QFont& base)
{
    QFont f = base;
    f.setBold(true);
    f.setStrikeOut(false);
    f.setPointSizeF(base.pointSizeF() * 0.8);
    return f;
}
} // namespace

OperationDelegate::OperationDelegate(Mode mode, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_mode(mode)
{ }

OperationDelegate::~OperationDelegate() = default;

int OperationDelegate::paintBadge(
    QPainter* painter, const QRect& rect, const QString& method, const QPalette& palette, const QFont& baseFont)
{
    const QFont font = badgeFont(baseFont);
    const QFontMetrics fm(font);
    const int width = fm.horizontalAdvance(QLatin1Char('M')) * badgeWidthChars * 3 / 4 + 8;
    const int height = fm.height() + 2;
    const QRect badge(rect.left(), rect.top() + (rect.height() - height) / 2, width, height);
    const QColor fill = Theme::methodBadgeColor(method, palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, 3, 3);
    painter->setPen(Theme::badgeTextColor(fill));
    painter->setFont(font);
    painter->drawText(badge, Qt::AlignCenter, method.toUpper());
    painter->restore();
    return badge.right();
}

void OperationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QString method =
        index.data(m_mode == Mode::BadgeOnly ? int(Qt::DisplayRole) : int(OperationsModel::MethodRole)).toString();
    if (method.isEmpty() || (m_mode == Mode::OperationRow && index.data(OperationsModel::IsTagRole).toBool())) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // Let the style draw selection and focus, then paint our content over the empty item.
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    if (m_mode == Mode::BadgeOnly) {
        // Centred in its column so it never touches the neighbouring text.
        const QFontMetrics fm(badgeFont(opt.font));
        const int width = fm.horizontalAdvance(QLatin1Char('M')) * badgeWidthChars * 3 / 4 + 8;
        QRect cell = opt.rect;
        cell.setLeft(opt.rect.left() + std::max(0, (opt.rect.width() - width) / 2));
        paintBadge(painter, cell, method, opt.palette, opt.font);
        return;
    }
    const QRect content = opt.rect.adjusted(padding / 2, 0, -padding, 0);
    // With a summary line below, the badge sits on the path's line.
    const bool twoLines = !index.data(OperationsModel::SummaryRole).toString().isEmpty();
    QRect badgeRect = content;
    if (twoLines)
        badgeRect.setBottom(content.top() + content.height() / 2);
    const int badgeRight = paintBadge(painter, badgeRect, method, opt.palette, opt.font);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const bool deprecated = index.data(OperationsModel::DeprecatedRole).toBool();
    QRect textRect = content;
    textRect.setLeft(badgeRight + padding);

    painter->save();
    // The forced marker is right-aligned and always visible, since it changes what the mock answers.
    const QString forced = index.data(OperationsModel::ForcedTextRole).toString();
    if (!forced.isEmpty()) {
        QFont f = opt.font;
        f.setPointSizeF(f.pointSizeF() * 0.85);
        f.setBold(true);
        const QFontMetrics fm(f);
        const int w = fm.horizontalAdvance(forced) + 10;
        const QRect pill(
            textRect.right() - w, textRect.top() + (textRect.height() - fm.height() - 2) / 2, w, fm.height() + 2);
        const bool selectedRow = opt.state & QStyle::State_Selected;
        const QColor accent =
            selectedRow ? opt.palette.color(QPalette::HighlightedText) : Theme::statusColor(400, opt.palette);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(accent);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setFont(f);
        painter->drawText(pill, Qt::AlignCenter, forced);
        textRect.setRight(pill.left() - padding);
    }

    // Load errors inside the operation: a red "!" that the tooltip and the operation's page explain.
    if (!index.data(OperationsModel::ProblemsRole).toStringList().isEmpty()) {
        const int d = QFontMetrics(opt.font).height();
        const QRect dot(textRect.right() - d, textRect.top() + (textRect.height() - d) / 2, d, d);
        const QColor red = Theme::statusColor(500, opt.palette);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(red);
        painter->drawEllipse(dot);
        QFont bang = opt.font;
        bang.setBold(true);
        painter->setFont(bang);
        painter->setPen(Theme::badgeTextColor(red));
        painter->drawText(dot, Qt::AlignCenter, QStringLiteral("!"));
        textRect.setRight(dot.left() - padding);
    }

    QFont pathFont = opt.font;
    pathFont.setStrikeOut(deprecated);
    painter->setFont(pathFont);
    const QColor pathColor = deprecated ? Theme::dimmedTextColor(opt.palette) : opt.palette.color(textRole);
    painter->setPen(selected ? opt.palette.color(textRole) : pathColor);
    const QString path = index.data(OperationsModel::PathRole).toString();
    const QFontMetrics pfm(pathFont);
    // Elided from the left: the tail is what tells /orgs/{org}/actions/…/{repository_id} operations apart.
    const QString elidedPath = pfm.elidedText(path, Qt::ElideLeft, textRect.width());
    const QString summary = index.data(OperationsModel::SummaryRole).toString();
    // The summary has its own second line, so a long path never hides it.
    QRect pathRect = textRect;
    if (!summary.isEmpty())
        pathRect.setBottom(textRect.top() + textRect.height() / 2);
    painter->drawText(pathRect, Qt::AlignVCenter | Qt::AlignLeft, elidedPath);
    if (!summary.isEmpty()) {
        QRect summaryRect = textRect;
        summaryRect.setTop(pathRect.bottom());
        summaryRect.setLeft(content.left() + padding / 2);
        QFont sf = opt.font;
        sf.setPointSizeF(sf.pointSizeF() * 0.9);
        painter->setFont(sf);
        painter->setPen(selected ? opt.palette.color(textRole) : Theme::dimmedTextColor(opt.palette));
        painter->drawText(summaryRect, Qt::AlignVCenter | Qt::AlignLeft,
            QFontMetrics(sf).elidedText(summary, Qt::ElideRight, summaryRect.width()));
    }
    painter->restore();
}

QSize OperationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(badgeFont(option.font));
    size.setHeight(std::max(size.height(), fm.height() + 8));
    if (m_mode == Mode::OperationRow && !index.data(OperationsModel::IsTagRole).toBool()
        && !index.data(OperationsModel::SummaryRole).toString().isEmpty())
        size.setHeight(QFontMetrics(option.font).height() * 2 + 6);
    if (m_mode == Mode::BadgeOnly)
        size.setWidth(fm.horizontalAdvance(QLatin1Char('M')) * badgeWidthChars * 3 / 4 + 8 + padding * 2);
    return size;
}
