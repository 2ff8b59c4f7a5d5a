#!/usr/bin/python3
"""Payments in the IBM AMLworld schema for bench/money.sh (standard library only, fixed seed).

  money_corpus.py OUT.csv ROWS [--seed N]

Writes three files:
  OUT.csv         Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,
                  Amount Paid,Payment Currency,Payment Format,Is Laundering  (time order)
  OUT.truth.csv   row,label,kind,instance for every planted row (laundering and hard negatives);
                  rows not listed are ordinary background. Row 1 is the first data row.
  OUT.prices.txt  the prices "advertised" in the invented posts, one "3000 EUR" a line

Two months of traffic (2022-09-01 to 2022-10-31, minute resolution) among ROWS/8 accounts:
persons who shop (card), pay rent, bills and friends; merchants; businesses paying each other
invoices; employers paying salaries every two weeks; landlords paying mortgages; utilities;
payment services; savings clubs; self "Reinvestment" rows as in AMLworld.

Laundering (Is Laundering = 1), about 0.2 % of the rows at 1,000,000 (0.4 % at 100,000), in the typologies AMLworld plants
(Altman et al., NeurIPS 2023): fan_out, fan_in, scatter_gather, gather_scatter, cycle,
bipartite, stack, random; and three more from smuggling cases: structuring (just under
10,000), escrow (deposits held, then released at once), collector (families paying advertised
prices, some as a deposit and the rest); plus loose single transfers in no pattern, as
AMLworld also has. Half the laundering accounts also do ordinary things.

Hard negatives (Is Laundering = 0) that look like the patterns: payroll fan-out (some funded
by a treasury transfer the day before), rent fan-in and the landlord's mortgage, utility bills,
a payment service passing money through, savings clubs (equal deposits, pot paid to a member),
refunds and repaid loans (two-account round trips), savings round trips, bill-splitting
triangles with unrelated amounts, invoices spread around 10,000, one-off large purchases
(some just under 10,000), rents equal to an advertised price.

The truth column is for scoring only; the detectors never read it.
"""
import bisect
import math
import random
import sys

START = 1661990400  # 2022-09-01 00:00 UTC
DAYS = 61
SPAN = DAYS * 86400
HOUR = 3600
DAY = 86400

# (AMLworld name, ISO code, USD per unit, share of accounts)
CURRENCIES = [
    ("US Dollar", "USD", 1.0, 0.45), ("Euro", "EUR", 1.08, 0.22), ("UK Pound", "GBP", 1.25, 0.06),
    ("Yuan", "CNY", 0.14, 0.04), ("Rupee", "INR", 0.012, 0.04), ("Yen", "JPY", 0.0072, 0.03),
    ("Canadian Dollar", "CAD", 0.74, 0.03), ("Australian Dollar", "AUD", 0.67, 0.02),
    ("Swiss Franc", "CHF", 1.10, 0.02), ("Mexican Peso", "MXN", 0.055, 0.02),
    ("Brazil Real", "BRL", 0.19, 0.02), ("Saudi Riyal", "SAR", 0.2667, 0.02),
    ("Shekel", "ILS", 0.27, 0.015), ("Ruble", "RUB", 0.012, 0.015),
]
THRESHOLD_OWN = {"USD", "EUR", "GBP", "CHF", "CAD", "AUD"}  # 10,000 in the own currency
PRICES = [(a, "EUR") for a in (2000, 2200, 2500, 2800, 3000, 3200, 3500, 4000, 4500, 5000)] + \
         [(a, "USD") for a in (1500, 2000, 2500, 3000)]
BG_FORMATS = ["Cheque", "Credit Card", "ACH", "Cash", "Wire"]


