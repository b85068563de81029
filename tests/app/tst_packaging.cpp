// SPDX-License-Identifier: MIT
// Desktop integration and the .deb: validators accept the files, the MIME globs resolve, the package holds it all.
#include <memory>

#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "testutils.h"

namespace {

const QString desktopFile = QStringLiteral(UNDERSTUDY_SOURCE_DIR "/packaging/understudy.desktop");
const QString mimeFile = QStringLiteral(UNDERSTUDY_SOURCE_DIR "/packaging/understudy-mime.xml");
const QString metainfoFile = QStringLiteral(UNDERSTUDY_SOURCE_DIR "/packaging/dev.understudy.Understudy.metainfo.xml");
const QList<int> iconSizes = { 16, 32, 48, 64, 128, 256 };

using Run = TestUtils::ProcessRun;

Run runTool(const QString& program, const QStringList& arguments, const QString& workDir = {}, int timeoutMs = 30000)
{
    QProcess process;
    if (!workDir.isEmpty())
        process.setWorkingDirectory(workDir);
    return TestUtils::runProcess(process, program, arguments, timeoutMs);
}

QString describe(const Run& run)
{
    return QStringLiteral("exit %1\n%2\n%3").arg(run.exitCode).arg(run.out, run.err);
}

// <build>/app/understudy -> <build>
QString buildDir()
{
    return QFileInfo(QStringLiteral(UNDERSTUDY_BINARY)).absoluteDir().absoluteFilePath(QStringLiteral(".."));
}

bool guiBuilt()
{
    const QByteArray cache = TestUtils::readFile(buildDir() + QStringLiteral("/CMakeCache.txt"));
    return !cache.contains("\nBUILD_GUI:BOOL=OFF");
}

// Key=value pairs of the [Desktop Entry] group; comments and other groups are ignored.
QHash<QString, QString> desktopEntry(const QString& path)
{
    QHash<QString, QString> entry;
    bool inGroup = false;
    const QList<QByteArray> lines = TestUtils::readFile(path).split('\n');
    for (const QByteArray& raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            inGroup = line == QLatin1String("[Desktop Entry]");
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (inGroup && eq > 0 && !line.startsWith(QLatin1Char('#')))
            entry.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return entry;
}

QStringList xmlTexts(const QString& path, const QString& element)
{
    const QString xml = QString::fromUtf8(TestUtils::readFile(path));
    const QRegularExpression re(QStringLiteral("<%1(?:\\s[^>]*)?>([^<]*)</%1>").arg(element));
    QStringList texts;
    for (auto it = re.globalMatch(xml); it.hasNext();)
        texts << it.next().captured(1).trimmed();
    return texts;
}

} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void desktopFileValidates();
    void metainfoValidates();
    void filesAgree();
    void iconsHaveTheirSize_data();
    void iconsHaveTheirSize();
    void mimeTypeByFileName_data();
    void mimeTypeByFileName();
    void packageContains_data();
    void packageContains();
    void packageFields_data();
    void packageFields();
    void packagedTreeValidates();
    void changelogNamesThisVersion();
    void manPageDescribesTheOptions_data();
    void manPageDescribesTheOptions();
    void lintianIsClean();

private:
    // Builds the .deb once, on first use; empty with m_packageError set when that failed.
    QString package();
    QString packageListing();

    QTemporaryDir m_mimeRoot;
    bool m_mimeReady = false;
    std::unique_ptr<QTemporaryDir> m_packageDir;
    QString m_packagePath;
    QString m_packageError;
    QString m_listing;
};

void TestPackaging::initTestCase()
{
    // QMimeDatabase reads XDG_DATA_DIRS once, on first use, so the isolated database must exist before that.
    const QString updater = QStandardPaths::findExecutable(QStringLiteral("update-mime-database"));
    QVERIFY(m_mimeRoot.isValid());
    const QString mimeDir = m_mimeRoot.filePath(QStringLiteral("share/mime"));
    QVERIFY(QDir().mkpath(mimeDir + QStringLiteral("/packages")));
    QVERIFY(QDir().mkpath(m_mimeRoot.filePath(QStringLiteral("home"))));
    QVERIFY(QFile::copy(mimeFile, mimeDir + QStringLiteral("/packages/understudy-mime.xml")));
    if (!updater.isEmpty()) {
        const Run run = runTool(updater, { mimeDir });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(QLatin1String("rror")), qPrintable(run.err));
        QVERIFY(QFile::exists(mimeDir + QStringLiteral("/mime.cache")));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_mimeRoot.filePath(QStringLiteral("home"))));
        qputenv("XDG_DATA_DIRS", QFile::encodeName(m_mimeRoot.filePath(QStringLiteral("share"))) + ":/usr/share");
        m_mimeReady = true;
    }
}

