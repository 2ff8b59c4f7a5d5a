#include "server/tls_identity.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>

#include "core/error.hpp"
#include "store/private_files.hpp"

namespace corridor::server {

namespace fs = std::filesystem;

namespace {

template <class T, void (*F)(T*)>
struct Free {
  void operator()(T* p) const { F(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Free<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Free<X509, X509_free>>;

[[noreturn]] void fail(const std::string& what) { throw Error("TLS certificate", what, 4); }

void add_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!ext) fail("cannot add an extension");
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

void write_pem(const fs::path& path, bool is_key, EVP_PKEY* key, X509* cert) {
  if (is_key) store::make_private_file(path);
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) fail("cannot write " + path.filename().string());
  const int ok = is_key ? PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) : PEM_write_X509(f, cert);
  if (std::fclose(f) != 0 || ok != 1) fail("cannot write " + path.filename().string());
}

void make_self_signed(const fs::path& cert_path, const fs::path& key_path) {
  Key key(EVP_EC_gen("P-256"));
  if (!key) fail("cannot make a key");
  Cert cert(X509_new());
  X509_set_version(cert.get(), 2);
  unsigned char serial[16];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7F;
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("corridor"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  add_extension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
  add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
  add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) fail("cannot sign the certificate");
  write_pem(key_path, true, key.get(), nullptr);
  write_pem(cert_path, false, nullptr, cert.get());
}

std::string fingerprint_of(const fs::path& cert_path) {
  FILE* f = std::fopen(cert_path.c_str(), "rb");
  if (!f) fail("cannot read " + cert_path.string());
  Cert cert(PEM_read_X509(f, nullptr, nullptr, nullptr));
  std::fclose(f);
  if (!cert) fail(cert_path.filename().string() + " is not a PEM certificate");
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  X509_digest(cert.get(), EVP_sha256(), md, &n);
  std::string out;
  char hex[4];
  for (unsigned int i = 0; i < n; ++i) {
    std::snprintf(hex, sizeof hex, i ? ":%02X" : "%02X", md[i]);
    out += hex;
  }
  return out;
}

}  // namespace

TlsIdentity tls_identity(const fs::path& dir, const fs::path& cert, const fs::path& key) {
  TlsIdentity id;
  if (!cert.empty() || !key.empty()) {
    if (cert.empty() || key.empty()) throw Error("--tls-cert/--tls-key", "give both, or neither", 2);
    id.cert = cert;
    id.key = key;
  } else {
    id.cert = dir / "tls-cert.pem";
    id.key = dir / "tls-key.pem";
    if (!fs::exists(id.cert) || !fs::exists(id.key)) {
      make_self_signed(id.cert, id.key);
      id.created = true;
    }
  }
  id.fingerprint = fingerprint_of(id.cert);
  return id;
}

}  // namespace corridor::server
