// SPDX-License-Identifier: MIT
// An inline, dismissable message strip (info, warning, error) with optional action buttons.
#pragma once

#include <functional>

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QToolButton;

class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind
    {
        Info,
        Warning,
        Error
    };

    explicit MessageBanner(QWidget* parent = nullptr);
    ~MessageBanner() override;

    // Replaces the text and actions and shows the banner.
    void showMessage(Kind kind, const QString& text);
    // Adds a button that runs `action` (and hides the banner when `hides` is true).
    QToolButton* addAction(const QString& text, const std::function<void()>& action, bool hides = true);
    QString text() const;
    Kind kind() const
    {
        return m_kind;
    }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    Kind m_kind = Kind::Info;
    QLabel* m_icon = nullptr;
    QLabel* m_label = nullptr;
    QHBoxLayout* m_actions = nullptr;
};
