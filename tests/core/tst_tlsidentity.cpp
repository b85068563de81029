// SPDX-License-Identifier: MIT
// TlsIdentity: the self-signed certificate for localhost is made once (key private to the user) and reused; the
// user's certificate and key files are read, and a bad one is refused with a message naming it.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/engine/tlsidentity.h"

namespace {
void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

class TestTlsIdentity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void selfSignedIsMadeOnceAndReused();
    void selfSignedNamesLocalhost();
    void defaultFolderIsInTheDataFolder();
    void userFilesAreRead();
    void badFilesAreRefused_data();
    void badFilesAreRefused();
    void brokenStoredCertificateIsMadeAgain();

private:
    QTemporaryDir m_dir;
};

void TestTlsIdentity::initTestCase()
{
    // Never the user's own data folder.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestTlsIdentity::selfSignedIsMadeOnceAndReused()
{
    const QString folder = m_dir.filePath(QStringLiteral("once"));
    const TlsIdentityResult first = TlsIdentityStore::selfSigned(folder);
    QVERIFY2(first.ok(), qPrintable(first.error));
    QVERIFY(first.identity.generated);
    QVERIFY(QFileInfo::exists(first.identity.certificateFile));
    QCOMPARE(QFileInfo(first.identity.keyFile).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
        QFileDevice::Permissions());
    QVERIFY(QFileInfo(first.identity.keyFile).permissions() & QFileDevice::ReadOwner);

    const TlsIdentityResult second = TlsIdentityStore::selfSigned(folder);
    QVERIFY2(second.ok(), qPrintable(second.error));
    QVERIFY(!second.identity.generated);
    QCOMPARE(second.identity.fingerprint(), first.identity.fingerprint());
    QCOMPARE(second.identity.certificate, first.identity.certificate);
}

void TestTlsIdentity::selfSignedNamesLocalhost()
{
    const TlsIdentityResult made = TlsIdentityStore::selfSigned(m_dir.filePath(QStringLiteral("names")));
    QVERIFY2(made.ok(), qPrintable(made.error));
    const auto names = made.identity.certificate.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
    QVERIFY(made.identity.certificate.isSelfSigned());
    QVERIFY(made.identity.certificate.expiryDate() > QDateTime::currentDateTimeUtc().addDays(365));
    // "AB:CD:..." - 32 bytes.
    QCOMPARE(made.identity.fingerprint().size(), 32 * 3 - 1);
    QVERIFY(made.identity.fingerprint().contains(QLatin1Char(':')));
}

void TestTlsIdentity::defaultFolderIsInTheDataFolder()
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY(TlsIdentityStore::defaultFolder().startsWith(data));
    QVERIFY(TlsIdentityStore::defaultFolder().endsWith(QStringLiteral("/tls")));
}

void TestTlsIdentity::userFilesAreRead()
{
    QByteArray cert;
    QByteArray key;
    QVERIFY(TlsIdentityStore::generate(&cert, &key));
    const QString certFile = m_dir.filePath(QStringLiteral("user-cert.pem"));
    const QString keyFile = m_dir.filePath(QStringLiteral("user-key.pem"));
    writeFile(certFile, cert);
    writeFile(keyFile, key);
    const TlsIdentityResult loaded = TlsIdentityStore::load(certFile, keyFile);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QVERIFY(!loaded.identity.generated);
    QCOMPARE(loaded.identity.certificateFile, certFile);
}

void TestTlsIdentity::badFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("cert"); // "good", "missing" or the bytes
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("message");
    QTest::addRow("certificate missing") << QByteArray("missing") << QByteArray("good")
                                         << QStringLiteral("does not exist");
    QTest::addRow("key missing") << QByteArray("good") << QByteArray("missing") << QStringLiteral("does not exist");
    QTest::addRow("certificate is text") << QByteArray("hello") << QByteArray("good")
                                         << QStringLiteral("holds no certificate");
    QTest::addRow("key is text") << QByteArray("good") << QByteArray("not a key")
                                 << QStringLiteral("holds no private key");
    QTest::addRow("certificate given as key")
        << QByteArray("good") << QByteArray("cert") << QStringLiteral("holds no private key");
    QTest::addRow("key of another certificate")
        << QByteArray("good") << QByteArray("other") << QStringLiteral("does not belong to the certificate");
}

void TestTlsIdentity::badFilesAreRefused()
{
    QFETCH(QByteArray, cert);
    QFETCH(QByteArray, key);
    QFETCH(QString, message);
    QByteArray goodCert, goodKey, otherCert, otherKey;
    QVERIFY(TlsIdentityStore::generate(&goodCert, &goodKey));
    QVERIFY(TlsIdentityStore::generate(&otherCert, &otherKey));
    const QString certFile = m_dir.filePath(QStringLiteral("bad-cert.pem"));
    const QString keyFile = m_dir.filePath(QStringLiteral("bad-key.pem"));
    QFile::remove(certFile);
    QFile::remove(keyFile);
    if (cert != "missing")
        writeFile(certFile, cert == "good" ? goodCert : cert);
    if (key != "missing")
        writeFile(keyFile, key == "good" ? goodKey : key == "cert" ? goodCert : key == "other" ? otherKey : key);
    const TlsIdentityResult loaded = TlsIdentityStore::load(certFile, keyFile);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error.contains(message), qPrintable(loaded.error));
    QVERIFY2(loaded.error.contains(QStringLiteral("bad-")), qPrintable(loaded.error)); // names the file
}

void TestTlsIdentity::brokenStoredCertificateIsMadeAgain()
{
    const QString folder = m_dir.filePath(QStringLiteral("broken"));
    const TlsIdentityResult first = TlsIdentityStore::selfSigned(folder);
    QVERIFY2(first.ok(), qPrintable(first.error));
    writeFile(first.identity.certificateFile, "garbage");
    const TlsIdentityResult again = TlsIdentityStore::selfSigned(folder);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QVERIFY(again.identity.generated);
    QVERIFY(again.identity.fingerprint() != first.identity.fingerprint());
}

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "tst_tlsidentity.moc"
