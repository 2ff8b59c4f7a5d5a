#!/usr/bin/python3
"""Writes scenario.nmea, a small AIS log with NMEA 4.0 tag-block times: a mother ship and a
small boat meet at sea for 3 h, the mother ship then goes dark for 14 h; a fishing boat
leaves a launch beach (zones.geojson); one boat changes its name. Deterministic."""
import functools


def armour(bits):
    bits += "0" * (-len(bits) % 6)
    out = ""
    for i in range(0, len(bits), 6):
        v = int(bits[i:i + 6], 2)
        out += chr(v + 48 if v < 40 else v + 56)
    return out


def u(v, n):
    return format(v & ((1 << n) - 1), "0%db" % n)


def text(s, n):
    out = ""
    for c in s.ljust(n, "@")[:n]:
        o = ord(c)
        out += u(o - 64 if o >= 64 else o, 6)
    return out


def xor(s):
    return functools.reduce(lambda a, c: a ^ ord(c), s, 0)


def sentence(payload_bits, t):
    pay = armour(payload_bits)
    fill = -len(payload_bits) % 6
    body = "AIVDM,1,1,,A,%s,%d" % (pay, fill)
    tag = "s:test,c:%d" % t
    return "\\%s*%02X\\!%s*%02X" % (tag, xor(tag), body, xor(body))


def type1(mmsi, lat, lon, sog, cog):
    return (u(1, 6) + u(0, 2) + u(mmsi, 30) + u(0, 4) + u(-128, 8) + u(round(sog * 10), 10) + u(0, 1)
            + u(round(lon * 600000), 28) + u(round(lat * 600000), 27) + u(round(cog * 10), 12) + u(511, 9)
            + u(60, 6) + u(0, 2) + u(0, 3) + u(0, 1) + u(0, 19))


def type24a(mmsi, name):
    return u(24, 6) + u(0, 2) + u(mmsi, 30) + u(0, 2) + text(name, 20)


T0 = 1700000000
MOTHER, SKIFF, FISHER = 247111111, 247222222, 247333333
lines = []
# Meeting: 10:00 offset, both drifting 0.5 kn 200 m apart, every 10 min for 3 h.
for k in range(0, 19):
    t = T0 + k * 600
    lines.append((t, sentence(type1(MOTHER, 35.0 + k * 0.0001, 20.0, 0.5, 0), t)))
    lines.append((t + 30, sentence(type1(SKIFF, 35.0018 + k * 0.0001, 20.0, 0.4, 0), t + 30)))
# Mother ship goes dark 14 h, reappears 60 nm east.
t = T0 + 18 * 600 + 14 * 3600
lines.append((t, sentence(type1(MOTHER, 35.0, 21.2, 9.0, 90), t)))
# Fisher leaves the beach (zone around 36.0 N 22.0 E) heading north.
for k in range(0, 6):
    t = T0 + k * 600
    lines.append((t + 5, sentence(type1(FISHER, 36.0 + k * 0.01, 22.0, 6.0, 0), t + 5)))
lines.append((T0 + 1, sentence(type24a(SKIFF, "SEA BIRD"), T0 + 1)))
lines.append((T0 + 7200, sentence(type24a(SKIFF, "NOVA"), T0 + 7200)))
lines.sort()
with open("scenario.nmea", "w") as f:
    for _, l in lines:
        f.write(l + "\n")
    f.write("!AIVDM,1,1,,A,garbage,0*00\n")
