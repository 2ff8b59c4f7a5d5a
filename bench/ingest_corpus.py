#!/usr/bin/python3
"""Synthetic evidence for bench/ingest.sh (standard library only, fixed seed).

  ingest_corpus.py telegram OUT.json MESSAGES
      A Telegram Desktop full-account export ("Export Telegram data": personal_information,
      chats.list) laid out as Telegram Desktop writes it (one-space indent, text_entities
      beside text). Several chats (personal and groups) with a dozen senders; text as a
      string or as an entity array (plain, phone, link, text_link, mention, mention_name,
      bold); some messages carry phone numbers and t.me links, replies, forwards, photos;
      a few service messages. Multilingual (English, French, Arabic).

  ingest_corpus.py amlworld OUT.csv ROWS
      An IBM AMLworld transaction CSV with the "Is Laundering" column: banks and accounts
      drawn from a pool (so accounts repeat), several currencies and payment formats.
"""
import json
import random
import sys

SEED = 2026


def phone(rng):
    # Numbers in ranges libphonenumber accepts as valid mobiles, in the shapes people type.
    kind = rng.randrange(6)
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    if kind == 0:
        return "+218 9%s %s %s" % (rng.choice("1245"), d(3), d(4))
    if kind == 1:
        return "+33 6 %s %s %s %s" % (d(2), d(2), d(2), d(2))
    if kind == 2:
        return "+39 3%s%s %s %s" % (rng.choice("2345"), d(1), d(3), d(4))
    if kind == 3:
        return "+249 9%s %s %s" % (rng.choice("0129"), d(3), d(4))
    if kind == 4:
        return "+20 10%s %s %s" % (rng.choice("0125"), d(3), d(4))
    return "+216 2%s %s %s" % (rng.choice("0123456789"), d(3), d(3))


SENDERS = [
    ("Samir Tarek", 5012345678), ("Nour", 6098765432), ("Abdel K.", 5123400001),
    ("Marco Rossi", 5987600012), ("Issa", 6011122233), ("Hassan Libya", 5233344455),
    ("Fatima", 6044455566), ("Crossings Admin", 5555566677), ("Yusuf", 6066677788),
    ("Jean-Paul", 5077788899), ("Amina", 6088899900), ("Omar Z", 5099900011),
]
OWNER = 5000000001

PLAIN = [
    "Boat leaves Thursday, meet at the usual place",
    "How much for two adults and a child?",
    "Price is 2500 euro per person, half before departure",
    "Le départ est prévu demain soir, soyez prêts à 22h",
    "Combien pour passer par Lampedusa ?",
    "الرحلة يوم الخميس، السعر ٢٥٠٠ يورو",
    "اتصل بي على الرقم",
    "The weather is bad, we wait until Sunday",
    "Send the money through the usual office in Tripoli",
    "Ok, received. Next group on Monday",
    "Photos of the boat attached, 40 places",
    "Nobody answers at the number you gave me",
    "Il faut payer le reste à l'arrivée",
    "Where are you now? The driver is waiting",
    "Call me, do not write here",
]
CHANNELS = ["example_crossings", "sahel_routes", "libya_jobs_ads", "med_transfers", "travel_docs_fast"]


def text_parts(rng):
    """A list of (type, text, extra) parts; one part of type plain means a string text."""
    parts = [("plain", rng.choice(PLAIN), None)]
    r = rng.random()
    if r < 0.12:
        parts.append(("plain", ", call ", None))
        parts.append(("phone", phone(rng), None))
    elif r < 0.20:
        ch = rng.choice(CHANNELS)
        parts.append(("plain", " see ", None))
        parts.append(("link", "https://t.me/%s/%d" % (ch, rng.randrange(1, 5000)), None))
    elif r < 0.25:
        ch = rng.choice(CHANNELS)
        parts.append(("plain", " - ", None))
        parts.append(("text_link", "the list", "https://t.me/" + ch))
    elif r < 0.29:
        parts.append(("plain", " ask ", None))
        parts.append(("mention", "@" + rng.choice(CHANNELS) + "_agent", None))
    elif r < 0.31:
        name, uid = rng.choice(SENDERS)
        parts.append(("plain", " ask ", None))
        parts.append(("mention_name", name, uid))
    elif r < 0.35:
        parts.insert(0, ("bold", "URGENT", None))
        parts.insert(1, ("plain", " ", None))
    return parts


def entity(p):
    t, text, extra = p
    e = {"type": t, "text": text}
    if t == "text_link":
        e["href"] = extra
    elif t == "mention_name":
        e["user_id"] = extra
    return e