void TestPackaging::desktopFileValidates()
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (tool.isEmpty())
        QSKIP("desktop-file-validate is not installed (desktop-file-utils)");
    const Run run = runTool(tool, { desktopFile });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    // Silence: no error, no warning and no hint (such as two main categories).
    QVERIFY2(run.out.trimmed().isEmpty() && run.err.trimmed().isEmpty(), qPrintable(describe(run)));
}

void TestPackaging::metainfoValidates()
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (tool.isEmpty())
        QSKIP("appstreamcli is not installed (appstream)");
    const Run run = runTool(tool, { QStringLiteral("validate"), QStringLiteral("--no-net"), metainfoFile });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QRegularExpression issue(QStringLiteral("^[EWI]: "), QRegularExpression::MultilineOption);
    QVERIFY2(!run.out.contains(issue), qPrintable(describe(run)));
}

// The three files name each other: a typo in one breaks menus, software centres or "Open with".
void TestPackaging::filesAgree()
{
    const QHash<QString, QString> entry = desktopEntry(desktopFile);
    QCOMPARE(entry.value(QStringLiteral("Exec")), QStringLiteral("understudy %f"));
    QCOMPARE(entry.value(QStringLiteral("Icon")), QStringLiteral("understudy"));
    QCOMPARE(entry.value(QStringLiteral("GenericName")), QStringLiteral("OpenAPI Mock Server"));

    QCOMPARE(xmlTexts(metainfoFile, QStringLiteral("launchable")), QStringList { QFileInfo(desktopFile).fileName() });
    QCOMPARE(xmlTexts(metainfoFile, QStringLiteral("icon")), QStringList { entry.value(QStringLiteral("Icon")) });
    QCOMPARE(xmlTexts(metainfoFile, QStringLiteral("binary")),
        QStringList { entry.value(QStringLiteral("Exec")).section(QLatin1Char(' '), 0, 0) });
    QCOMPARE(QFileInfo(metainfoFile).fileName(),
        xmlTexts(metainfoFile, QStringLiteral("id")).value(0) + QStringLiteral(".metainfo.xml"));

    const QStringList desktopTypes =
        entry.value(QStringLiteral("MimeType")).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    const QString mimeXml = QString::fromUtf8(TestUtils::readFile(mimeFile));
    const QStringList provided = xmlTexts(metainfoFile, QStringLiteral("mediatype"));
    QCOMPARE(provided.size(), 2);
    for (const QString& type : provided) {
        QVERIFY2(desktopTypes.contains(type), qPrintable(type));
        QVERIFY2(mimeXml.contains(QStringLiteral("<mime-type type=\"%1\">").arg(type)), qPrintable(type));
    }
}

void TestPackaging::iconsHaveTheirSize_data()
{
    QTest::addColumn<int>("size");
    for (int size : iconSizes)
        QTest::addRow("%dx%d", size, size) << size;
}

void TestPackaging::iconsHaveTheirSize()
{
    QFETCH(int, size);
    // PNG: 8-byte signature, then the IHDR chunk whose data starts with big-endian width and height.
    const QByteArray png =
        TestUtils::readFile(QStringLiteral(UNDERSTUDY_SOURCE_DIR "/resources/icons/understudy-%1.png").arg(size));
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QCOMPARE(png.mid(12, 4), QByteArray("IHDR"));
    const auto be32 = [&png](int at) {
        return (uchar(png[at]) << 24) | (uchar(png[at + 1]) << 16) | (uchar(png[at + 2]) << 8) | uchar(png[at + 3]);
    };
    QCOMPARE(int(be32(16)), size);
    QCOMPARE(int(be32(20)), size);
    QCOMPARE(int(uchar(png[25])), 6); // RGBA: the rounded corners are transparent
}

