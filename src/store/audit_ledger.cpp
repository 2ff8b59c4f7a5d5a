#include "store/audit_ledger.hpp"

#include "core/error.hpp"
#include "core/merkle.hpp"
#include "core/time.hpp"

namespace corridor::store {

namespace {

const std::string kZeroHash(64, '0');

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
  return e;
}

}  // namespace

std::string Checkpoint::message() const {
  return "corridor-checkpoint-v1\nsize " + std::to_string(tree_size) + "\nroot " + root + "\n";
}

AuditEntry AuditLedger::append(const std::string& actor, const std::string& action, const std::string& object,
                               const std::string& justification) {
  AuditEntry e;
  e.actor = actor;
  e.action = action;
  e.object = object;
  e.justification = justification;
  e.at = utc_now();
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
           "INSERT INTO audit(seq, at, actor, action, object, justification, prev_hash, hash, leaf_hash) "
           "VALUES(?,?,?,?,?,?,?,?,?)");
  ins.bind(1, e.seq).bind(2, e.at).bind(3, e.actor).bind(4, e.action).bind(5, e.object);
  ins.bind(6, e.justification).bind(7, e.prev_hash).bind(8, e.hash).bind(9, to_hex(merkle::leaf_hash(canonical)));
  ins.run();
  return e;
}

std::int64_t AuditLedger::size() {
  Stmt s(db_, "SELECT count(*) FROM audit");
  s.step();
  return s.int64(0);
}

std::vector<Digest> AuditLedger::stored_leaf_hashes() {
  std::vector<Digest> out;
  Stmt s(db_, "SELECT leaf_hash FROM audit ORDER BY seq");
  while (s.step()) out.push_back(digest_from_hex(s.text(0)));
  return out;
}

std::optional<Checkpoint> AuditLedger::checkpoint(const CaseKeys& keys) {
  const auto leaves = stored_leaf_hashes();
  auto existing = checkpoints();
  if (!existing.empty() && existing.back().tree_size == static_cast<std::int64_t>(leaves.size()))
    return std::nullopt;
  Checkpoint c;
  c.tree_size = static_cast<std::int64_t>(leaves.size());
  c.root = to_hex(merkle::root(leaves));
  c.at = utc_now();
  c.signature = keys.sign_hex(c.message());
  Stmt s(db_, "INSERT INTO checkpoints(tree_size, root, at, signature) VALUES(?,?,?,?)");
  s.bind(1, c.tree_size).bind(2, c.root).bind(3, c.at).bind(4, c.signature).run();
  c.id = db_.last_insert_rowid();
  return c;
}

std::vector<AuditEntry> AuditLedger::entries(std::int64_t from, std::int64_t limit) {
  Stmt s(db_,
         "SELECT seq, at, actor, action, object, justification, prev_hash, hash FROM audit "
         "WHERE seq >= ? ORDER BY seq LIMIT ?");
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

std::vector<LedgerProblem> AuditLedger::verify(const std::string& public_key_hex) {
  std::vector<LedgerProblem> problems;
  std::vector<Digest> leaves;  // recomputed from content, never trusted from the table
  std::string prev = kZeroHash;
  std::int64_t expected_seq = 0;
  Stmt s(db_, "SELECT seq, at, actor, action, object, justification, prev_hash, hash, leaf_hash FROM audit ORDER BY seq");
  while (s.step()) {
    AuditEntry e = read_entry(s);
    const std::string stored_leaf = s.text(8);
    if (e.seq != expected_seq)
      problems.push_back({e.seq, "entries " + std::to_string(expected_seq) + " to " + std::to_string(e.seq - 1) +
                                     " are missing (deleted?)"});
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
  const auto cps = checkpoints();
  const Checkpoint* previous = nullptr;
  for (const auto& c : cps) {
    const std::string where = "checkpoint " + std::to_string(c.id) + " (size " + std::to_string(c.tree_size) + ")";
    if (!CaseKeys::verify_hex(public_key_hex, c.message(), c.signature))
      problems.push_back({std::nullopt, where + ": signature does not verify with the case key"});
    if (c.tree_size > static_cast<std::int64_t>(leaves.size())) {
      problems.push_back({std::nullopt, where + ": ledger has only " + std::to_string(leaves.size()) +
                                            " entries (entries were deleted)"});
      continue;
    }
    std::span<const Digest> prefix(leaves.data(), static_cast<std::size_t>(c.tree_size));
    if (to_hex(merkle::root(prefix)) != c.root)
      problems.push_back({std::nullopt, where + ": root does not match the entries it signed"});
    if (previous && previous->tree_size <= c.tree_size && is_sha256_hex(previous->root) && is_sha256_hex(c.root)) {
      auto proof = merkle::consistency_proof(prefix, static_cast<std::size_t>(previous->tree_size));
      if (!merkle::verify_consistency(static_cast<std::size_t>(previous->tree_size),
                                      static_cast<std::size_t>(c.tree_size), digest_from_hex(previous->root),
                                      digest_from_hex(c.root), proof))
        problems.push_back({std::nullopt, where + ": not consistent with checkpoint " + std::to_string(previous->id)});
    }
    previous = &c;
  }
  if (!cps.empty() && cps.back().tree_size < static_cast<std::int64_t>(leaves.size()))
    problems.push_back({cps.back().tree_size, "entries from " + std::to_string(cps.back().tree_size) +
                                                  " on are not covered by a signed checkpoint"});
  return problems;
}

}  // namespace corridor::store