def telegram(out_path, total):
    rng = random.Random(SEED)
    chats = [
        {"name": "Samir Tarek", "type": "personal_chat", "id": 5012345678},
        {"name": "Nour", "type": "personal_chat", "id": 6098765432},
        {"name": "Marco Rossi", "type": "personal_chat", "id": 5987600012},
        {"name": "Crossings Group", "type": "private_supergroup", "id": 1711112222},
        {"name": "Sahel Routes", "type": "private_group", "id": 1722223333},
        {"name": "Transfers Channel", "type": "public_channel", "id": 1733334444},
    ]
    weights = [0.08, 0.08, 0.04, 0.45, 0.25, 0.10]
    counts = [int(total * w) for w in weights]
    counts[3] += total - sum(counts)
    t0 = 1686776712
    with open(out_path, "w", encoding="utf-8") as f:
        head = {
            "about": "Here is the data you requested.",
            "personal_information": {"user_id": OWNER, "first_name": "Exporting", "last_name": "Account",
                                     "phone_number": "+218 91 000 0000", "username": "@exporter", "bio": ""},
        }
        f.write("{\n")
        for k, v in head.items():
            f.write(" %s: %s,\n" % (json.dumps(k), json.dumps(v, ensure_ascii=False, indent=1).replace("\n", "\n ")))
        f.write(' "chats": {\n  "about": "This page lists all chats from this export.",\n  "list": [\n')
        written = service = 0
        for ci, (chat, n) in enumerate(zip(chats, counts)):
            if chat["type"] == "personal_chat":
                senders = [(chat["name"], chat["id"]), ("Exporting Account", OWNER)]
            else:
                senders = SENDERS
            f.write("   {\n    \"name\": %s,\n    \"type\": \"%s\",\n    \"id\": %d,\n    \"messages\": [\n"
                    % (json.dumps(chat["name"]), chat["type"], chat["id"]))
            t = t0 + ci * 1000
            mid = 0
            i = 0
            while i < n:
                mid += 1
                t += rng.randrange(5, 240)
                stamp = _local(t)
                if rng.random() < 0.01:  # service messages come on top of the n messages
                    name, uid = rng.choice(senders)
                    m = {"id": mid, "type": "service", "date": stamp, "date_unixtime": str(t), "actor": name,
                         "actor_id": "user%d" % uid, "action": "pin_message", "message_id": max(1, mid - 3),
                         "text": "", "text_entities": []}
                    service += 1
                else:
                    i += 1
                    name, uid = rng.choice(senders)
                    if chat["type"] == "public_channel":
                        name, from_id = chat["name"], "channel%d" % chat["id"]
                    else:
                        from_id = "user%d" % uid
                    m = {"id": mid, "type": "message", "date": stamp, "date_unixtime": str(t), "from": name,
                         "from_id": from_id}
                    if mid > 1 and rng.random() < 0.2:
                        m["reply_to_message_id"] = rng.randrange(max(1, mid - 50), mid)
                    if rng.random() < 0.03:
                        m["forwarded_from"] = rng.choice(["Crossings Channel", "Transfers Channel", "Sahel News"])
                    if rng.random() < 0.04:
                        m["photo"] = "photos/photo_%d@%s.jpg" % (mid, stamp.replace(":", "-"))
                        m["width"], m["height"] = 1280, 960
                    parts = text_parts(rng)
                    if len(parts) == 1:
                        m["text"] = parts[0][1]
                    else:
                        m["text"] = [p[1] if p[0] == "plain" else entity(p) for p in parts]
                    m["text_entities"] = [entity(p) for p in parts]
                body = json.dumps(m, ensure_ascii=False, indent=1)
                f.write("     " + body.replace("\n", "\n     "))
                f.write(",\n" if i < n else "\n")
                written += 1
            f.write("    ]\n   }%s\n" % ("," if ci + 1 < len(chats) else ""))
        f.write("  ]\n }\n}\n")
    return written - service, service


def _local(t):
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t + 3600))


CURRENCIES = ["US Dollar"] * 8 + ["Euro"] * 4 + ["Yuan", "Bitcoin", "Rupee", "Yen", "UK Pound", "Ruble",
                                                  "Canadian Dollar", "Australian Dollar", "Swiss Franc",
                                                  "Mexican Peso", "Brazil Real", "Saudi Riyal", "Shekel"]
FORMATS = ["Cheque", "Credit Card", "ACH", "Cash", "Reinvestment", "Wire", "Bitcoin"]


def amlworld(out_path, rows):
    rng = random.Random(SEED)
    banks = ["%03d" % b for b in range(1, 120)] + ["%05d" % rng.randrange(1000, 99999) for _ in range(400)] + \
            ["%07d" % rng.randrange(100000, 9999999) for _ in range(200)]
    pool = [(rng.choice(banks), "%09X" % rng.randrange(0x800000000, 0x8FFFFFFFF)) for _ in range(120000)]
    t = 1661990400  # 2022-09-01 00:00 UTC
    import time
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        f.write("Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,"
                "Payment Currency,Payment Format,Is Laundering\n")
        lines = []
        for _ in range(rows):
            t += rng.randrange(0, 2)
            stamp = time.strftime("%Y/%m/%d %H:%M", time.gmtime(t))
            a = rng.choice(pool)
            b = a if rng.random() < 0.05 else rng.choice(pool)
            cur = rng.choice(CURRENCIES)
            fmt = "Bitcoin" if cur == "Bitcoin" else rng.choice(FORMATS[:-1])
            paid = round(rng.lognormvariate(7, 2), 2)
            if rng.random() < 0.04:
                cur_paid = rng.choice(CURRENCIES)
                received = round(paid * rng.uniform(0.5, 1.5), 2)
            else:
                cur_paid, received = cur, paid
            laundering = 1 if rng.random() < 0.001 else 0
            lines.append("%s,%s,%s,%s,%s,%.2f,%s,%.2f,%s,%s,%d\n" % (
                stamp, a[0], a[1], b[0], b[1], received, cur, paid, cur_paid, fmt, laundering))
            if len(lines) >= 10000:
                f.write("".join(lines))
                lines.clear()
        f.write("".join(lines))
    return rows, 0


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("telegram", "amlworld"):
        sys.exit("usage: ingest_corpus.py telegram|amlworld OUT N")
    n = int(sys.argv[3])
    made = telegram(sys.argv[2], n) if sys.argv[1] == "telegram" else amlworld(sys.argv[2], n)
    extra = " (+%d service messages)" % made[1] if sys.argv[1] == "telegram" else ""
    print("%s: %d records%s" % (sys.argv[2], made[0], extra))


if __name__ == "__main__":
    main()
