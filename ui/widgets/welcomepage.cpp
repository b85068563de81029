// SPDX-License-Identifier: MIT
#include "ui/widgets/welcomepage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("welcomeTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    m_title->setFont(big);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("welcomeText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMinimumWidth(420);
    m_text->setMaximumWidth(720);
    auto* openButton = new QPushButton(tr("Open definition…"), this);
    auto* exampleButton = new QPushButton(tr("Open the Bookshelf example"), this);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(exampleButton, &QPushButton::clicked, this, &WelcomePage::exampleRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(openButton);
    buttons->addWidget(exampleButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_title);
    auto* textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_text, 4);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(3);
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::showMessage(const QString& title, const QString& text)
{
    m_title->setText(title);
    m_text->setText(text);
}

QString WelcomePage::title() const
{
    return m_title->text();
}

QString WelcomePage::text() const
{
    return m_text->text();
}
