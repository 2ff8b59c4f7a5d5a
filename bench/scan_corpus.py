#!/usr/bin/python3
"""Corpus for the extraction benchmark, with its ground truth.

Writes CORPUS (multilingual advert-like text, binary noise, UTF-16LE runs inside the noise)
with features of every type planted in it, and TRUTH, one line per expected mention:
type <TAB> byte offset <TAB> byte length <TAB> normalised value. Hard negatives (one digit
off, bad checksums, prices without currency...) are planted too and must not be found.
Every value here is generated; the filler text is invented. Deterministic for a seed.

Usage: scan_corpus.py CORPUS TRUTH [SIZE_MB] [SEED]
Needs python3-phonenumbers (Debian) to draw valid phone numbers.
"""
import hashlib
import os
import random
import sys

import phonenumbers

R = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 2026)

# ---------------------------------------------------------------- filler text (no digits,
# no country names: a country named nearby would change how national numbers resolve)
WORDS = {
    "ar": "الرحلة القارب البحر الليل الشاطئ المهرب الحجز الدفع المكان الآمن الأطفال العائلة "
          "مساء صباح اليوم غدا الطقس هادئ الموج عالي سترة نجاة ماء طعام انتظار سيارة مخزن "
          "مع من إلى على في عن بعد قبل كل جدا أيضا لكن ثم حتى".split(),
    "fa": "سفر قایق دریا شب ساحل قاچاقچی رزرو پرداخت جای امن بچه ها خانواده امروز فردا "
          "هوا آرام موج بلند جلیقه نجات آب غذا منتظر ماشین انبار با از به در برای بعد قبل".split(),
    "ur": "سفر کشتی سمندر رات ساحل ایجنٹ بکنگ ادائیگی جگہ محفوظ بچے خاندان آج کل موسم "
          "پرسکون لہریں پانی کھانا انتظار گاڑی کے ساتھ سے تک میں پر بعد پہلے".split(),
    "fr": "le la les un une des passage bateau mer nuit plage départ réservation paiement "
          "famille enfants sécurité gilet eau attente voiture entrepôt avec pour sans "
          "demain aujourd'hui calme vagues places limitées rapide discret".split(),
    "en": "the a boat sea night beach trip booking payment safe place family children "
          "life jacket water food waiting car warehouse with for without tomorrow today "
          "calm waves seats limited fast quiet guaranteed contact agent".split(),
    "tr": "bir tekne deniz gece sahil yolculuk rezervasyon ödeme güvenli yer aile çocuklar "
          "can yeleği su yemek bekleme araba depo ile için yarın bugün sakin dalga".split(),
    "es": "el la los un una barco mar noche playa viaje reserva pago lugar seguro familia "
          "niños chaleco agua comida espera coche almacén con para sin mañana hoy".split(),
}
LANGS = list(WORDS)


def sentence(lang=None):
    lang = lang or R.choice(LANGS)
    w = WORDS[lang]
    s = " ".join(R.choice(w) for _ in range(R.randint(6, 16)))
    return s + (R.choice(["، ", ". ", "؛ ", "! "]) if lang in ("ar", "fa", "ur") else R.choice([". ", ", ", "! ", "; "]))


def filler(n):
    out = []
    size = 0
    while size < n:
        s = sentence()
        out.append(s)
        size += len(s.encode())
    return "".join(out)


# ---------------------------------------------------------------- helpers
AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
FW_DIGITS = "０１２３４５６７８９"


def digits_in(s, table):
    return "".join(table[int(c)] if c.isdigit() else c for c in s)


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58check(payload):
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def segwit(version, program):
    data = [version]
    acc = bits = 0
    for b in program:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    const = 1 if version == 0 else 0x2BC830A3
    hrp = "bc"
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + data
    pm = bech32_polymod(values + [0] * 6) ^ const
    data += [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH[d] for d in data)