void TestPackaging::mimeTypeByFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("parent");
    const QString yaml = QStringLiteral("application/vnd.oai.openapi");
    const QString json = QStringLiteral("application/vnd.oai.openapi+json");
    const QString xYaml = QStringLiteral("application/x-yaml");
    const QString appJson = QStringLiteral("application/json");
    QTest::addRow("openapi.yaml") << QStringLiteral("openapi.yaml") << yaml << xYaml;
    QTest::addRow("openapi.yml") << QStringLiteral("openapi.yml") << yaml << xYaml;
    QTest::addRow("name.openapi.yaml") << QStringLiteral("petstore.openapi.yaml") << yaml << xYaml;
    QTest::addRow("name.openapi.yml") << QStringLiteral("petstore.openapi.yml") << yaml << xYaml;
    QTest::addRow("swagger.yaml") << QStringLiteral("swagger.yaml") << yaml << xYaml;
    QTest::addRow("openapi.json") << QStringLiteral("openapi.json") << json << appJson;
    QTest::addRow("name.openapi.json") << QStringLiteral("petstore.openapi.json") << json << appJson;
    QTest::addRow("swagger.json") << QStringLiteral("swagger.json") << json << appJson;
    QTest::addRow("other YAML keeps its type") << QStringLiteral("petstore.yaml") << xYaml << QString();
    QTest::addRow("other JSON keeps its type") << QStringLiteral("package.json") << appJson << QString();
}

void TestPackaging::mimeTypeByFileName()
{
    if (!m_mimeReady)
        QSKIP("update-mime-database is not installed (shared-mime-info)");
    QFETCH(QString, fileName);
    QFETCH(QString, type);
    QFETCH(QString, parent);
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    QCOMPARE(mime.name(), type);
    if (!parent.isEmpty()) {
        QVERIFY2(mime.inherits(parent), qPrintable(mime.parentMimeTypes().join(QLatin1Char(' '))));
        QVERIFY(!mime.comment().isEmpty());
    }
}

QString TestPackaging::package()
{
    if (m_packageDir || !m_packageError.isEmpty())
        return m_packagePath;
    const QString cpack = QStandardPaths::findExecutable(QStringLiteral("cpack"));
    if (cpack.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("dpkg-shlibdeps")).isEmpty()) {
        m_packageError = QStringLiteral("skip");
        return {};
    }
    const QString config = buildDir() + QStringLiteral("/CPackConfig.cmake");
    if (!QFile::exists(config)) {
        m_packageError = QStringLiteral("no %1: packaging/packaging.cmake was not included").arg(config);
        return {};
    }
    m_packageDir = std::make_unique<QTemporaryDir>();
    const Run run = runTool(cpack,
        { QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"), config, QStringLiteral("-B"),
            m_packageDir->path() },
        buildDir(), 120000);
    if (run.exitCode != 0) {
        m_packageError = describe(run);
        return {};
    }
    const QStringList debs = QDir(m_packageDir->path()).entryList({ QStringLiteral("*.deb") }, QDir::Files);
    if (debs.size() != 1) {
        m_packageError = QStringLiteral("expected one .deb, got: ") + debs.join(QLatin1Char(' '));
        return {};
    }
    m_packagePath = m_packageDir->filePath(debs.first());
    return m_packagePath;
}

QString TestPackaging::packageListing()
{
    if (m_listing.isEmpty() && !package().isEmpty()) {
        const Run run = runTool(QStringLiteral("dpkg-deb"), { QStringLiteral("-c"), m_packagePath });
        if (run.exitCode == 0)
            m_listing = run.out;
        else
            m_packageError = describe(run);
    }
    return m_listing;
}

#define REQUIRE_PACKAGE()                                                                                              \
    do {                                                                                                               \
        if (package().isEmpty()) {                                                                                     \
            if (m_packageError == QLatin1String("skip"))                                                               \
                QSKIP("cpack, dpkg-deb or dpkg-shlibdeps is not installed (cmake, dpkg-dev)");                         \
            QFAIL(qPrintable(m_packageError));                                                                         \
        }                                                                                                              \
    } while (false)

