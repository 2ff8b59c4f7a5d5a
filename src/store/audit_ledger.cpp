#include "store/audit_ledger.hpp"

#include <pwd.h>
#include <sodium.h>
#include <unistd.h>

#include <mutex>
#include <unordered_map>

#include "core/error.hpp"
#include "core/merkle.hpp"
#include "core/time.hpp"

namespace corridor::store {

namespace {

const std::string kZeroHash(64, '0');

constexpr const char* kEntryColumns =
    "seq, at, actor, action, object, justification, prev_hash, hash, v, os_user, rows, salt, content_digest, redacted";

AuditEntry read_entry(const Stmt& s) {
  AuditEntry e;
  e.seq = s.int64(0);
  e.at = s.text(1);
  e.actor = s.text(2);
  e.action = s.text(3);
  e.object = s.text(4);
  e.justification = s.text(5);
  e.prev_hash = s.text(6);
  e.hash = s.text(7);
  e.version = static_cast<int>(s.int64(8));
  e.os_user = s.text(9);
  e.rows = s.text(10);
  e.salt = s.text(11);
  e.content_digest = s.text(12);
  e.redacted = s.text(13);
  return e;
}

std::string random_salt() {
  std::array<std::uint8_t, 16> b{};
  randombytes_buf(b.data(), b.size());
  return to_hex(b);
}

}  // namespace

std::string Checkpoint::message() const {
  return "corridor-checkpoint-v1\nsize " + std::to_string(tree_size) + "\nroot " + root + "\n";
}

std::string operating_system_user() {
  // Looked up once per account: reading the password database for every entry cost a
  // server more than the entry itself.
  static std::mutex mu;
  static uid_t known_uid = static_cast<uid_t>(-1);
  static std::string known;
  const uid_t uid = ::geteuid();
  const std::lock_guard lock(mu);
  if (uid != known_uid || known.empty()) {
    const passwd* pw = ::getpwuid(uid);
    known = pw && pw->pw_name && *pw->pw_name ? std::string(pw->pw_name) : "uid " + std::to_string(uid);
    known_uid = uid;
  }
  return known;
}

std::int64_t AuditLedger::next_seq() {
  Stmt last(db_, "SELECT seq FROM audit ORDER BY seq DESC LIMIT 1");
  return last.step() ? last.int64(0) + 1 : 0;
}

AuditEntry AuditLedger::append(const EntryContent& c) {
  if (sodium_init() < 0) throw Error("libsodium failed to initialise");
  AuditEntry e;
  e.actor = c.actor;
  e.os_user = c.os_user.empty() ? operating_system_user() : c.os_user;
  e.action = c.action;
  e.object = c.object;
  e.justification = c.justification;
  e.rows = c.rows;
  e.at = utc_now();
  e.salt = random_salt();
  e.content_digest = e.computed_content_digest();
  {
    Stmt last(db_, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (last.step()) {
      e.seq = last.int64(0) + 1;
      e.prev_hash = last.text(1);
    } else {
      e.seq = 0;
      e.prev_hash = kZeroHash;
    }
  }
  const std::string canonical = e.canonical();
  e.hash = to_hex(sha256(canonical));
  Stmt ins(db_,
           "INSERT INTO audit(seq, at, actor, action, object, justification, prev_hash, hash, leaf_hash, v, os_user, "
           "rows, salt, content_digest) VALUES(?,?,?,?,?,?,?,?,?,2,?,?,?,?)");
  ins.bind(1, e.seq).bind(2, e.at).bind(3, e.actor).bind(4, e.action).bind(5, e.object);
  ins.bind(6, e.justification).bind(7, e.prev_hash).bind(8, e.hash).bind(9, to_hex(merkle::leaf_hash(canonical)));
  ins.bind(10, e.os_user).bind(11, e.rows).bind(12, e.salt).bind(13, e.content_digest);
  ins.run();
  return e;
}

void AuditLedger::redact(std::int64_t seq, const std::string& note) {
  if (note.empty()) throw Error("audit entry " + std::to_string(seq), "a redaction needs a note (when and why)");
  Stmt q(db_,
         "UPDATE audit SET actor = '', os_user = '', object = '', justification = '', salt = '', redacted = ? "
         "WHERE seq = ? AND v >= 2");
  q.bind(1, note).bind(2, seq).run();
  if (db_.changes() != 1)
    throw Error("audit entry " + std::to_string(seq), "no such entry, or an entry of version 1 (its content is hashed "
                                                      "in the entry itself and cannot be redacted)");
}

std::int64_t AuditLedger::size() {
  Stmt s(db_, "SELECT count(*) FROM audit");
  s.step();
  return s.int64(0);
}

AuditLedger::Mark AuditLedger::last_change() {
  // The literal, not a parameter: only then does SQLite use the partial index audit_changes.
  Stmt s(db_, "SELECT seq, hash FROM audit WHERE action <> 'consultation' ORDER BY seq DESC LIMIT 1");
  if (!s.step()) return {};
  return {s.int64(0), s.text(1)};
}

std::vector<Digest> AuditLedger::stored_leaf_hashes() {
  std::vector<Digest> out;
  Stmt s(db_, "SELECT leaf_hash FROM audit ORDER BY seq");
  while (s.step()) out.push_back(digest_from_hex(s.text(0)));
  return out;
}

namespace {

// The tree of a case's ledger as this process last saw it, by database file: a checkpoint
// after one more entry reads that entry only (a server checkpoints after every consultation).
// The leaf before the new ones is compared with the one remembered, so a ledger changed
// behind the cache (another process, a rolled-back transaction) is read again in full.
struct KnownTree {
  merkle::Frontier frontier;
  std::int64_t last_seq = -1;
  Digest last{};
};
std::mutex known_trees_mutex;
std::unordered_map<std::string, KnownTree> known_trees;

}  // namespace

Digest AuditLedger::current_root(std::int64_t& size) {
  const std::lock_guard lock(known_trees_mutex);
  KnownTree& t = known_trees[db_.path()];
  if (t.last_seq >= 0) {
    Stmt at(db_, "SELECT leaf_hash FROM audit WHERE seq = ?");
    at.bind(1, t.last_seq);
    if (!at.step() || digest_from_hex(at.text(0)) != t.last) t = KnownTree{};
  }
  Stmt s(db_, "SELECT seq, leaf_hash FROM audit WHERE seq > ? ORDER BY seq");
  s.bind(1, t.last_seq);
  while (s.step()) {
    t.last_seq = s.int64(0);
    t.last = digest_from_hex(s.text(1));
    t.frontier.append(t.last);
  }
  size = static_cast<std::int64_t>(t.frontier.size());
  return t.frontier.root();
}

std::optional<Checkpoint> AuditLedger::checkpoint(const CaseKeys& keys) {
  std::int64_t size = 0;
  const Digest root = current_root(size);
  if (const auto latest = latest_checkpoint(); latest && latest->tree_size == size) return std::nullopt;
  Checkpoint c;
  c.tree_size = size;
  c.root = to_hex(root);
  c.at = utc_now();
  c.signature = keys.sign_hex(c.message());
  Stmt s(db_, "INSERT INTO checkpoints(tree_size, root, at, signature) VALUES(?,?,?,?)");
  s.bind(1, c.tree_size).bind(2, c.root).bind(3, c.at).bind(4, c.signature).run();
  c.id = db_.last_insert_rowid();
  return c;
}

std::vector<AuditEntry> AuditLedger::entries(std::int64_t from, std::int64_t limit) {
  Stmt s(db_, std::string("SELECT ") + kEntryColumns + " FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?");
  s.bind(1, from).bind(2, limit);
  std::vector<AuditEntry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

std::vector<Checkpoint> AuditLedger::checkpoints() {
  Stmt s(db_, "SELECT id, tree_size, root, at, signature FROM checkpoints ORDER BY id");
  std::vector<Checkpoint> out;
  while (s.step()) out.push_back(Checkpoint{s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4)});
  return out;
}

InclusionProof AuditLedger::prove(std::int64_t seq) {
  auto e = entries(seq, 1);
  if (e.empty() || e[0].seq != seq)
    throw Error("audit entry " + std::to_string(seq), "no such entry (the ledger has " + std::to_string(size()) +
                                                          " entries, numbered from 0)");
  InclusionProof p;
  p.entry = e[0];
  const auto leaves = stored_leaf_hashes();
  // Prove against the newest signed checkpoint that contains the entry.
  std::size_t tree = leaves.size();
  for (const auto& c : checkpoints())
    if (c.tree_size > seq) {
      p.checkpoint = c;
      tree = static_cast<std::size_t>(c.tree_size);
    }
  if (tree > leaves.size()) tree = leaves.size();
  std::span<const Digest> prefix(leaves.data(), tree);
  p.leaf_hash = to_hex(leaves[static_cast<std::size_t>(seq)]);
  p.tree_size = static_cast<std::int64_t>(tree);
  p.root = to_hex(merkle::root(prefix));
  for (const auto& d : merkle::inclusion_proof(prefix, static_cast<std::size_t>(seq))) p.path.push_back(to_hex(d));
  return p;
}

std::optional<Checkpoint> AuditLedger::latest_checkpoint() {
  Stmt s(db_, "SELECT id, tree_size, root, at, signature FROM checkpoints ORDER BY id DESC LIMIT 1");
  if (!s.step()) return std::nullopt;
  return Checkpoint{s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4)};
}

std::vector<LedgerProblem> AuditLedger::verify(const std::string& public_key_hex, LedgerFacts* facts) {
  LedgerFacts local;
  LedgerFacts& f = facts ? *facts : local;
  std::vector<LedgerProblem> problems;
  std::vector<Digest> leaves;  // recomputed from content, never trusted from the table
  std::string prev = kZeroHash;
  std::int64_t expected_seq = 0;
  Stmt s(db_, std::string("SELECT ") + kEntryColumns + ", leaf_hash FROM audit ORDER BY seq");
  while (s.step()) {
    AuditEntry e = read_entry(s);
    const std::string stored_leaf = s.text(14);
    if (e.seq != expected_seq)
      problems.push_back({e.seq, "entries " + std::to_string(expected_seq) + " to " + std::to_string(e.seq - 1) +
                                     " are missing (deleted?)"});
    if (e.seq == 0 && e.version == 2 && e.action != audit_action::kGenesis)
      problems.push_back({e.seq, "the ledger does not begin with its genesis entry"});
    if (e.seq == 0 && e.version == 1)
      f.notes.push_back("the ledger was begun before genesis entries existed; entry 0 is taken as its start");
    if (e.version == 2 && e.redacted.empty() && e.computed_content_digest() != e.content_digest)
      problems.push_back({e.seq, "content does not match its digest (entry edited: " + e.action + " " + e.object + ")"});
    if (!e.redacted.empty()) f.redacted.push_back(e.seq);
    const std::string canonical = e.canonical();
    if (e.prev_hash != prev) problems.push_back({e.seq, "previous-hash link is broken (an entry before it was changed or removed)"});
    if (to_hex(sha256(canonical)) != e.hash)
      problems.push_back({e.seq, "content does not match its hash (entry edited: " + e.action + " " + e.object + ")"});
    const Digest leaf = merkle::leaf_hash(canonical);
    if (to_hex(leaf) != stored_leaf) problems.push_back({e.seq, "stored Merkle leaf does not match the entry"});
    leaves.push_back(leaf);
    prev = e.hash;
    expected_seq = e.seq + 1;
  }
  f.entries = static_cast<std::int64_t>(leaves.size());
  if (leaves.empty()) problems.push_back({std::nullopt, "the ledger is empty (its genesis entry and checkpoints were removed)"});
  const auto cps = checkpoints();
  const Checkpoint* previous = nullptr;
  for (const auto& c : cps) {
    const std::string where = "checkpoint " + std::to_string(c.id) + " (size " + std::to_string(c.tree_size) + ")";
    const bool signed_ok = CaseKeys::verify_hex(public_key_hex, c.message(), c.signature);
    if (!signed_ok) problems.push_back({std::nullopt, where + ": signature does not verify with the case key"});
    if (c.tree_size > static_cast<std::int64_t>(leaves.size())) {
      problems.push_back({std::nullopt, where + ": ledger has only " + std::to_string(leaves.size()) +
                                            " entries (entries were deleted)"});
      continue;
    }
    std::span<const Digest> prefix(leaves.data(), static_cast<std::size_t>(c.tree_size));
    const bool root_ok = to_hex(merkle::root(prefix)) == c.root;
    if (!root_ok) problems.push_back({std::nullopt, where + ": root does not match the entries it signed"});
    if (previous && previous->tree_size <= c.tree_size && is_sha256_hex(previous->root) && is_sha256_hex(c.root)) {
      auto proof = merkle::consistency_proof(prefix, static_cast<std::size_t>(previous->tree_size));
      if (!merkle::verify_consistency(static_cast<std::size_t>(previous->tree_size),
                                      static_cast<std::size_t>(c.tree_size), digest_from_hex(previous->root),
                                      digest_from_hex(c.root), proof))
        problems.push_back({std::nullopt, where + ": not consistent with checkpoint " + std::to_string(previous->id)});
    }
    if (signed_ok && root_ok) f.signed_size = std::max(f.signed_size, c.tree_size);
    previous = &c;
  }
  if (f.signed_size < f.entries)
    problems.push_back({f.signed_size, "entries " + std::to_string(f.signed_size) + " to " + std::to_string(f.entries - 1) +
                                           " are not covered by a valid signed checkpoint"});
  return problems;
}

std::vector<LedgerProblem> AuditLedger::verify_extends(const Checkpoint& saved, const std::string& public_key_hex) {
  std::vector<LedgerProblem> problems;
  const std::string where = "saved checkpoint (size " + std::to_string(saved.tree_size) + ")";
  if (!CaseKeys::verify_hex(public_key_hex, saved.message(), saved.signature))
    problems.push_back({std::nullopt, where + ": its signature does not verify with this case's key"});
  if (!is_sha256_hex(saved.root)) {
    problems.push_back({std::nullopt, where + ": its root is not a SHA-256 in hex"});
    return problems;
  }
  std::vector<Digest> leaves;
  Stmt s(db_, std::string("SELECT ") + kEntryColumns + " FROM audit ORDER BY seq");
  while (s.step()) leaves.push_back(merkle::leaf_hash(read_entry(s).canonical()));
  const auto have = static_cast<std::int64_t>(leaves.size());
  if (saved.tree_size > have) {
    problems.push_back({have, "entries " + std::to_string(have) + " to " + std::to_string(saved.tree_size - 1) +
                                  " of the " + where + " are missing: the ledger was cut"});
    return problems;
  }
  std::span<const Digest> all(leaves.data(), leaves.size());
  std::span<const Digest> prefix(leaves.data(), static_cast<std::size_t>(saved.tree_size));
  const Digest now_root = merkle::root(all);
  const auto proof = merkle::consistency_proof(all, static_cast<std::size_t>(saved.tree_size));
  if (to_hex(merkle::root(prefix)) != saved.root ||
      !merkle::verify_consistency(static_cast<std::size_t>(saved.tree_size), leaves.size(),
                                  digest_from_hex(saved.root), now_root, proof))
    problems.push_back({std::nullopt, "the ledger's first " + std::to_string(saved.tree_size) +
                                          " entries are not the ones the " + where +
                                          " signed: entries 0 to " + std::to_string(saved.tree_size - 1) +
                                          " were rewritten"});
  return problems;
}

}  // namespace corridor::store
