#pragma once
// The server's TLS certificate: the operator's (--tls-cert/--tls-key), or one made on first
// start in the served folder (tls-cert.pem, tls-key.pem 0600): a self-signed ECDSA P-256
// certificate for localhost and 127.0.0.1, valid 825 days. Clients pin it by its SHA-256
// fingerprint, which `corridor serve` prints.
#include <filesystem>
#include <string>

namespace corridor::server {

struct TlsIdentity {
  std::filesystem::path cert, key;
  std::string fingerprint;  // SHA-256 of the DER certificate, "AB:CD:..."
  bool created = false;
};

// Uses cert/key when given (both), else DIR/tls-cert.pem and DIR/tls-key.pem, made if missing.
TlsIdentity tls_identity(const std::filesystem::path& dir, const std::filesystem::path& cert,
                         const std::filesystem::path& key);

}  // namespace corridor::server
