#pragma once
// RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing over SHA-256:
// leaf = H(0x00 || entry), node = H(0x01 || left || right). The audit ledger uses it so
// a checkpoint (tree size, root) commits to every entry before it.
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "core/sha256.hpp"

namespace corridor::merkle {

Digest leaf_hash(std::string_view entry);
Digest node_hash(const Digest& left, const Digest& right);

// MTH over already-hashed leaves; the empty tree's root is SHA-256 of nothing.
Digest root(std::span<const Digest> leaves);

// A growing tree kept as the roots of its perfect subtrees, largest first (at most one per
// bit of its size): a leaf is appended and the root computed in O(log n), where root()
// over all leaves costs O(n). The audit ledger signs a checkpoint after every entry.
class Frontier {
 public:
  void append(const Digest& leaf);
  std::size_t size() const { return size_; }
  Digest root() const;  // equals merkle::root() of the leaves appended

 private:
  struct Subtree {
    Digest digest;
    int height;
  };
  std::vector<Subtree> subtrees_;
  std::size_t size_ = 0;
};

// RFC 9162 §2.1.3.1: audit path of leaf `index` in the tree of `leaves`.
std::vector<Digest> inclusion_proof(std::span<const Digest> leaves, std::size_t index);
// RFC 9162 §2.1.3.2.
bool verify_inclusion(std::size_t index, std::size_t tree_size, const Digest& leaf,
                      std::span<const Digest> proof, const Digest& root);

// RFC 9162 §2.1.4.1: proof that the first `old_size` leaves are a prefix of `leaves`.
std::vector<Digest> consistency_proof(std::span<const Digest> leaves, std::size_t old_size);
// RFC 9162 §2.1.4.2.
bool verify_consistency(std::size_t old_size, std::size_t new_size, const Digest& old_root,
                        const Digest& new_root, std::span<const Digest> proof);

}  // namespace corridor::merkle
