#include "core/merkle.hpp"

namespace corridor::merkle {

namespace {

// Largest power of two strictly below n (n >= 2).
std::size_t split_point(std::size_t n) {
  std::size_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

void subproof(std::span<const Digest> d, std::size_t m, bool complete, std::vector<Digest>& out) {
  const std::size_t n = d.size();
  if (m == n) {
    if (!complete) out.push_back(root(d));
    return;
  }
  const std::size_t k = split_point(n);
  if (m <= k) {
    subproof(d.first(k), m, complete, out);
    out.push_back(root(d.subspan(k)));
  } else {
    subproof(d.subspan(k), m - k, false, out);
    out.push_back(root(d.first(k)));
  }
}

}  // namespace

Digest leaf_hash(std::string_view entry) {
  return sha256_of({std::string_view("\x00", 1), entry});
}

Digest node_hash(const Digest& left, const Digest& right) {
  auto bytes = [](const Digest& d) { return std::string_view(reinterpret_cast<const char*>(d.data()), d.size()); };
  return sha256_of({std::string_view("\x01", 1), bytes(left), bytes(right)});
}

Digest root(std::span<const Digest> leaves) {
  if (leaves.empty()) return sha256("");
  if (leaves.size() == 1) return leaves[0];
  const std::size_t k = split_point(leaves.size());
  return node_hash(root(leaves.first(k)), root(leaves.subspan(k)));
}

void Frontier::append(const Digest& leaf) {
  Subtree t{leaf, 0};
  // Like a binary counter's carry: two subtrees of one height join into one a level up.
  while (!subtrees_.empty() && subtrees_.back().height == t.height) {
    t = {node_hash(subtrees_.back().digest, t.digest), t.height + 1};
    subtrees_.pop_back();
  }
  subtrees_.push_back(t);
  ++size_;
}

Digest Frontier::root() const {
  if (subtrees_.empty()) return sha256("");
  // MTH splits at the largest power of two below n: the leftmost subtree, then the rest.
  Digest acc = subtrees_.back().digest;
  for (auto it = subtrees_.rbegin() + 1; it != subtrees_.rend(); ++it) acc = node_hash(it->digest, acc);
  return acc;
}

std::vector<Digest> inclusion_proof(std::span<const Digest> leaves, std::size_t index) {
  std::vector<Digest> path;
  if (index >= leaves.size()) return path;
  // Iterative form of PATH(m, D[n]): descend, remembering siblings, then reverse.
  std::span<const Digest> d = leaves;
  std::size_t m = index;
  while (d.size() > 1) {
    const std::size_t k = split_point(d.size());
    if (m < k) {
      path.push_back(root(d.subspan(k)));
      d = d.first(k);
    } else {
      path.push_back(root(d.first(k)));
      d = d.subspan(k);
      m -= k;
    }
  }
  return {path.rbegin(), path.rend()};
}

bool verify_inclusion(std::size_t index, std::size_t tree_size, const Digest& leaf,
                      std::span<const Digest> proof, const Digest& expected_root) {
  if (index >= tree_size) return false;
  std::size_t fn = index, sn = tree_size - 1;
  Digest r = leaf;
  for (const Digest& p : proof) {
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      r = node_hash(p, r);
      if (!(fn & 1))
        while (!(fn & 1) && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else {
      r = node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == expected_root;
}

std::vector<Digest> consistency_proof(std::span<const Digest> leaves, std::size_t old_size) {
  std::vector<Digest> out;
  if (old_size == 0 || old_size >= leaves.size()) return out;
  subproof(leaves, old_size, true, out);
  return out;
}

bool verify_consistency(std::size_t old_size, std::size_t new_size, const Digest& old_root,
                        const Digest& new_root, std::span<const Digest> proof) {
  if (old_size > new_size) return false;
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  if (old_size == 0) return proof.empty();
  if (proof.empty()) return false;
  std::vector<Digest> path(proof.begin(), proof.end());
  if ((old_size & (old_size - 1)) == 0) path.insert(path.begin(), old_root);
  std::size_t fn = old_size - 1, sn = new_size - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Digest fr = path[0], sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Digest& c = path[i];
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      fr = node_hash(c, fr);
      sr = node_hash(c, sr);
      if (!(fn & 1))
        while (!(fn & 1) && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else {
      sr = node_hash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == old_root && sr == new_root && sn == 0;
}

}  // namespace corridor::merkle
