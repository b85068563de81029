// SPDX-License-Identifier: MIT
// Folders of core/ depend one way only: a unit may include its own folder and the folders below it in
// the order of ARCHITECTURE.md, never one above it, and never Qt Gui or Widgets.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

// Lowest first; keep in step with the "Layers" section of ARCHITECTURE.md.
const QStringList& folderOrder()
{
    static const QStringList order = {
        QStringLiteral("json"),
        QStringLiteral("http"),
        QStringLiteral("schema"),
        QStringLiteral("definition"),
        QStringLiteral("config"),
        QStringLiteral("routing"),
        QStringLiteral("negotiation"),
        QStringLiteral("validation"),
        QStringLiteral("generation"),
        QStringLiteral("state"),
        QStringLiteral("scenarios"),
        QStringLiteral("proxy"),
        QStringLiteral("callbacks"),
        QStringLiteral("engine"),
    };
    return order;
}

QString coreDir()
{
    return QStringLiteral(UNDERSTUDY_SOURCE_DIR "/core");
}

QStringList sourcesOf(const QString& folder)
{
    QStringList files;
    QDirIterator it(coreDir() + QLatin1Char('/') + folder, { QStringLiteral("*.h"), QStringLiteral("*.cpp") },
        QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void everyFolderHasAPlace();
    void includesPointDownwards_data();
    void includesPointDownwards();
    void layerCheckCatchesAnUpwardInclude();
};

void TestLayering::everyFolderHasAPlace()
{
    const QStringList folders = QDir(coreDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(!folders.isEmpty());
    for (const QString& folder : folders)
        QVERIFY2(folderOrder().contains(folder),
            qPrintable(QStringLiteral("core/%1 is not in the layer order; add it to folderOrder() and ARCHITECTURE.md")
                           .arg(folder)));
}

namespace {

// Every violation in `text` of a file in `folder`: includes of a folder above it, or of Qt Gui/Widgets.
QStringList violations(const QString& folder, const QString& text)
{
    static const QRegularExpression ours(
        QStringLiteral(R"(^\s*#\s*include\s+"core/([a-z_]+)/)"), QRegularExpression::MultilineOption);
    static const QRegularExpression gui(
        QStringLiteral(
            R"(^\s*#\s*include\s+<(QtGui|QtWidgets|QWidget|QApplication|QGuiApplication|QColor|QPixmap|QImage|QIcon|QFont|QPalette)\b)"),
        QRegularExpression::MultilineOption);
    QStringList found;
    const int level = folderOrder().indexOf(folder);
    auto it = ours.globalMatch(text);
    while (it.hasNext()) {
        const QString target = it.next().captured(1);
        const int targetLevel = folderOrder().indexOf(target);
        if (targetLevel < 0 || targetLevel > level)
            found.append(QStringLiteral("includes core/%1/ (above core/%2/)").arg(target, folder));
    }
    auto g = gui.globalMatch(text);
    while (g.hasNext())
        found.append(QStringLiteral("includes <%1> (core/ never uses Gui or Widgets)").arg(g.next().captured(1)));
    return found;
}

} // namespace

void TestLayering::includesPointDownwards_data()
{
    QTest::addColumn<QString>("folder");
    for (const QString& folder : folderOrder())
        if (QDir(coreDir() + QLatin1Char('/') + folder).exists())
            QTest::addRow("core/%s", qPrintable(folder)) << folder;
}

void TestLayering::includesPointDownwards()
{
    QFETCH(QString, folder);
    QStringList problems;
    for (const QString& path : sourcesOf(folder)) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        for (const QString& v : violations(folder, QString::fromUtf8(file.readAll())))
            problems.append(QDir(coreDir()).relativeFilePath(path) + QStringLiteral(": ") + v);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestLayering::layerCheckCatchesAnUpwardInclude()
{
    // The check itself: an upward include, an unknown folder and a Widgets header are all reported.
    const QString text = QStringLiteral("#include \"core/json/jsonpointer.h\"\n"
                                        "#include \"core/engine/mockserver.h\"\n"
                                        "#include \"core/nowhere/x.h\"\n"
                                        "#include <QWidget>\n");
    const QStringList found = violations(QStringLiteral("schema"), text);
    QCOMPARE(found.size(), 3);
    QVERIFY(found.at(0).contains(QLatin1String("core/engine/")));
    QVERIFY(found.at(1).contains(QLatin1String("core/nowhere/")));
    QVERIFY(found.at(2).contains(QLatin1String("QWidget")));
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
