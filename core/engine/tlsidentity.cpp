// SPDX-License-Identifier: MIT
#include "core/engine/tlsidentity.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace {
constexpr qint64 maxFileBytes = 1024 * 1024; // certificates and keys are a few kilobytes
const QString certificateName = QStringLiteral("localhost-cert.pem");
const QString keyName = QStringLiteral("localhost-key.pem");

QString tr(const char* text)
{
    return QCoreApplication::translate("TlsIdentity", text);
}

template<typename T, void (*Free)(T*)>
struct Deleter
{
    void operator()(T* p) const
    {
        Free(p);
    }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

// A regular file of at most 1 MiB, or an error naming it.
bool readSmallFile(const QString& path, const char* what, QByteArray* out, QString* error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = tr("The %1 file %2 does not exist").arg(tr(what), path);
        return false;
    }
    if (!info.isFile() || info.size() > maxFileBytes) {
        *error = tr("The %1 file %2 is not a regular file of at most 1 MiB").arg(tr(what), path);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the %1 file %2: %3").arg(tr(what), path, file.errorString());
        return false;
    }
    *out = file.read(maxFileBytes);
    return true;
}

QSslKey readKey(const QByteArray& bytes)
{
    for (const QSsl::EncodingFormat format : { QSsl::Pem, QSsl::Der })
        for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
            QSslKey key(bytes, algorithm, format, QSsl::PrivateKey);
            if (!key.isNull())
                return key;
        }
    return {};
}

// Whether the private key belongs to the certificate's public key (OpenSSL compares them).
bool keyMatches(const QSslCertificate& certificate, const QSslKey& key)
{
    const QByteArray certDer = certificate.toDer();
    const QByteArray keyDer = key.toDer();
    const auto* c = reinterpret_cast<const unsigned char*>(certDer.constData());
    const auto* k = reinterpret_cast<const unsigned char*>(keyDer.constData());
    X509Ptr x509(d2i_X509(nullptr, &c, long(certDer.size())));
    PKey pkey(d2i_AutoPrivateKey(nullptr, &k, long(keyDer.size())));
    return x509 && pkey && X509_check_private_key(x509.get(), pkey.get()) == 1;
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, qsizetype(size)) : QByteArray();
}

bool addExtension(X509* x509, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x509, x509, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(x509, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

bool writeAtomically(const QString& path, const QByteArray& bytes, bool ownerOnly, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // Before a byte of the key is written: the temporary file is the user's alone from the start.
    if (ownerOnly && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = tr("Cannot make %1 private to this user").arg(path);
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

QString TlsIdentity::fingerprint() const
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

namespace TlsIdentityStore {

QString defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/tls");
}

TlsIdentityResult load(const QString& certificateFile, const QString& keyFile)
{
    TlsIdentityResult result;
    QByteArray certBytes;
    QByteArray keyBytes;
    if (!readSmallFile(certificateFile, QT_TRANSLATE_NOOP("TlsIdentity", "certificate"), &certBytes, &result.error)
        || !readSmallFile(keyFile, QT_TRANSLATE_NOOP("TlsIdentity", "key"), &keyBytes, &result.error))
        return result;
    QList<QSslCertificate> certificates = QSslCertificate::fromData(certBytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(certBytes, QSsl::Der);
    if (certificates.isEmpty() || certificates.first().isNull()) {
        result.error = tr("%1 holds no certificate (PEM or DER)").arg(certificateFile);
        return result;
    }
    const QSslKey key = readKey(keyBytes);
    if (key.isNull()) {
        result.error =
            tr("%1 holds no private key that can be read (an unencrypted RSA, EC or DSA key, PEM or DER)").arg(keyFile);
        return result;
    }
    if (!keyMatches(certificates.first(), key)) {
        result.error = tr("The key in %1 does not belong to the certificate in %2").arg(keyFile, certificateFile);
        return result;
    }
    result.identity.certificate = certificates.first();
    result.identity.key = key;
    result.identity.certificateFile = certificateFile;
    result.identity.keyFile = keyFile;
    return result;
}

bool generate(QByteArray* certificatePem, QByteArray* keyPem, int days)
{
    PKey pkey(EVP_EC_gen("P-256"));
    X509Ptr x509(X509_new());
    if (!pkey || !x509)
        return false;
    X509* x = x509.get();
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return false;
    serial[0] &= 0x7f; // a positive serial number
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x));
    BN_free(bn);
    if (!serialSet || X509_set_version(x, 2) != 1)
        return false;
    X509_gmtime_adj(X509_getm_notBefore(x), -24 * 3600); // a clock a little behind still accepts it
    X509_gmtime_adj(X509_getm_notAfter(x), long(days) * 24 * 3600);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Understudy"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    if (X509_set_issuer_name(x, name) != 1 || X509_set_pubkey(x, pkey.get()) != 1)
        return false;
    // No keyUsage: OpenSSL then takes the certificate as its own issuer, so `curl --cacert` and a QSslSocket that
    // trusts it accept it as it is.
    if (!addExtension(x, NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(x, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1")
        || !addExtension(x, NID_ext_key_usage, "serverAuth") || !addExtension(x, NID_subject_key_identifier, "hash"))
        return false;
    if (X509_sign(x, pkey.get(), EVP_sha256()) <= 0)
        return false;
    Bio certBio(BIO_new(BIO_s_mem()));
    Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), x) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return false;
    *certificatePem = bioBytes(certBio.get());
    *keyPem = bioBytes(keyBio.get());
    return !certificatePem->isEmpty() && !keyPem->isEmpty();
}

TlsIdentityResult selfSigned(const QString& folder)
{
    const QString dir = folder.isEmpty() ? defaultFolder() : folder;
    const QString certFile = QDir(dir).filePath(certificateName);
    const QString keyFile = QDir(dir).filePath(keyName);
    if (QFileInfo::exists(certFile) && QFileInfo::exists(keyFile)) {
        TlsIdentityResult existing = load(certFile, keyFile);
        const QDateTime soon = QDateTime::currentDateTimeUtc().addDays(1);
        if (existing.ok() && existing.identity.certificate.expiryDate() > soon)
            return existing;
        // Unreadable, not ours or about to expire: made again below.
    }
    TlsIdentityResult result;
    if (!QDir().mkpath(dir)) {
        result.error = tr("Cannot create the folder %1 for the HTTPS certificate").arg(dir);
        return result;
    }
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QByteArray certPem;
    QByteArray keyPem;
    if (!generate(&certPem, &keyPem)) {
        result.error = tr("OpenSSL could not make a self-signed certificate");
        return result;
    }
    // The key first: a certificate without its key is never left behind.
    if (!writeAtomically(keyFile, keyPem, true, &result.error)
        || !writeAtomically(certFile, certPem, false, &result.error))
        return result;
    result = load(certFile, keyFile);
    result.identity.generated = result.ok();
    return result;
}

} // namespace TlsIdentityStore
