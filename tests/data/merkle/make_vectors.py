#!/usr/bin/env python3
"""Independent RFC 9162 Merkle computation with hashlib, written straight from the RFC's
recursive definitions. Its output, vectors.json, is committed; the C++ tests must agree.
Leaves are the UTF-8 bytes of "entry-<i>". Run: python3 make_vectors.py > vectors.json"""
import hashlib, json

def h(b): return hashlib.sha256(b).digest()
def leaf(b): return h(b"\x00" + b)
def k_of(n):
    k = 1
    while k * 2 < n: k *= 2
    return k
def mth(d):
    if not d: return h(b"")
    if len(d) == 1: return leaf(d[0])
    k = k_of(len(d))
    return h(b"\x01" + mth(d[:k]) + mth(d[k:]))
def path(m, d):
    if len(d) <= 1: return []
    k = k_of(len(d))
    if m < k: return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]
def subproof(m, d, b):
    n = len(d)
    if m == n: return [] if b else [mth(d)]
    k = k_of(n)
    if m <= k: return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]

entries = [f"entry-{i}".encode() for i in range(40)]
out = {"leaves": [e.decode() for e in entries],
       "roots": {str(n): mth(entries[:n]).hex() for n in range(0, 41)},
       "inclusion": [], "consistency": []}
for n in (1, 2, 3, 5, 7, 8, 13, 16, 17, 40):
    for m in sorted({0, n // 2, n - 1}):
        out["inclusion"].append({"index": m, "size": n,
                                 "path": [p.hex() for p in path(m, entries[:n])]})
for (m, n) in ((1, 2), (1, 8), (3, 7), (4, 8), (4, 13), (6, 8), (7, 40), (16, 17), (20, 40), (39, 40)):
    out["consistency"].append({"old": m, "new": n,
                               "proof": [p.hex() for p in subproof(m, entries[:n], True)]})
print(json.dumps(out, indent=1))
