// SPDX-License-Identifier: MIT
#include "ui/widgets/messagebanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include "ui/theme.h"

MessageBanner::MessageBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_actions(new QHBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setObjectName(QStringLiteral("bannerText"));
    auto* close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addLayout(m_actions);
    layout->addWidget(close);
    hide();
}

MessageBanner::~MessageBanner() = default;

void MessageBanner::showMessage(Kind kind, const QString& text)
{
    m_kind = kind;
    m_label->setText(text);
    while (QLayoutItem* item = m_actions->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QStyle::StandardPixmap icon = kind == Kind::Error ? QStyle::SP_MessageBoxCritical
        : kind == Kind::Warning                             ? QStyle::SP_MessageBoxWarning
                                                            : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    applyPalette();
    show();
}

QToolButton* MessageBanner::addAction(const QString& text, const std::function<void()>& action, bool hides)
{
    auto* button = new QToolButton(this);
    button->setText(text);
    connect(button, &QToolButton::clicked, this, [this, action, hides] {
        if (hides)
            hide();
        action();
    });
    m_actions->addWidget(button);
    return button;
}

QString MessageBanner::text() const
{
    return m_label->text();
}

void MessageBanner::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void MessageBanner::applyPalette()
{
    const QString kind = m_kind == Kind::Error ? QStringLiteral("error")
        : m_kind == Kind::Warning              ? QStringLiteral("warning")
                                               : QStringLiteral("info");
    QPalette p = palette();
    const QColor bg = Theme::bannerColor(kind, QPalette());
    // Set only when it differs, otherwise setPalette -> PaletteChange -> applyPalette loops.
    if (p.color(QPalette::Window) != bg) {
        p.setColor(QPalette::Window, bg);
        p.setColor(QPalette::WindowText, Theme::badgeTextColor(bg));
        setPalette(p);
    }
}
