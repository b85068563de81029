// SPDX-License-Identifier: MIT
// The page shown while no definition is served: what to do next, or why the last file could not be opened.
#pragma once

#include <QWidget>

class QLabel;

class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget* parent = nullptr);
    ~WelcomePage() override;

    // `text` is rich text (HTML).
    void showMessage(const QString& title, const QString& text);
    QString title() const;
    QString text() const;

signals:
    void openRequested();
    void exampleRequested();

private:
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
};