def keccak256(data):
    rc = [0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
          0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
          0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
          0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
          0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
          0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008]
    rot = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14]
    M = (1 << 64) - 1

    def rol(x, n):
        return ((x << n) | (x >> (64 - n))) & M if n else x

    st = [0] * 25
    rate = 136
    msg = bytearray(data) + b"\x01"
    msg += b"\0" * (-len(msg) % rate)
    msg[-1] |= 0x80
    for off in range(0, len(msg), rate):
        for i in range(rate // 8):
            st[i] ^= int.from_bytes(msg[off + 8 * i: off + 8 * i + 8], "little")
        for r in range(24):
            c = [st[x] ^ st[x + 5] ^ st[x + 10] ^ st[x + 15] ^ st[x + 20] for x in range(5)]
            d = [c[(x + 4) % 5] ^ rol(c[(x + 1) % 5], 1) for x in range(5)]
            st = [st[i] ^ d[i % 5] for i in range(25)]
            b = [0] * 25
            for x in range(5):
                for y in range(5):
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = rol(st[x + 5 * y], rot[x + 5 * y])
            st = [b[i] ^ (~b[(i % 5 + 1) % 5 + 5 * (i // 5)] & b[(i % 5 + 2) % 5 + 5 * (i // 5)]) for i in range(25)]
            st[0] ^= rc[r]
    return b"".join(st[i].to_bytes(8, "little") for i in range(4))


def eip55(hex40):
    h = keccak256(hex40.encode()).hex()
    return "".join(c.upper() if c.isalpha() and int(h[i], 16) >= 8 else c for i, c in enumerate(hex40))


def luhn_complete(prefix, length):
    body = prefix + "".join(R.choice("0123456789") for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch)
        if i % 2 == 0:
            v = v * 2 - 9 if v * 2 > 9 else v * 2
        total += v
    return body + str((10 - total % 10) % 10)


def mrz_check(field):
    w = [7, 3, 1]
    t = 0
    for i, ch in enumerate(field):
        v = int(ch) if ch.isdigit() else (ord(ch) - 55 if ch.isalpha() else 0)
        t += v * w[i % 3]
    return str(t % 10)


def iban(cc, bban):
    n = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
    return f"{cc}{98 - n % 97:02d}{bban}"


def rdigits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def rname(lo=5, hi=12):
    first = R.choice("abcdefghijklmnopqrstuvwxyz")
    return first + "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(R.randint(lo, hi) - 1))


# ---------------------------------------------------------------- features
# Each maker returns (text, [(type, start_in_text, length_in_text, value)]); offsets in
# characters of `text`, converted to bytes when written.
PHONE_PLANS = [  # (region, country code, national prefix choices, national length)
    ("LY", "218", ["91", "92", "94"], 9), ("TN", "216", ["2", "5", "9"], 8), ("IT", "39", ["33", "34", "32"], 10),
    ("TR", "90", ["53", "54", "55"], 10), ("FR", "33", ["6", "7"], 9), ("PK", "92", ["30", "31", "33"], 10),
    ("IR", "98", ["91", "93"], 10), ("AF", "93", ["70", "78"], 9), ("MA", "212", ["6"], 9), ("EG", "20", ["10", "11", "12"], 10),
]
COUNTRY_WORD = {"LY": "ليبيا", "TN": "Tunisie", "IT": "Italia", "TR": "Türkiye", "FR": "France",
                "PK": "پاکستان", "IR": "ایران", "AF": "افغانستان", "MA": "Maroc", "EG": "مصر"}


def phone_number():
    while True:
        region, cc, prefixes, n = R.choice(PHONE_PLANS)
        p = R.choice(prefixes)
        nat = p + rdigits(n - len(p))
        num = phonenumbers.parse("+" + cc + nat, None)
        if phonenumbers.is_valid_number(num):
            return region, cc, nat, phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def group(s, sizes=(3, 3, 4)):
    out, i = [], 0
    for k in sizes:
        if i >= len(s):
            break
        out.append(s[i:i + k])
        i += k
    if i < len(s):
        out.append(s[i:])
    return out


def f_phone():
    region, cc, nat, e164 = phone_number()
    form = R.randrange(9)
    if form == 0:
        raw = "+" + cc + " " + " ".join(group(nat, (2, 3, 4)))
    elif form == 1:
        raw = "00" + cc + nat
    elif form == 2:
        raw = digits_in("+" + cc + nat, AR_DIGITS)
    elif form == 3:
        raw = "+" + digits_in(cc + " " + " ".join(group(nat)), FA_DIGITS)
    elif form == 4:
        raw = "+" + " ".join(cc + nat)
    elif form == 5:
        raw = "+" + cc + "\u200e" + "\u200b".join(group(nat))
    elif form == 6:
        raw = "＋" + digits_in(cc + nat, FW_DIGITS)
    elif form == 7:
        raw = "(+" + cc + ") " + "-".join(group(nat))
        pre = R.choice(["tel ", "هاتف ", "تماس ", "call "])
        return pre + raw, [("phone", len(pre) + 1, len(raw) - 1, e164)]
    else:  # national form, the country named in the same sentence
        trunk = "" if region in ("IT", "TN") else "0"
        raw = trunk + " ".join(group(nat))
        if R.random() < 0.5:
            raw = digits_in(raw, AR_DIGITS if region not in ("IR", "AF", "PK") else FA_DIGITS)
        pre = f"{COUNTRY_WORD[region]} : "
        return pre + raw, [("phone", len(pre), len(raw), e164)]
    pre = R.choice(["tel ", "هاتف ", "تماس: ", "call ", "رابطہ ", "arayın "])
    return pre + raw, [("phone", len(pre), len(raw), e164)]


def f_email():
    v = rname(4, 10) + R.choice([".", "_", ""]) + rname(3, 6) + "@" + R.choice(["gmail.com", "yahoo.fr", "outlook.com", "proton.me", "mail.ru"])
    raw = v if R.random() < 0.7 else v.capitalize()
    return "mail " + raw, [("email", 5, len(raw), v.lower())]


def f_url():
    host = rname(5, 10).replace("_", "-") + R.choice([".com", ".net", ".org", ".info"])
    path = "/" + rname(3, 8) + R.choice(["", "?id=" + rdigits(5), "/" + rname(3, 6)])
    raw = R.choice(["https://", "http://"]) + host + path
    return "voir " + raw + " ", [("url", 5, len(raw), raw)]


def f_domain():
    v = rname(5, 10).replace("_", "-").strip("-") + R.choice([".com", ".net", ".ly", ".tn", ".me"])
    return "site " + v + " ", [("domain", 5, len(v), v)]


def f_messaging():
    k = R.randrange(6)
    if k == 0:
        u = rname(6, 16)
        raw = R.choice(["t.me/", "telegram.me/"]) + u
        return "canal " + raw + " ", [("telegram", 6, len(raw), "t.me/" + u)]
    if k == 1:
        _, cc, nat, e164 = phone_number()
        raw = "wa.me/" + cc + nat
        return "واتساب " + raw + " ", [("whatsapp", 7, len(raw), e164), ("phone", 7, len(raw), e164)]
    if k == 2:
        code = "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(22))
        raw = "chat.whatsapp.com/" + code
        return "groupe " + raw + " ", [("whatsapp", 7, len(raw), raw)]
    if k == 3:
        _, cc, nat, e164 = phone_number()
        raw = "viber://chat?number=%2B" + cc + nat
        return "viber " + raw + " ", [("viber", 6, len(raw), e164), ("phone", 6, len(raw), e164)]
    if k == 4:
        _, cc, nat, e164 = phone_number()
        raw = "signal.me/#p/+" + cc + nat
        return "signal " + raw + " ", [("signal", 7, len(raw), e164), ("phone", 7, len(raw), e164)]
    u = rname(6, 14)
    return "follow @" + u + " ", [("handle", 7, len(u) + 1, "@" + u)]


IBAN_PLANS = [("DE", lambda: rdigits(18)), ("FR", lambda: rdigits(23)), ("IT", lambda: R.choice("ABCDEFGHIJ") + rdigits(22)),
              ("TR", lambda: rdigits(22)), ("TN", lambda: rdigits(20)), ("LY", lambda: rdigits(21)),
              ("GB", lambda: "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + rdigits(14)),
              ("ES", lambda: rdigits(20)), ("GR", lambda: rdigits(23)), ("NL", lambda: "ABNA" + rdigits(10))]


def f_iban(bad=False):
    cc, mk = R.choice(IBAN_PLANS)
    v = iban(cc, mk())
    if bad:
        i = R.randrange(4, len(v))
        while not v[i].isdigit():
            i = R.randrange(4, len(v))
        v = v[:i] + str((int(v[i]) + 1) % 10) + v[i + 1:]
    raw = " ".join(v[i:i + 4] for i in range(0, len(v), 4)) if R.random() < 0.6 else v
    return "IBAN " + raw, ([] if bad else [("iban", 5, len(raw), v)])


def f_card(bad=False):
    kind = R.randrange(3)
    v = luhn_complete("4", 16) if kind == 0 else luhn_complete(str(R.randint(51, 55)), 16) if kind == 1 else luhn_complete(R.choice(["34", "37"]), 15)
    if bad:
        v = v[:-1] + str((int(v[-1]) + 1) % 10)
    raw = " ".join(v[i:i + 4] for i in range(0, len(v), 4)) if len(v) == 16 and R.random() < 0.5 else v
    return "carte " + raw + " ", ([] if bad else [("card", 6, len(raw), v)])


def f_bic():
    v = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + R.choice(["DE", "FR", "IT", "TR", "TN", "LY", "GB"]) + \
        R.choice(["XX", "2X", "MM", "PP", "FF"]) + R.choice(["", "", "500", "XXX"])
    pre = R.choice(["BIC: ", "SWIFT ", "BIC/SWIFT: ", "SWIFT code "])
    return pre + v + " ", [("bic", len(pre), len(v), v)]


def f_btc(bad=False):
    k = R.randrange(3)
    if k == 0:
        v = b58check(bytes([R.choice([0, 5])]) + os.urandom(20))
    elif k == 1:
        v = segwit(0, os.urandom(20))
    else:
        v = segwit(1, os.urandom(32))
    if bad:
        i = R.randrange(5, len(v))
        alpha = B58 if k == 0 else BECH
        v = v[:i] + R.choice([c for c in alpha if c != v[i]]) + v[i + 1:]
    return "BTC " + v + " ", ([] if bad else [("btc", 4, len(v), v)])


def f_eth(bad=False):
    h = os.urandom(20).hex()
    v = "0x" + (eip55(h) if R.random() < 0.7 else h)
    if bad:
        letters = [i for i, c in enumerate(v[2:]) if c.isalpha()]
        if not letters or v[2:] == h:
            v = "0x" + eip55(h)
            letters = [i for i, c in enumerate(v[2:]) if c.isalpha()]
        i = 2 + R.choice(letters)
        v = v[:i] + v[i].swapcase() + v[i + 1:]
        if v[2:].lower() == v[2:] or v[2:].upper() == v[2:]:
            return "ETH none ", []
    return "ETH " + v + " ", ([] if bad else [("eth", 4, len(v), "0x" + h)])


def f_tron():
    v = b58check(b"\x41" + os.urandom(20))
    return "USDT TRC20 " + v + " ", [("tron", 11, len(v), v)]


def f_mrz(bad=False):
    sur = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(R.randint(4, 9)))
    giv = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(R.randint(3, 7)))
    iss = R.choice(["SYR", "AFG", "ERI", "SDN", "LBY", "TUN", "UTO"])
    l1 = ("P<" + iss + sur + "<<" + giv).ljust(44, "<")
    num = R.choice("ABCDEFGHJK") + rdigits(7) + R.choice("0123456789<")
    dob = f"{R.randint(60, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}"
    exp = f"{R.randint(26, 34):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}"
    pers = "<" * 14
    l2 = num + mrz_check(num) + iss + dob + mrz_check(dob) + R.choice("MF") + exp + mrz_check(exp) + pers + "<"
    l2 += mrz_check(l2[0:10] + l2[13:20] + l2[21:43])
    if bad:
        l2 = l2[:-1] + str((int(l2[-1]) + 1) % 10)
    text = "\n" + l1 + "\n" + l2 + "\n"
    # A zone with a failed check digit is never an "mrz"; the scanner reports it as
    # "mrz_invalid" (evidence of a forgery or a misread), so that is its truth.
    return text, [("mrz_invalid" if bad else "mrz", 1, 89, l1 + l2)]


MONEY_FORMS = [  # (template with {n}, amount multiplier, code, digits table)
    ("{n} يورو", 1, "EUR", None), ("{n} دولار", 1, "USD", AR_DIGITS), ("{n} دلار", 1, "USD", FA_DIGITS),
    ("{n} FCFA", 1, "XOF", None), ("{k} آلاف يورو", 1000, "EUR", None), ("{k} لاکھ روپے", 100000, "PKR", None),
    ("{n}€", 1, "EUR", None), ("{n}$", 1, "USD", None), ("{n} pounds", 1, "GBP", None),
    ("{n} دينار ليبي", 1, "LYD", None), ("{k} mil dólares", 1000, "USD", None), ("€{n}", 1, "EUR", None),
    ("USD {n}", 1, "USD", None), ("{n} euros", 1, "EUR", None), ("{n} USDT", 1, "USDT", None), ("{n} TL", 1, "TRY", None),
]


def f_money():
    tpl, mult, code, table = R.choice(MONEY_FORMS)
    k = R.randint(2, 9)
    n = R.randrange(300, 9000, 50)
    if "{k}" in tpl:
        raw, amount = tpl.format(k=k), k * mult
    else:
        shown = f"{n:,}" if R.random() < 0.3 and n >= 1000 else str(n)
        if code == "XOF":
            n = n * 100
            shown = f"{n:,}".replace(",", " ")
        raw, amount = tpl.format(n=shown), n
    if table:
        raw = digits_in(raw, table)
    pre = R.choice(["prix ", "السعر ", "قیمت ", "price ", "fiyat ", "precio "])
    return pre + raw + " ", [("money", len(pre), len(raw), f"{amount} {code}")]


def f_date():
    y, m, d = R.randint(2019, 2027), R.randint(1, 12), R.randint(1, 28)
    hh, mm = R.randint(0, 23), R.randint(0, 59)
    k = R.randrange(5)
    iso = f"{y:04d}-{m:02d}-{d:02d}"
    if k == 0:
        raw, v = iso, iso
    elif k == 1:
        raw, v = f"{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}", f"{iso}T{hh:02d}:{mm:02d}"
    elif k == 2:
        raw, v = f"{d:02d}.{m:02d}.{y}", iso
    elif k == 3:
        raw, v = f"{d} {['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][m - 1]} {y}", iso
    else:
        raw, v = digits_in(f"{d:02d}/{m:02d}/{y}", AR_DIGITS), iso
    return "départ " + raw + " ", [("date", 7, len(raw), v)]


def f_imo(bad=False):
    six = str(R.randint(100000, 999999))
    chk = sum(int(six[i]) * (7 - i) for i in range(6)) % 10
    if bad:
        chk = (chk + 1) % 10
    v = six + str(chk)
    return "IMO " + v + " ", ([] if bad else [("imo", 0, 11, v)])


def f_mmsi():
    v = str(R.choice([636, 247, 642, 271, 538, 229, 256])) + rdigits(6)
    return "MMSI " + v + " ", [("mmsi", 0, 14, v)]


def f_ip():
    if R.random() < 0.6:
        v = ".".join(str(R.randint(1, 254)) for _ in range(4))
        return "host " + v + " ", [("ipv4", 5, len(v), v)]
    g = [f"{R.randint(1, 0xFFFF):x}" for _ in range(3)]
    v = f"2001:db8:{g[0]}:{g[1]}::{g[2]}"
    return "host " + v + " ", [("ipv6", 5, len(v), v)]


def f_coord():
    lat, lon = R.uniform(30, 38), R.uniform(9, 28)
    if R.random() < 0.5:
        raw = f"{lat:.5f}, {lon:.5f}"
        v = f"{float(f'{lat:.5f}'):.6f},{float(f'{lon:.5f}'):.6f}"
    else:
        def dms(x):
            d = int(x)
            mi = int((x - d) * 60)
            s = int(round(((x - d) * 60 - mi) * 60))
            if s == 60:
                s = 59
            return d, mi, s
        a, b = dms(lat), dms(lon)
        raw = f"{a[0]}°{a[1]}'{a[2]}\"N {b[0]}°{b[1]}'{b[2]}\"E"
        v = f"{a[0] + a[1] / 60 + a[2] / 3600:.6f},{b[0] + b[1] / 60 + b[2] / 3600:.6f}"
    return "position " + raw + " ", [("coord", 9, len(raw), v)]


def f_negative():
    k = R.randrange(9)
    if k == 0:
        return f_iban(bad=True)
    if k == 1:
        return f_card(bad=True)
    if k == 2:
        return f_btc(bad=True)
    if k == 3:
        return f_eth(bad=True)
    if k == 4:
        return f_mrz(bad=True)
    if k == 5:
        return f_imo(bad=True)
    if k == 6:
        return R.choice(["2500 km ", "4000 people ", "room 12 ", "1500 أشخاص ", "۸۰۰ متر "]), []
    if k == 7:
        return f"{R.randint(29, 31)}/02/{R.randint(2021, 2023)} ", []
    while True:  # one digit short, and libphonenumber agrees it is not a number
        region, cc, nat, _ = phone_number()
        if region in ("LY", "TN", "FR", "TR", "MA") and not phonenumbers.is_valid_number(phonenumbers.parse("+" + cc + nat[:-1], None)):
            return "+" + cc + " " + nat[:-1] + " ", []


MAKERS = [f_phone, f_phone, f_email, f_url, f_domain, f_messaging, f_messaging, f_iban, f_card, f_bic, f_btc, f_eth,
          f_tron, f_mrz, f_money, f_money, f_date, f_imo, f_mmsi, f_ip, f_coord, f_negative, f_negative]


def utf16_ok(text):
    return all(ord(c) < 0xD800 for c in text)


def main():
    corpus, truth_path = sys.argv[1], sys.argv[2]
    size = int(sys.argv[3]) * (1 << 20) if len(sys.argv) > 3 else 1 << 30
    fillers = [filler(R.randint(400, 1600)).encode() for _ in range(3000)]
    noise_pool = os.urandom(1 << 22)
    with open(corpus, "wb") as out, open(truth_path, "w", encoding="utf-8") as truth:
        pos = 0

        def write(b):
            nonlocal pos
            out.write(b)
            pos += len(b)

        while pos < size:
            kind = R.random()
            if kind < 0.12:  # binary noise, sometimes with a UTF-16LE sentence inside
                n = R.randint(2048, 65536)
                start = R.randrange(0, len(noise_pool) - n)
                write(noise_pool[start:start + n])
                if R.random() < 0.5:
                    text, feats = R.choice(MAKERS)()
                    lead = " " + sentence("en")
                    full = lead + text + " " + sentence("fr")
                    if not utf16_ok(full):
                        continue
                    if pos % 2:  # strings in binary formats start on even offsets
                        write(b"\xff")
                    write(b"\0\0")
                    for t, s0, ln, v in feats:
                        off = len((lead + text[:s0]).encode("utf-16-le"))
                        length = len(text[s0:s0 + ln].encode("utf-16-le"))
                        truth.write(f"{t}\t{pos + off}\t{length}\t{v}\n")
                    write(full.encode("utf-16-le"))
                    write(b"\0\0")
                continue
            # a text stretch: filler, a planted item, filler
            write(R.choice(fillers))
            text, feats = R.choice(MAKERS)()
            lead = R.choice(fillers)[:200].decode("utf-8", "ignore")
            full = lead + " " + text + " "
            base = len((lead + " ").encode())
            enc = full.encode()
            for t, s, ln, v in feats:
                off = base + len(text[:s].encode())
                length = len(text[s:s + ln].encode())
                truth.write(f"{t}\t{pos + off}\t{length}\t{v}\n")
            write(enc)
            write(R.choice(fillers))
            write(b"\n")


if __name__ == "__main__":
    main()