class Corpus:
    def __init__(self, rows, seed):
        self.rng = random.Random(seed)
        self.rows_target = rows
        self.rows = []  # (t, from, to, paid, received, fmt, label, kind, instance)
        self.accounts = []  # (bank, id, currency index)
        self.seen_ids = set()
        rng = self.rng
        self.banks = ["%d" % b for b in range(1, 60)] + ["%d" % rng.randrange(100, 9999) for _ in range(400)] + \
                     ["%d" % rng.randrange(10000, 400000) for _ in range(300)]
        self.cum = []
        acc = 0
        for c in CURRENCIES:
            acc += c[3]
            self.cum.append(acc)
        self.by_currency = {}

    # --- accounts -------------------------------------------------------------------------
    def new_account(self, currency=None):
        rng = self.rng
        while True:
            ident = "8%08X" % rng.randrange(0, 0xFFFFFFFF)
            if ident not in self.seen_ids:
                break
        self.seen_ids.add(ident)
        if currency is None:
            currency = bisect.bisect_left(self.cum, rng.random() * self.cum[-1])
        self.accounts.append((rng.choice(self.banks), ident, currency))
        a = len(self.accounts) - 1
        self.by_currency.setdefault(currency, []).append(a)
        return a

    def cur(self, a):
        return self.accounts[a][2]

    def local(self, pool, a, p=0.9):
        """A member of `pool`, in a's currency with probability p when there is one."""
        rng = self.rng
        if rng.random() < p:
            same = self.pool_by_cur.get(id(pool), {}).get(self.cur(a))
            if same:
                return rng.choice(same)
        return rng.choice(pool)

    def index_pool(self, pool):
        d = {}
        for a in pool:
            d.setdefault(self.cur(a), []).append(a)
        self.pool_by_cur[id(pool)] = d

    # --- rows ------------------------------------------------------------------------------
    def pay(self, t, a, b, usd, fmt=None, label=0, kind="", instance=0, own=None):
        """a pays b `usd` US dollars' worth in a's currency (or `own` units of it)."""
        rng = self.rng
        ca, cb = self.cur(a), self.cur(b)
        paid = own if own is not None else usd / CURRENCIES[ca][2]
        paid = round(max(paid, 0.01), 2)
        if ca != cb and rng.random() < 0.5:
            received = (round(paid * CURRENCIES[ca][2] / CURRENCIES[cb][2] * rng.uniform(0.995, 1.005), 2), cb)
        else:
            received = (paid, ca)
        if fmt is None:
            fmt = rng.choice(BG_FORMATS)
        if t < 0 or t >= SPAN:  # before or after the two months: not in the file
            return
        t = int(t)
        self.rows.append((t - t % 60, a, b, (paid, ca), received, fmt, label, kind, instance))

    def own(self, a, amount):
        """A round amount in a's currency: as is in a strong currency, else its USD worth."""
        code = CURRENCIES[self.cur(a)][1]
        return float(amount) if code in THRESHOLD_OWN else round(amount / CURRENCIES[self.cur(a)][2], -1)

    def lognormal_usd(self, median, sigma):
        return median * math.exp(self.rng.gauss(0, sigma))

    # --- the world -------------------------------------------------------------------------
    def build(self):
        rng = self.rng
        n_acc = max(2000, self.rows_target // 8)
        self.pool_by_cur = {}
        persons = [self.new_account() for _ in range(int(n_acc * 0.92))]
        merchants = [self.new_account() for _ in range(max(20, int(n_acc * 0.012)))]
        businesses = [self.new_account() for _ in range(max(30, int(n_acc * 0.03)))]
        employers = [self.new_account() for _ in range(max(8, int(n_acc * 0.006)))]
        landlords = [self.new_account() for _ in range(max(10, int(n_acc * 0.008)))]
        utilities = [self.new_account(c) for c in range(min(12, len(CURRENCIES)))]
        lenders = [self.new_account(c) for c in range(min(14, len(CURRENCIES)))]
        processors = [self.new_account(c) for c in (0, 0, 1, 1, 2, 0)]
        for pool in (persons, merchants, businesses, landlords, utilities, lenders):
            self.index_pool(pool)
        self.persons, self.businesses = persons, businesses
        popularity = [1.0 / (i + 1) ** 0.8 for i in range(len(merchants))]
        merchant_cum = []
        acc = 0
        for w in popularity:
            acc += w
            merchant_cum.append(acc)

        def merchant():
            return merchants[bisect.bisect_left(merchant_cum, rng.random() * merchant_cum[-1])]

        inst = [0]

        def next_instance():
            inst[0] += 1
            return inst[0]

        # Payroll every two weeks; 40 % of employers funded by a treasury transfer before.
        employed = set()
        for e in employers:
            n = min(150, max(5, int(rng.lognormvariate(3.0, 0.8))))
            staff = [self.local(persons, e) for _ in range(n)]
            employed.update(staff)
            salary = {s: self.lognormal_usd(2500, 0.4) for s in staff}
            first = rng.randrange(0, 7) * DAY + 6 * HOUR
            parent = rng.choice(businesses) if rng.random() < 0.4 else None
            i = next_instance()
            for payday in range(first, SPAN, 14 * DAY):
                if payday >= SPAN:
                    continue
                total = 0
                for s in staff:
                    amount = salary[s] * rng.uniform(0.98, 1.02)
                    total += amount
                    self.pay(payday + rng.randrange(0, 3 * HOUR), e, s, amount, "ACH", 0, "payroll", i)
                if parent is not None:
                    self.pay(payday - rng.randrange(6 * HOUR, 2 * DAY), parent, e, total * rng.uniform(1.0, 1.1), "Wire",
                             0, "treasury", i)
                else:
                    for _ in range(rng.randrange(2, 6)):
                        self.pay(payday - rng.randrange(1 * DAY, 12 * DAY), rng.choice(businesses), e,
                                 total / 3 * rng.uniform(0.5, 1.5), "Wire", 0, "revenue", i)

        # Rent on the first days of each month; the landlord's mortgage a week later. Some
        # rents equal an advertised price.
        rents = [800, 900, 1000, 1100, 1200, 1500, 1800, 2000, 2500, 3000]
        tenants_all = persons[:]
        rng.shuffle(tenants_all)
        pos = 0
        for l in landlords:
            n = rng.randrange(3, 31)
            tenants = tenants_all[pos:pos + n]
            pos += n
            rent = {tt: rng.choice(rents) for tt in tenants}
            i = next_instance()
            loans = [self.local(lenders, l) for _ in range(rng.randrange(1, 4))]
            monthly = sum(rent[tt] * CURRENCIES[self.cur(tt)][2] for tt in tenants) * rng.uniform(0.6, 0.9) / len(loans)
            instalment = {loan: monthly * rng.uniform(0.7, 1.3) for loan in loans}  # the same every month
            for month_start in (0, 30 * DAY):
                for tt in tenants:
                    self.pay(month_start + rng.randrange(0, 5 * DAY), tt, l, 0, "ACH", 0, "rent", i,
                             own=self.own(tt, rent[tt]))
                for loan in loans:
                    self.pay(month_start + rng.randrange(5 * DAY, 11 * DAY), l, loan, instalment[loan], "ACH", 0,
                             "mortgage", i)

        # Utility bills: 30 % of persons, once a month, similar amounts.
        for p in persons:
            if rng.random() < 0.3:
                u = self.local(utilities, p, 0.95)
                bill = self.lognormal_usd(90, 0.5)
                for month_start in (0, 30 * DAY):
                    self.pay(month_start + rng.randrange(8 * DAY, 20 * DAY), p, u, bill * rng.uniform(0.9, 1.1), "ACH", 0,
                             "bill", 0)

        # A payment service: customers pay it, it pays the merchant the same less 1-2 %
        # within hours.
        for proc in processors:
            i = next_instance()
            for _ in range(max(50, self.rows_target // 2000)):
                t = rng.randrange(0, SPAN - DAY)
                c = self.local(persons, proc, 1.0)
                m = merchant()
                amount = self.lognormal_usd(120, 1.0)
                self.pay(t, c, proc, amount, "Credit Card", 0, "processor", i)
                self.pay(t + rng.randrange(10 * 60, 6 * HOUR), proc, m, amount * rng.uniform(0.98, 0.99), "ACH", 0,
                         "processor", i)

        # Savings clubs: members deposit the same amount weekly; each week one member gets the pot.
        for _ in range(max(3, n_acc // 5000)):
            organiser = rng.choice(persons)
            members = [self.local(persons, organiser) for _ in range(rng.randrange(6, 13))]
            dues = rng.choice([50, 100, 200, 500])
            i = next_instance()
            for week in range(8):
                base = week * 7 * DAY + rng.randrange(0, DAY)
                for m in members:
                    self.pay(base + rng.randrange(0, 2 * DAY), m, organiser, dues, "ACH", 0, "tontine", i,
                             own=self.own(m, dues))
                self.pay(base + 3 * DAY, organiser, members[week % len(members)], dues * len(members), "ACH", 0,
                         "tontine", i, own=self.own(organiser, dues * len(members)))

        # Repaid loans between friends and savings round trips: two-account round trips.
        for _ in range(max(20, self.rows_target // 500)):
            a, b = rng.choice(persons), rng.choice(persons)
            amount = round(self.lognormal_usd(500, 1.0), -1)
            t = rng.randrange(0, SPAN - 20 * DAY)
            i = next_instance()
            self.pay(t, a, b, amount, "Wire", 0, "loan", i)
            self.pay(t + rng.randrange(3 * DAY, 20 * DAY), b, a, amount, "Wire", 0, "loan", i)
        for _ in range(max(10, self.rows_target // 1000)):
            a = rng.choice(persons)
            s = self.new_account(self.cur(a))
            amount = self.lognormal_usd(2000, 1.0)
            t = rng.randrange(0, SPAN - 10 * DAY)
            i = next_instance()
            self.pay(t, a, s, amount, "ACH", 0, "savings", i)
            self.pay(t + rng.randrange(HOUR, 10 * DAY), s, a, amount * rng.uniform(0.98, 1.0), "ACH", 0, "savings", i)

        # Bill-splitting triangles: A pays B, B pays C, C pays A, unrelated amounts.
        for _ in range(max(10, self.rows_target // 2000)):
            a, b, c = rng.choice(persons), rng.choice(persons), rng.choice(persons)
            t = rng.randrange(0, SPAN - 10 * DAY)
            i = next_instance()
            for (x, y) in ((a, b), (b, c), (c, a)):
                t += rng.randrange(HOUR, 3 * DAY)
                self.pay(t, x, y, self.lognormal_usd(60, 0.8), "Wire", 0, "split_cycle", i)

        # Invoices spread around 10,000 (7,000-13,000), and one-off large purchases.
        for _ in range(max(5, n_acc // 2000)):
            b = rng.choice(businesses)
            i = next_instance()
            for _ in range(rng.randrange(6, 13)):
                ca = self.cur(b)
                own = rng.uniform(7000, 13000) if CURRENCIES[ca][1] in THRESHOLD_OWN else None
                self.pay(rng.randrange(0, SPAN), b, rng.choice(businesses), 10000 * rng.uniform(0.7, 1.3), "Wire", 0,
                         "invoice_band", i, own=own)
        for p in persons:
            if rng.random() < 0.01:
                self.pay(rng.randrange(0, SPAN), p, merchant(), self.lognormal_usd(6000, 0.6), "Cheque", 0,
                         "big_purchase", 0)

        # Refunds: a purchase and the same amount back a few days later.
        for _ in range(max(10, self.rows_target // 400)):
            p, m = rng.choice(persons), merchant()
            t = rng.randrange(0, SPAN - 4 * DAY)
            amount = self.lognormal_usd(80, 1.0)
            i = next_instance()
            self.pay(t, p, m, amount, "Credit Card", 0, "refund", i)
            self.pay(t + rng.randrange(HOUR, 4 * DAY), m, p, amount, "Credit Card", 0, "refund", i)

        # Businesses paying each other; merchants paying suppliers.
        traders = businesses + merchants
        for _ in range(int(self.rows_target * 0.05)):
            a = rng.choice(traders)
            self.pay(rng.randrange(0, SPAN), a, self.local(businesses, a), self.lognormal_usd(3000, 1.2),
                     rng.choice(["Wire", "ACH", "Cheque"]), 0, "", 0)

        # Laundering.
        self.launder(next_instance, persons, merchants)

        # Reinvestment (self) and friends, then card purchases fill the rest.
        owners = persons + businesses
        for _ in range(int(self.rows_target * 0.04)):
            a = rng.choice(owners)
            self.pay(rng.randrange(0, SPAN), a, a, self.lognormal_usd(300, 1.5), "Reinvestment", 0, "", 0)
        friends = {}
        for _ in range(int(self.rows_target * 0.08)):
            a = rng.choice(persons)
            fl = friends.get(a)
            if fl is None:
                fl = friends[a] = [self.local(persons, a) for _ in range(3)]
            self.pay(rng.randrange(0, SPAN), a, rng.choice(fl), self.lognormal_usd(150, 1.2),
                     rng.choice(["Wire", "ACH", "Cash"]), 0, "", 0)
        while len(self.rows) < self.rows_target:
            p = rng.choice(persons)
            self.pay(rng.randrange(0, SPAN), p, merchant(), self.lognormal_usd(40, 1.0),
                     rng.choice(["Credit Card", "Credit Card", "Credit Card", "Cash", "Cheque"]), 0, "", 0)

    # --- laundering ------------------------------------------------------------------------
    def launder(self, next_instance, persons, merchants):
        rng = self.rng
        k = max(3, self.rows_target // 70000)

        def mule():
            # Half are ordinary persons who also shop and get paid; half exist for laundering.
            if rng.random() < 0.5:
                return rng.choice(persons)
            a = self.new_account(rng.choice([0, 0, 0, 1, 1, 2]))
            for _ in range(rng.randrange(0, 4)):
                self.pay(rng.randrange(0, SPAN), a, rng.choice(merchants), self.lognormal_usd(40, 1.0), "Credit Card")
            return a

        def fmt():
            return "ACH" if rng.random() < 0.5 else rng.choice(BG_FORMATS + ["Bitcoin"])

        def start(room=8 * DAY):
            return rng.randrange(0, SPAN - room)

        def delay():
            return int(min(60 * HOUR, max(10 * 60, rng.lognormvariate(math.log(10 * HOUR), 0.9))))

        L = 1
        start_rows = len(self.rows)
        for _ in range(k):  # fan_out
            i, s, t = next_instance(), mule(), start()
            n = rng.randrange(4, 15)
            total = self.lognormal_usd(8000 * n / 4, 0.6)
            if rng.random() < 0.5:
                self.pay(t - rng.randrange(HOUR, 2 * DAY), mule(), s, total * 1.02, fmt(), L, "fan_out", i)
            for _ in range(n):
                self.pay(t + rng.randrange(0, rng.randrange(1, 5) * DAY), s, mule(), total / n * rng.lognormvariate(0, 0.15),
                         fmt(), L, "fan_out", i)
        for _ in range(k):  # fan_in
            i, d, t = next_instance(), mule(), start()
            n = rng.randrange(4, 15)
            base = self.lognormal_usd(5000, 0.6)
            for _ in range(n):
                self.pay(t + rng.randrange(0, rng.randrange(1, 5) * DAY), mule(), d, base * rng.lognormvariate(0, 0.3), fmt(),
                         L, "fan_in", i)
        for _ in range(k):  # scatter_gather
            i, s, target, t = next_instance(), mule(), mule(), start()
            base = self.lognormal_usd(6000, 0.6)
            for _ in range(rng.randrange(3, 9)):
                m = mule()
                t1 = t + rng.randrange(0, 2 * DAY)
                a = base * rng.lognormvariate(0, 0.2)
                self.pay(t1, s, m, a, fmt(), L, "scatter_gather", i)
                self.pay(t1 + delay(), m, target, a * rng.uniform(0.9, 0.99), fmt(), L, "scatter_gather", i)
        for _ in range(k):  # gather_scatter
            i, h, t = next_instance(), mule(), start()
            got, last = 0, t
            for _ in range(rng.randrange(3, 9)):
                a = self.lognormal_usd(6000, 0.5)
                t1 = t + rng.randrange(0, 3 * DAY)
                last = max(last, t1)
                self.pay(t1, mule(), h, a, fmt(), L, "gather_scatter", i)
                got += a
            m = rng.randrange(3, 9)
            out = got * rng.uniform(0.9, 0.98)
            for _ in range(m):
                self.pay(last + rng.randrange(HOUR, 3 * DAY), h, mule(), out / m * rng.lognormvariate(0, 0.1), fmt(), L,
                         "gather_scatter", i)
        for _ in range(k):  # cycle
            i, t = next_instance(), start()
            ring = [mule() for _ in range(rng.randrange(3, 9))]
            a = self.lognormal_usd(8000, 0.6)
            for j in range(len(ring)):
                self.pay(t, ring[j], ring[(j + 1) % len(ring)], a, fmt(), L, "cycle", i)
                t += delay()
                a *= rng.uniform(0.93, 0.99)
        for _ in range(k):  # bipartite
            i, t = next_instance(), start()
            src = [mule() for _ in range(rng.randrange(2, 5))]
            dst = [mule() for _ in range(rng.randrange(2, 5))]
            base = self.lognormal_usd(5000, 0.6)
            edges = {(a, b) for a in src for b in dst if rng.random() < 0.7}
            edges |= {(a, rng.choice(dst)) for a in src} | {(rng.choice(src), b) for b in dst}
            for (a, b) in sorted(edges):
                self.pay(t + rng.randrange(0, 3 * DAY), a, b, base * rng.lognormvariate(0, 0.2), fmt(), L, "bipartite", i)
        for _ in range(k):  # stack: two bipartite layers, the middle passing on what it got
            i, t = next_instance(), start()
            layers = [[mule() for _ in range(rng.randrange(2, 5))] for _ in range(3)]
            base = self.lognormal_usd(5000, 0.6)
            got = {m: (0, t) for m in layers[1]}
            edges = {(a, b) for a in layers[0] for b in layers[1] if rng.random() < 0.7}
            edges |= {(rng.choice(layers[0]), b) for b in layers[1]}
            for (a, b) in sorted(edges):
                t1 = t + rng.randrange(0, 2 * DAY)
                amount = base * rng.lognormvariate(0, 0.2)
                self.pay(t1, a, b, amount, fmt(), L, "stack", i)
                got[b] = (got[b][0] + amount, max(got[b][1], t1))
            for m in layers[1]:
                outs = [c for c in layers[2] if rng.random() < 0.7] or [rng.choice(layers[2])]
                amount, t1 = got[m]
                t1 += delay()
                for c in outs:
                    self.pay(t1 + rng.randrange(0, 2 * HOUR), m, c, amount * 0.95 / len(outs), fmt(), L, "stack", i)
        for _ in range(k):  # random walk
            i, t = next_instance(), start()
            group = [mule() for _ in range(rng.randrange(3, 7))]
            a = self.lognormal_usd(6000, 0.6)
            at = rng.choice(group)
            for _ in range(rng.randrange(4, 11)):
                nxt = rng.choice([g for g in group if g != at])
                self.pay(t, at, nxt, a, fmt(), L, "random", i)
                t += delay()
                a *= rng.uniform(0.9, 0.99)
                at = nxt
        for _ in range(k):  # structuring
            i, t = next_instance(), start(12 * DAY)
            if rng.random() < 0.5:
                s = mule()
                dests = [mule() for _ in range(rng.randrange(1, 4))]
                for _ in range(rng.randrange(4, 13)):
                    self.structured(t + rng.randrange(0, rng.randrange(3, 11) * DAY), s, rng.choice(dests), L, i)
            else:
                d = mule()
                for _ in range(rng.randrange(4, 11)):
                    self.structured(t + rng.randrange(0, rng.randrange(1, 7) * DAY), mule(), d, L, i)
        for _ in range(k):  # escrow
            i, t = next_instance(), rng.randrange(0, SPAN - 30 * DAY)
            h = mule()
            held, last = 0, t
            for _ in range(rng.randrange(6, 21)):
                price = rng.randrange(15, 51) * 100
                t1 = t + rng.randrange(0, rng.randrange(10, 26) * DAY)
                last = max(last, t1)
                p = mule()
                self.pay(t1, p, h, price, fmt(), L, "escrow", i)
                held += price
            t2 = last + rng.randrange(2 * DAY, 5 * DAY)
            out = held * rng.uniform(0.85, 0.95)
            bens = [mule() for _ in range(rng.randrange(1, 3))]
            parts = rng.randrange(1, 4)
            for j in range(parts):
                self.pay(t2 + rng.randrange(0, 20 * HOUR), h, bens[j % len(bens)], out / parts, "Wire", L, "escrow", i)
        for _ in range(k):  # collector: advertised prices, some as a deposit and the rest
            i, t = next_instance(), rng.randrange(0, SPAN - 27 * DAY)
            c = self.new_account(1)
            got = 0
            for _ in range(rng.randrange(6, 21)):
                fam = self.new_account(rng.choice([1, 1, 0, 11]))
                price, code = rng.choice(PRICES)
                usd = price * (1.08 if code == "EUR" else 1.0)
                t1 = t + rng.randrange(0, rng.randrange(5, 21) * DAY)
                if rng.random() < 0.3:
                    dep = rng.choice([500, 1000])
                    self.collect(t1, fam, c, dep, code, L, i)
                    self.collect(t1 + rng.randrange(5 * DAY, 15 * DAY), fam, c, price - dep, code, L, i)
                else:
                    self.collect(t1, fam, c, price, code, L, i)
                got += usd
            boss = mule()
            for _ in range(rng.randrange(2, 5)):
                self.pay(t + rng.randrange(20 * DAY, 27 * DAY), c, boss, got * 0.9 / 3, "Wire", L, "collector", i)
        launder_rows = len(self.rows) - start_rows
        for _ in range(max(1, launder_rows // 12)):  # loose transfers in no pattern
            self.pay(rng.randrange(0, SPAN), mule(), mule(), self.lognormal_usd(4000, 1.0), fmt(), L, "loose",
                     next_instance())

    def structured(self, t, a, b, label, instance):
        rng = self.rng
        ca = self.cur(a)
        threshold = 10000.0 if CURRENCIES[ca][1] in THRESHOLD_OWN else 10000.0 / CURRENCIES[ca][2]
        self.pay(t, a, b, 0, rng.choice(["Cash", "Cash", "ACH", "Wire"]), label, "structuring", instance,
                 own=threshold * rng.uniform(0.86, 0.995))

    def collect(self, t, fam, c, amount, code, label, instance):
        """The family pays `amount` `code`; the collector (EUR) receives it in its currency."""
        rng = self.rng
        cf = self.cur(fam)
        usd = amount * (1.08 if code == "EUR" else 1.0)
        if CURRENCIES[cf][1] == code:
            paid = (float(amount), cf)
        else:
            paid = (round(usd / CURRENCIES[cf][2], 2), cf)
        cc = self.cur(c)
        received = (float(amount), cc) if CURRENCIES[cc][1] == code else (round(usd / CURRENCIES[cc][2], 2), cc)
        if t < 0 or t >= SPAN:
            return
        t = int(t)
        self.rows.append((t - t % 60, fam, c, paid, received, rng.choice(["Wire", "ACH"]), label, "collector", instance))

    # --- output ----------------------------------------------------------------------------
    def write(self, out_path):
        self.rows.sort(key=lambda r: r[0])
        day_names = []
        import time
        for d in range(DAYS + 1):
            day_names.append(time.strftime("%Y/%m/%d", time.gmtime(START + d * DAY)))
        laundering = 0
        stem = out_path[:-4] if out_path.endswith(".csv") else out_path
        with open(out_path, "w", encoding="utf-8", newline="") as f, \
                open(stem + ".truth.csv", "w", encoding="utf-8", newline="") as tf:
            f.write("Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,"
                    "Payment Currency,Payment Format,Is Laundering\n")
            tf.write("row,label,kind,instance\n")
            out, tout = [], []
            for n, (t, a, b, paid, received, fmt, label, kind, instance) in enumerate(self.rows, 1):
                m = t // 60
                stamp = "%s %02d:%02d" % (day_names[m // 1440], (m // 60) % 24, m % 60)
                fa, fb = self.accounts[a], self.accounts[b]
                out.append("%s,%s,%s,%s,%s,%.2f,%s,%.2f,%s,%s,%d\n" % (
                    stamp, fa[0], fa[1], fb[0], fb[1], received[0], CURRENCIES[received[1]][0], paid[0],
                    CURRENCIES[paid[1]][0], fmt, label))
                laundering += label
                if kind:
                    tout.append("%d,%d,%s,%d\n" % (n, label, kind, instance))
                if len(out) >= 20000:
                    f.write("".join(out))
                    out.clear()
            f.write("".join(out))
            tf.write("".join(tout))
        with open(stem + ".prices.txt", "w", encoding="utf-8") as pf:
            for amount, code in PRICES:
                pf.write("%d %s\n" % (amount, code))
        return len(self.rows), laundering


def main():
    args = sys.argv[1:]
    seed = 2026
    if "--seed" in args:
        k = args.index("--seed")
        seed = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 2:
        sys.exit("usage: money_corpus.py OUT.csv ROWS [--seed N]")
    c = Corpus(int(args[1]), seed)
    c.build()
    rows, laundering = c.write(args[0])
    print("%s: %d rows, %d laundering (%.3f %%), %d accounts" % (args[0], rows, laundering, 100.0 * laundering / rows,
                                                                len(c.accounts)))


if __name__ == "__main__":
    main()
