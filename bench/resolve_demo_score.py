"""Scores `corridor resolve` on the demo case against the demo ground truth.

A Person entity is one account's user in one source file. It belongs to a gang member
when its account is the member's: the Telegram user id, the post author id the demo
derives from it, or the WhatsApp display name in that chat file. Every other person
(random post authors) is a distinct person of their own.
"""
import json
import sqlite3
import sys
from collections import defaultdict
from itertools import combinations


def member_labels(db, truth):
    by_telegram = {p["from_id"]: p["member"] for p in truth["telegram"]["participants"]}
    by_author = {}
    for m in truth["members"]:
        if m.get("telegram_id") is None:
            continue
        by_author[str(100000000000000 + m["telegram_id"] * 7 % 899999999999999)] = m["id"]
    by_chat = {}
    for chat in truth["whatsapp"]:
        name = chat["file"].rsplit("/", 1)[-1]
        for p in chat["participants"]:
            by_chat[(name, p["display"])] = p["member"]
    rows = db.execute(
        """SELECT p.id, p.canonical_id, p.caption, a.id,
                  (SELECT value FROM statements WHERE entity = a.rid AND property = 'userId' LIMIT 1),
                  (SELECT value FROM statements WHERE entity = a.rid AND property = 'platform' LIMIT 1),
                  ev.original_name
           FROM entities p
           JOIN statements o ON o.property = 'owner' AND o.value = p.id
           JOIN entities a ON a.rid = o.entity
           JOIN evidence ev ON ev.id = o.evidence
           WHERE p.schema = 'Person'""").fetchall()
    label, canonical, name = {}, {}, {}
    for pid, canon, caption, _account, user_id, platform, file in rows:
        canonical[pid], name[pid] = canon, caption
        member = None
        base = file.rsplit("/", 1)[-1]
        if base == truth["posts"]["file"]:
            member = by_author.get(user_id)
        elif platform == "telegram":
            member = by_telegram.get(user_id)
        elif platform == "whatsapp":
            member = by_chat.get((base, caption))
        label[pid] = member or "other:" + pid
    for pid, canon, caption in db.execute("SELECT id, canonical_id, caption FROM entities WHERE schema = 'Person'"):
        label.setdefault(pid, "other:" + pid)
        canonical.setdefault(pid, canon)
        name.setdefault(pid, caption)
    return label, canonical, name


def pairs_of(groups):
    out = set()
    for members in groups.values():
        out.update(combinations(sorted(members), 2))
    return out


def main():
    db_path, truth_path, report_path, seconds = sys.argv[1:5]
    truth = json.load(open(truth_path, encoding="utf-8"))
    report = json.load(open(report_path, encoding="utf-8"))
    label, canonical, name = member_labels(sqlite3.connect(db_path), truth)
    by_label, by_canonical = defaultdict(list), defaultdict(list)
    for pid in label:
        by_label[label[pid]].append(pid)
        by_canonical[canonical[pid]].append(pid)
    true_pairs, predicted = pairs_of(by_label), pairs_of(by_canonical)
    tp = len(true_pairs & predicted)
    fp = len(predicted - true_pairs)
    fn = len(true_pairs - predicted)
    merged = [pid for pid in label if len(by_canonical[canonical[pid]]) > 1]
    wrong = [pid for pid in merged if any(label[o] != label[pid] for o in by_canonical[canonical[pid]])]
    members = sum(1 for v in label.values() if not v.startswith("other:"))
    print(f"persons {len(label)} ({members} accounts of gang members), candidate pairs {report['candidate_pairs']}, "
          f"hubs {len(report['hubs'])}, clusters {len(report['clusters'])}, resolve {float(seconds):.2f} s")
    print(f"persons merged {len(merged)}: correctly {len(merged) - len(wrong)}, wrongly {len(wrong)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"same-person pairs: true {len(true_pairs)}, found {len(predicted)}, correct {tp}, wrong {fp}, "
          f"missed {fn}; precision {precision:.3f} recall {recall:.3f}")
    for h in report["hubs"]:
        print(f"hub {h['kind']} {h['value']}: {h['reason']}")
    for pid in sorted(wrong, key=lambda p: canonical[p]):
        print(f"wrong: {name[pid]!r} ({label[pid]}) in cluster {canonical[pid]}")


if __name__ == "__main__":
    main()