void TestPackaging::packageContains_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("gui");
    QTest::addRow("binary") << QStringLiteral("./usr/bin/understudy") << false;
    QTest::addRow("MIME types") << QStringLiteral("./usr/share/mime/packages/understudy-mime.xml") << false;
    QTest::addRow("README") << QStringLiteral("./usr/share/doc/understudy/README.md") << false;
    QTest::addRow("copyright") << QStringLiteral("./usr/share/doc/understudy/copyright") << false;
    QTest::addRow("changelog") << QStringLiteral("./usr/share/doc/understudy/changelog.gz") << false;
    QTest::addRow("man page") << QStringLiteral("./usr/share/man/man1/understudy.1.gz") << false;
    QTest::addRow("desktop entry") << QStringLiteral("./usr/share/applications/understudy.desktop") << true;
    QTest::addRow("metainfo") << QStringLiteral("./usr/share/metainfo/dev.understudy.Understudy.metainfo.xml") << true;
    for (int size : iconSizes)
        QTest::addRow("icon %dx%d", size, size)
            << QStringLiteral("./usr/share/icons/hicolor/%1x%1/apps/understudy.png").arg(size) << true;
    QTest::addRow("scalable icon") << QStringLiteral("./usr/share/icons/hicolor/scalable/apps/understudy.svg") << true;
}

void TestPackaging::packageContains()
{
    QFETCH(QString, path);
    QFETCH(bool, gui);
    if (gui && !guiBuilt())
        QSKIP("BUILD_GUI is OFF: no desktop integration is installed");
    REQUIRE_PACKAGE();
    const QString listing = packageListing();
    QVERIFY2(!listing.isEmpty(), qPrintable(m_packageError));
    // dpkg-deb -c prints "mode owner/group size date time path" per entry.
    const QRegularExpression line(QStringLiteral("^(\\S+)\\s.*\\s%1$").arg(QRegularExpression::escape(path)),
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(listing);
    QVERIFY2(match.hasMatch(), qPrintable(listing));
    const QString mode = match.captured(1);
    QVERIFY2(mode.startsWith(QLatin1Char('-')), qPrintable(mode));
    QCOMPARE(mode.at(3) == QLatin1Char('x'), path.contains(QLatin1String("/bin/")));
    QVERIFY2(!listing.contains(QLatin1String("./usr/local/")), qPrintable(listing));
}

void TestPackaging::packageFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("pattern");
    QTest::addRow("name") << QStringLiteral("Package") << QStringLiteral("^understudy$");
    QTest::addRow("version") << QStringLiteral("Version") << QStringLiteral("^" UNDERSTUDY_VERSION "$");
    QTest::addRow("section") << QStringLiteral("Section") << QStringLiteral("^devel$");
    QTest::addRow("homepage") << QStringLiteral("Homepage") << QStringLiteral("^https://understudy.dev/$");
    QTest::addRow("maintainer") << QStringLiteral("Maintainer") << QStringLiteral("<[^@>]+@[^>]+>$");
    QTest::addRow("description") << QStringLiteral("Description") << QStringLiteral("OpenAPI mock server\\n .+");
    QTest::addRow("Depends: Qt Core") << QStringLiteral("Depends") << QStringLiteral("\\blibqt6core6\\b");
    QTest::addRow("Depends: Qt HTTP server") << QStringLiteral("Depends") << QStringLiteral("\\blibqt6httpserver6\\b");
    QTest::addRow("Depends: yaml-cpp") << QStringLiteral("Depends") << QStringLiteral("\\blibyaml-cpp0\\.\\d+\\b");
    QTest::addRow("Depends: C++ runtime") << QStringLiteral("Depends") << QStringLiteral("\\blibstdc\\+\\+6\\b");
}

void TestPackaging::packageFields()
{
    QFETCH(QString, field);
    QFETCH(QString, pattern);
    REQUIRE_PACKAGE();
    const Run run = runTool(QStringLiteral("dpkg-deb"), { QStringLiteral("-f"), m_packagePath, field });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QString value = run.out.trimmed();
    QVERIFY2(value.contains(QRegularExpression(pattern)), qPrintable(field + QStringLiteral(": ") + value));
    // Debian policy 5.6.13: description lines stay under 80 columns (lintian: extended-description-line-too-long).
    if (field == QLatin1String("Description")) {
        for (const QString& line : run.out.split(QLatin1Char('\n')))
            QVERIFY2(line.size() < 80, qPrintable(QStringLiteral("%1 columns: %2").arg(line.size()).arg(line)));
    }
    QCOMPARE(QFileInfo(m_packagePath).fileName().section(QLatin1Char('_'), 0, 1),
        QStringLiteral("understudy_" UNDERSTUDY_VERSION));
}

// What a software centre sees after installation: metainfo, launchable desktop entry and icon resolve together.
void TestPackaging::packagedTreeValidates()
{
    if (!guiBuilt())
        QSKIP("BUILD_GUI is OFF: no desktop integration is installed");
    const QString appstream = QStandardPaths::findExecutable(QStringLiteral("appstreamcli"));
    if (appstream.isEmpty())
        QSKIP("appstreamcli is not installed (appstream)");
    REQUIRE_PACKAGE();
    const QString root = m_packageDir->filePath(QStringLiteral("root"));
    const Run extract = runTool(QStringLiteral("dpkg-deb"), { QStringLiteral("-x"), m_packagePath, root });
    QVERIFY2(extract.exitCode == 0, qPrintable(describe(extract)));
    const Run run = runTool(appstream, { QStringLiteral("validate-tree"), QStringLiteral("--no-net"), root });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QRegularExpression issue(QStringLiteral("^[EW]: "), QRegularExpression::MultilineOption);
    QVERIFY2(!run.out.contains(issue), qPrintable(describe(run)));
}

// The changelog's newest entry is the version being packaged (dpkg and lintian read the version from it too).
void TestPackaging::changelogNamesThisVersion()
{
    const QByteArray changelog = TestUtils::readFile(QStringLiteral(UNDERSTUDY_SOURCE_DIR "/packaging/changelog"));
    QVERIFY(changelog.startsWith("understudy (" UNDERSTUDY_VERSION ") "));
    const QString parser = QStandardPaths::findExecutable(QStringLiteral("dpkg-parsechangelog"));
    if (parser.isEmpty())
        QSKIP("dpkg-parsechangelog is not installed (dpkg-dev)");
    const Run run = runTool(parser,
        { QStringLiteral("-l"), QStringLiteral(UNDERSTUDY_SOURCE_DIR "/packaging/changelog"), QStringLiteral("-S"),
            QStringLiteral("Version") });
    QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), qPrintable(describe(run)));
    QCOMPARE(run.out.trimmed(), QStringLiteral(UNDERSTUDY_VERSION));
}

void TestPackaging::manPageDescribesTheOptions_data()
{
    QTest::addColumn<QString>("text");
    // Every option of --help is documented (the page is written from it, so a new option appears by itself).
    for (const char* option :
        { "headless", "check", "host", "port", "config", "verbose", "no-autostart", "no-watch", "help", "version" })
        QTest::addRow("--%s", option) << QStringLiteral("--%1").arg(QLatin1String(option));
    QTest::addRow("name line") << QStringLiteral("understudy - desktop OpenAPI mock server");
    QTest::addRow("version") << QStringLiteral("\"understudy " UNDERSTUDY_VERSION "\"");
}

void TestPackaging::manPageDescribesTheOptions()
{
    QFETCH(QString, text);
    const QString page = buildDir() + QStringLiteral("/packaging/understudy.1.gz");
    if (!QFile::exists(page)) {
        if (QStandardPaths::findExecutable(QStringLiteral("help2man")).isEmpty())
            QSKIP("help2man is not installed: the build writes no man page");
        QFAIL(qPrintable(QStringLiteral("help2man is installed but the build wrote no %1").arg(page)));
    }
    const Run run = runTool(QStringLiteral("gzip"), { QStringLiteral("-dc"), page });
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    // The roff source without its font switches and escaped dashes: "\fB\-\-port\fR" reads "--port".
    QString plain = run.out;
    plain.remove(QRegularExpression(QStringLiteral(R"(\\f[BIRP]|\\[,/])")))
        .replace(QLatin1String("\\-"), QLatin1String("-"));
    QVERIFY2(plain.contains(text), qPrintable(plain));
}

// lintian (Debian's package checker) finds no error and no warning, and no tag is overridden. (Information tags
// such as hardening-no-fortify-functions remain: the Release flags are CMake's, not dpkg-buildflags.)
void TestPackaging::lintianIsClean()
{
    const QString lintian = QStandardPaths::findExecutable(QStringLiteral("lintian"));
    if (lintian.isEmpty())
        QSKIP("lintian is not installed");
    REQUIRE_PACKAGE();
    const Run run = runTool(lintian,
        { QStringLiteral("--fail-on"), QStringLiteral("error,warning"), QStringLiteral("--tag-display-limit"),
            QStringLiteral("0"), m_packagePath },
        {}, 240000);
    const QRegularExpression issue(QStringLiteral("^[EW]: "), QRegularExpression::MultilineOption);
    QVERIFY2(run.exitCode == 0 && !run.out.contains(issue), qPrintable(describe(run)));
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
