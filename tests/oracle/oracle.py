#!/usr/bin/env python3
"""Independent re-implementation of SPEC §6 (the oracle) and a random call generator.

    python3 oracle.py run N [START]     # differential test of seeds START..START+N-1
    python3 oracle.py gen SEED DIR      # write the call of SEED into DIR
    python3 oracle.py check SEED        # run one seed, print the differences

Standard library only; all arithmetic on integers and fractions.Fraction.
The generator builds the call as Python objects, writes YAML for kcity, and the oracle
evaluates the same objects (no YAML reader needed).
"""
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from fractions import Fraction as F

KCITY = os.environ.get("KCITY", "build/kcity")

# --------------------------------------------------------------------------------------------
# values


class TimeVal:
    """A date (`kind == 'date'`) or a date-time (`kind == 'dt'`, aware)."""

    def __init__(self, text, kind, value):
        self.text, self.kind, self.value = text, kind, value

    def __repr__(self):
        return "TimeVal(%s)" % self.text


def tz_of(text):
    sign = 1 if text[0] == "+" else -1
    return timezone(sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6])))


def make_time(text, prog_tz):
    """Parse the subset of §3 dates the generator writes."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text)
    if m:
        return TimeVal(text, "date", date(int(m[1]), int(m[2]), int(m[3])))
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(Z|[+-]\d\d:\d\d)?", text)
    assert m, text
    off = m[7]
    if off is None:
        tz = prog_tz
    elif off == "Z":
        tz = timezone.utc
    else:
        tz = tz_of(off)
    dt = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0), tzinfo=tz)
    return TimeVal(text, "dt", dt)


def time_cmp(a, b, prog_tz):
    """§3 comparisons: a plain date on either side compares calendar dates in the programme tz."""
    if a.kind == "date" or b.kind == "date":
        da = a.value if a.kind == "date" else a.value.astimezone(prog_tz).date()
        db = b.value if b.kind == "date" else b.value.astimezone(prog_tz).date()
        return (da > db) - (da < db)
    return (a.value > b.value) - (a.value < b.value)


def time_order_key(a, prog_tz):
    """§3 ordering: a plain date is 00:00 of its day in the programme tz."""
    if a.kind == "date":
        return datetime(a.value.year, a.value.month, a.value.day, tzinfo=prog_tz)
    return a.value


def round_half_away(x, places):
    q = F(x) * (10 ** places)
    a = abs(q)
    n = (2 * a.numerator + a.denominator) // (2 * a.denominator)
    if q < 0:
        n = -n
    return F(n, 10 ** places)


def fixed(x, places):
    """x (already rounded to `places`) written with exactly `places` decimals."""
    x = F(x)
    n = x * 10 ** places
    assert n.denominator == 1, (x, places)
    n = n.numerator
    sign = "-" if n < 0 else ""
    n = abs(n)
    if places == 0:
        return sign + str(n)
    s = str(n).rjust(places + 1, "0")
    return sign + s[:-places] + "." + s[-places:]


def num_text(x):
    """A number for YAML: shortest plain decimal (27, 24.5, 0.25)."""
    x = F(x)
    if x.denominator == 1:
        return str(x.numerator)
    for p in range(1, 7):
        if (x * 10 ** p).denominator == 1:
            return fixed(x, p)
    raise ValueError(x)


class NumText(F):
    """A number with the text it is written as."""

    def __new__(cls, v, text):
        o = F.__new__(cls, v)
        o.text = text
        return o


class Money(int):
    """An amount of won, with the text it is written as."""

    def __new__(cls, v, text=None):
        o = int.__new__(cls, v)
        o.text = text
        return o


def money_text(v, rng):
    v = int(v)
    r = rng.random()
    if r < 0.55:
        return None  # plain integer
    if r < 0.7:
        return "{:,}".format(v)
    if r < 0.8:
        return "{:_}".format(v) if rng.random() < 0.5 else "{:,}원".format(v)
    # unit forms
    if rng.random() < 0.6:
        t = unit_money(v, rng)
        if t is not None:
            return t
    if v % 10 ** 7 == 0 and v > 0:
        eok, rest = divmod(v, 10 ** 8)
        chon = rest // 10 ** 7
        if eok and rng.random() < 0.3 and chon:
            return "%s억" % num_text(F(v, 10 ** 8))
        parts = []
        if eok:
            parts.append("%d억" % eok)
        if chon:
            parts.append("%d천만" % chon)
        return " ".join(parts) + ("원" if rng.random() < 0.5 else "")
    if v % 10 ** 4 == 0:
        return "{:,}만원".format(v // 10 ** 4)
    return None


UNITS = [("억", 10 ** 8), ("천만", 10 ** 7), ("백만", 10 ** 6), ("만", 10 ** 4)]


def group3(n, rng):
    return "{:,}".format(n) if rng.random() < 0.5 else str(n)


def unit_money(v, rng):
    """v written as NUMBER UNIT terms (SPEC §3), or None."""
    if v < 10 ** 4:
        return None
    r = v
    terms = []
    for name, u in UNITS:
        if r == 0:
            break
        if r < u and not (not terms and rng.random() < 0.2):
            continue
        must = name == "만" and r >= 10 ** 4
        if not must and rng.random() < 0.3:
            continue
        q = F(r, u)
        if (q.denominator in (1, 2, 4, 5, 10, 20, 25, 50, 100)) and (rng.random() < 0.4 or r < u):
            if q < 1 and terms:
                continue
            ip = q.numerator // q.denominator
            frac = num_text(q - ip)[1:] if q != ip else ""
            terms.append(group3(ip, rng) + frac + name)
            r = 0
            break
        n = r // u
        if n == 0:
            continue
        terms.append(group3(n, rng) + name)
        r -= n * u
    if r:
        if r >= 10 ** 4:
            return None
        terms.append(group3(r, rng))
    if not terms:
        return None
    return (" " if rng.random() < 0.6 else "").join(terms) + ("원" if rng.random() < 0.5 else "")


# --------------------------------------------------------------------------------------------
# YAML writer (block style, what kcity reads)

PLAIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9._\-]*(:[a-z]+)?|\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:\d\d)?)?")
RESERVED_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "True", "False",
                  "TRUE", "FALSE", "Null", "NULL", "NO", "No", "Yes", "YES", "On", "ON", "Off", "OFF"}


class RawNum(str):
    """A number written exactly as this text."""


def scalar(v):
    if isinstance(v, RawNum):
        return str(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, NumText):
        return v.text
    if isinstance(v, Money):
        if v.text is None:
            return str(int(v))
        return json.dumps(v.text, ensure_ascii=False)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, F):
        return num_text(v)
    if isinstance(v, TimeVal):
        return v.text
    if isinstance(v, str):
        if PLAIN_RE.fullmatch(v) and v not in RESERVED_WORDS:
            return v
        return json.dumps(v, ensure_ascii=False)
    raise TypeError(v)


def emit(v, indent=0):
    """Lines of a block node; a scalar/empty collection returns a one-element list of its text."""
    pad = " " * indent
    if isinstance(v, dict):
        if not v:
            return ["{}"]
        out = []
        for k, x in v.items():
            if k.startswith("_"):
                continue
            if isinstance(x, (dict, list)) and x:
                out.append(pad + "%s:" % k)
                if isinstance(x, list):
                    out.extend(emit(x, indent + 2))
                else:
                    out.extend(emit(x, indent + 2))
            else:
                out.append(pad + "%s: %s" % (k, emit(x)[0]))
        return out
    if isinstance(v, list):
        if not v:
            return ["[]"]
        out = []
        for x in v:
            if isinstance(x, (dict, list)) and x:
                sub = emit(x, indent + 2)
                first = sub[0][indent + 2:]
                out.append(pad + "- " + first)
                out.extend(sub[1:])
            else:
                out.append(pad + "- " + emit(x)[0])
        return out
    return [scalar(v)]


def flow(v):
    if isinstance(v, dict):
        return "{" + ", ".join("%s: %s" % (k, flow(x)) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    s = scalar(v)
    if isinstance(v, str) and not s.startswith('"') and ":" in s:
        s = json.dumps(v)
    return s


def dump(v):
    return "\n".join(emit(v)) + "\n"


# --------------------------------------------------------------------------------------------
# generator

COUNTRIES = ["VN", "ID", "PH", "TH", "KE", "UA", "MN"]
CITIES = {"VN": ["Hanoi", "Haiphong"], "ID": ["Jakarta", "Makassar"], "PH": ["Cebu", "Davao"],
          "TH": ["Chiang Mai"], "KE": ["Nairobi"], "UA": ["Uman", "Kyiv"], "MN": ["Darkhan"]}
TYPES = ["government", "public-body", "university", "company"]
CRIT_IDS = ["imp", "via", "feas", "cond", "mkt", "c-6"]


def q2(rng, lo, hi, step):
    """A random multiple of step in [lo, hi]."""
    a = -(-F(lo) // step) if lo > 0 else 0
    b = F(hi) // step
    if b < a:
        return F(lo)
    return rng.randint(int(a), int(b)) * F(step)


def gen_pred_leaf(rng, track, tz, has_history):
    c = rng.random()
    if c < 0.25:
        return {"field": "attributes.flag_a", "equals": rng.random() < 0.7}
    if c < 0.4:
        return {"field": "attributes.flag_b", "equals": rng.random() < 0.5}
    if c < 0.6:
        amt = rng.choice([5, 10, 15, 20, 30]) * 10 ** 7
        return {"field": "attributes.fund_krw", "at_least": Money(amt, money_text(amt, rng))}
    if c < 0.68:
        amt = rng.choice([25, 30, 35, 40]) * 10 ** 7
        return {"field": "requested_krw", rng.choice(["at_most", "at_least"]): Money(amt, money_text(amt, rng))}
    if c < 0.76:
        return {"field": "country", rng.choice(["in", "not_in"]): rng.sample(COUNTRIES, rng.randint(1, 3))}
    if c < 0.82:
        return {"field": rng.choice(["partner.country", "applicant.country", "attributes.flag_b", "attributes.fund_krw"]),
                "exists": rng.random() < 0.5}
    if c < 0.88:
        t = rng.choice(["2023-05-08", "2023-05-05T12:00", "2023-05-09T23:00:00Z", "2023-05-10 09:00"])
        return {"field": "submitted_at", rng.choice(["before", "after"]): make_time(t, tz)}
    if c < 0.93 and has_history:
        return {"field": rng.choice(["country", "city", "partner.country"]), "in_history": rng.random() < 0.6}
    if c < 0.97:
        return {"field": "attributes.size", rng.choice(["at_least", "at_most", "equals"]): F(rng.choice([3, 5, 7, 25]), rng.choice([1, 1, 2]))}
    c = rng.random()
    if c < 0.2:
        return {"field": "partner.country", rng.choice(["equals", "not_equals"]): "KR"}
    if c < 0.35:
        amt = rng.choice([30, 40, 35]) * 10 ** 7
        return {"field": "requested_krw", rng.choice(["equals", "not_equals"]): Money(amt, money_text(amt, rng))}
    if c < 0.5:
        amts = [Money(a, money_text(a, rng)) for a in rng.sample([1, 2, 3, 4, 5, 0], 3) for a in [a * 10 ** 8]]
        return {"field": rng.choice(["requested_krw", "attributes.fund_krw"]), rng.choice(["in", "not_in"]): amts}
    if c < 0.65:
        v = F(rng.choice([3, 5, 7, 25]), rng.choice([1, 2]))
        return {"field": "attributes.size", rng.choice(["equals", "not_equals"]): NumText(v, rng.choice([num_text(v), num_text(v) + ("" if v.denominator > 1 else ".0"), num_text(v) + ("0" if v.denominator > 1 else ".00")]))}
    if c < 0.72:
        return {"field": "attributes.size", rng.choice(["in", "not_in"]): [F(rng.choice([3, 5, 7, 25]), rng.choice([1, 2])) for _ in range(2)]}
    if c < 0.85:
        return {"field": "attributes.signed", rng.choice(["before", "after"]): make_time(rng.choice(["2023-04-01", "2023-03-15T12:00", "2023-04-01T00:00:00Z"]), tz)}
    if c < 0.92:
        return {"field": rng.choice(["attributes.flag_a", "attributes.flag_b"]), "not_equals": rng.random() < 0.5}
    if c < 0.96 and has_history:
        return {"field": "applicant.country", "in_history": rng.random() < 0.5}
    return {"field": rng.choice(["domain", "partner.type"]), "in": ["transport", "water", "university"]}


def gen_pred(rng, track, tz, has_history, depth=0):
    c = rng.random()
    if depth < 2 and c < 0.12:
        return {"not": gen_pred(rng, track, tz, has_history, depth + 1)}
    if depth < 2 and c < 0.22:
        return {rng.choice(["all", "any"]): [gen_pred(rng, track, tz, has_history, depth + 1)
                                             for _ in range(rng.randint(1, 3))]}
    return gen_pred_leaf(rng, track, tz, has_history)


def gen_track(rng, tid, tz, n_props, has_history):
    t = {"track": tid, "name": {"ko": "시험", "en": "Track " + tid}}
    r = rng.random()
    if rng.random() < 0.35:
        dd = rng.choice(["2023-05-31", "2023-12-31", "2024-02-29", "2024-02-28", "2023-02-28", "2023-03-01",
                         "2100-02-28", "2024-12-31", "2023-06-30"])
        t["_dl"] = date.fromisoformat(dd)
        if r < 0.6:
            t["deadline"] = make_time(dd, tz)
        else:
            t["deadline"] = make_time(near_time(rng, t["_dl"], False), tz)
    elif r < 0.7:
        t["deadline"] = make_time("2023-05-10", tz)
    elif r < 0.85:
        t["deadline"] = make_time("2023-05-10T18:00", tz)
    else:
        t["deadline"] = make_time(rng.choice(["2023-05-10T12:00:00Z", "2023-05-10T23:30:00+09:00"]), tz)
    amin = rng.choice([1, 2, 3]) * 10 ** 8
    amax = amin + rng.choice([0, 1, 2, 3]) * 10 ** 8
    award = {"min_krw": Money(amin, money_text(amin, rng)), "max_krw": Money(amax, money_text(amax, rng))}
    am = rng.choice([None, "cap", "reject"])
    if am:
        award["above_max"] = am
    t["award"] = award
    agg = rng.choice(["mean", "median", "trimmed-mean"])
    panel = {}
    if agg == "trimmed-mean":
        trim = rng.choice([1, 1, 2])
        mr = rng.randint(2 * trim + 1, 2 * trim + 2)
        panel = {"min_reviewers": mr, "aggregate": agg}
        if trim != 1 or rng.random() < 0.5:
            panel["trim"] = trim
    else:
        panel = {"min_reviewers": rng.randint(1, 4), "aggregate": agg}
    t["panel"] = panel
    crits = []
    for cid in rng.sample(CRIT_IDS, rng.randint(2, 4)):
        c = {"id": cid, "name": {"ko": "기준", "en": "Criterion " + cid}}
        mx = F(rng.choice([10, 20, 25, 30, 40, 35, 15, 5])) if rng.random() < 0.85 else F(rng.choice(["12.5", "7.5", "22.25"]))
        c["max"] = mx
        if rng.random() < 0.4:
            c["cutoff"] = q2(rng, mx * F(2, 10), mx * F(6, 10), rng.choice([1, F(1, 2), F(1, 100)]))
        if rng.random() < 0.4:
            c["weight"] = F(rng.choice(["1", "2", "0.5", "1.5", "0.25", "3", "1.25", "0.3333"]))
        crits.append(c)
    t["criteria"] = crits
    wsum = sum(c["max"] * c.get("weight", 1) for c in crits)
    if rng.random() < 0.4:
        t["threshold"] = q2(rng, wsum * F(4, 10), wsum * F(75, 100), rng.choice([1, F(1, 2), F(1, 100)]))
    if rng.random() < 0.8:
        t["rounding"] = rng.randint(0, 4)
    # eligibility
    el = []
    for i in range(rng.choice([0, 0, 0, 0, 1, 1, 2])):
        c = rng.random()
        if c < 0.6:
            req = {"field": "applicant.type", "in": rng.sample(TYPES, 3)}
        else:
            req = gen_pred(rng, t, tz, has_history)
        el.append({"id": "rule-%d" % i, "name": {"ko": "규칙", "en": "Rule %d" % i}, "require": req})
    if el:
        t["eligibility"] = el
    adj = []
    for i in range(rng.choice([0, 1, 2, 3, 4])):
        ptext = rng.choice(["2", "-1", "1.5", "-2", "0.5", "3", "-0.25", "1", "0.75", "-1.5", "1.50", "2.0", "-0.5", "0.05"])
        adj.append({"id": "adj-%d" % i, "name": {"ko": "가점", "en": "Adjustment %d" % i},
                    "when": gen_pred(rng, t, tz, has_history), "points": RawNum(ptext), "_points": F(ptext)})
    if adj:
        t["adjustments"] = adj
    if adj and rng.random() < 0.5:
        caps = {}
        r = rng.random()
        if r < 0.8:
            caps["bonus"] = F(rng.choice(["0", "1", "1.5", "2", "3"]))
        if r < 0.6 or r >= 0.8:
            caps["penalty"] = F(rng.choice(["0", "1", "0.5", "2", "3"]))
        t["adjustment_caps"] = caps
    # selection
    smin = rng.randint(0, 4)
    smax = rng.randint(max(smin, 1), smin + 4) if rng.random() < 0.8 else max(smin, 1)
    budget = max(smin * amin, rng.randint(1, 14) * 25 * 10 ** 7)
    if rng.random() < 0.2:
        budget = smin * amin + rng.choice([0, 5 * 10 ** 7])
    if budget == 0:
        budget = amin
    sel = {"min": smin, "max": smax, "budget_krw": Money(budget, money_text(budget, rng))}
    if rng.random() < 0.4:
        sel["max_per_country"] = rng.choice([1, 1, 2])
    method = "merit"
    if n_props <= 14 and rng.random() < 0.4:
        method = "optimal"
    if method == "optimal" or rng.random() < 0.5:
        sel["method"] = method
    bf = rng.choice([None, "skip", "stop", "reduce", "stop", "reduce"])
    if bf:
        sel["budget_fit"] = bf
    if rng.random() < 0.7:
        sel["reserve"] = rng.randint(0, 3)
    t["selection"] = sel
    keys = [c["id"] for c in crits] + ["base", "requested_krw", "submitted_at", "id"]
    if rng.random() < 0.8:
        tb = []
        for k in rng.sample(keys, rng.randint(0, min(4, len(keys)))):
            tb.append(k + rng.choice(["", "", "", ":asc", ":desc"]))
        t["tie_break"] = tb
    return t


def near_time(rng, d, allow_date=True):
    d = d + timedelta(days=rng.choice([-1, 0, 0, 0, 1]))
    if allow_date and rng.random() < 0.2:
        return d.isoformat()
    hm = rng.choice(["00:00", "00:30", "08:59", "09:00", "14:59", "15:00", "15:30", "23:59", "12:00", "19:00"])
    sec = rng.choice(["", "", ":00", ":59"])
    off = rng.choice(["", "", "Z", "+09:00", "-05:00", "+14:00", "-12:00", "+05:30", "-09:30", "+00:00"])
    return d.isoformat() + rng.choice(["T", "T", " "]) + hm + sec + off


SUBMIT_TIMES = ["2023-05-01", "2023-05-03T10:00:00+09:00", "2023-05-09T16:20:00", "2023-05-10",
                "2023-05-10T23:59:00+09:00", "2023-05-10T15:30:00Z", "2023-05-10T08:00:00Z",
                "2023-05-10 12:00", "2023-05-11", "2023-05-02T00:00", "2023-05-01T00:00:00+09:00",
                "2023-04-30T15:00:00Z", "2023-05-10T18:00", "2023-05-10T17:59:59", "2023-05-10T09:00:00Z",
                "2023-05-10T23:00:00-05:00", "2023-05-08T12:00", "2023-05-05T12:00", "2023-05-09T23:00:00Z"]


def gen_proposal(rng, pid, t, tz, step, reviewers_pool, copy_from=None):
    country = rng.choice(COUNTRIES[:rng.choice([3, 5, 7])])
    p = {"id": pid, "track": t["track"], "title": "Project " + pid, "country": country,
         "city": rng.choice(CITIES[country])}
    ap = {"name": "Applicant " + pid, "type": rng.choice(TYPES)}
    if rng.random() < 0.5:
        ap["country"] = rng.choice(["KR", country])
    p["applicant"] = ap
    if rng.random() < 0.5:
        part = {"name": "Partner " + pid, "type": rng.choice(TYPES)}
        if rng.random() < 0.8:
            part["country"] = rng.choice(["KR", country, "TH"])
        p["partner"] = part
    amin, amax = int(t["award"]["min_krw"]), int(t["award"]["max_krw"])
    r = rng.random()
    if r < 0.1:
        req = amin
    elif r < 0.2:
        req = amax
    elif r < 0.23:
        req = amin - 1
    elif r < 0.28:
        req = amax + 1
    elif r < 0.4:
        req = max(10 ** 7, rng.randint(amin // 10 ** 7 - 8, amax // 10 ** 7 + 8) * 10 ** 7)
    else:
        req = rng.randint(amin // 10 ** 7, amax // 10 ** 7 + 2) * 10 ** 7
    if rng.random() < 0.1:
        req += rng.randint(1, 99) * 10 ** 4
    if rng.random() < 0.05:
        req += rng.randint(1, 9999)
    p["requested_krw"] = Money(req, money_text(req, rng))
    if "_dl" in t:
        p["submitted_at"] = make_time(near_time(rng, t["_dl"]) if rng.random() < 0.7 else (t["_dl"] - timedelta(days=rng.randint(1, 40))).isoformat(), tz)
    else:
        p["submitted_at"] = make_time(rng.choice(SUBMIT_TIMES) if rng.random() < 0.3 else rng.choice(SUBMIT_TIMES[:3]), tz)
    if rng.random() < 0.3:
        p["domain"] = rng.choice(["transport", "water", "energy"])
    attrs = {}
    if rng.random() < 0.8:
        attrs["flag_a"] = rng.random() < 0.5
    if rng.random() < 0.6:
        attrs["flag_b"] = rng.random() < 0.5
    if rng.random() < 0.7:
        v = rng.randint(0, 30) * 10 ** 7
        attrs["fund_krw"] = Money(v, money_text(v, rng))
    if rng.random() < 0.5:
        attrs["size"] = F(rng.randint(1, 40), rng.choice([1, 2, 4]))
    if rng.random() < 0.5:
        attrs["signed"] = make_time(rng.choice(["2023-04-01", "2023-03-31", "2023-04-01T08:00", "2023-03-31T20:00:00Z", "2023-04-02"]), tz)
    if attrs or rng.random() < 0.5:
        p["attributes"] = attrs
    # reviews
    crits = t["criteria"]
    if copy_from is not None:
        p["reviews"] = [dict(reviewer=rv["reviewer"], scores=dict(rv["scores"])) for rv in copy_from.get("reviews", [])]
        if "conflicts" in copy_from:
            p["conflicts"] = list(copy_from["conflicts"])
        return p
    nrev = rng.choice([0, 1, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 8]) if rng.random() < 0.95 else 0
    mr = t["panel"]["min_reviewers"]
    if rng.random() < 0.75:
        nrev = max(nrev, mr + (1 if rng.random() < 0.3 else 0))
    revs = rng.sample(reviewers_pool, min(nrev, len(reviewers_pool)))
    quality = rng.randint(35, 100) if rng.random() < 0.93 else rng.randint(0, 8)
    spread = rng.choice([0, 1, 5, 15, 30])
    reviews = []
    for rv in revs:
        sc = {}
        for c in crits:
            units = int(c["max"] // step)
            centre = units * quality // 100
            d = max(1, units * spread // 100) if spread else 0
            u = min(units, max(0, centre + rng.randint(-d, d)))
            sc[c["id"]] = u * step
        order = list(sc.items())
        rng.shuffle(order)
        reviews.append({"reviewer": rv, "scores": dict(order)})
    if reviews or rng.random() < 0.5:
        p["reviews"] = reviews
    if reviews and rng.random() < 0.25:
        p["conflicts"] = rng.sample([rv["reviewer"] for rv in reviews], rng.randint(1, min(2, len(reviews))))
    if rng.random() < 0.08:  # a conflict declared for a reviewer who sent no review
        p.setdefault("conflicts", []).append("R99")
    return p


def gen_call(seed, mode="mixed"):
    if mode == "opt":
        return gen_opt_call(seed)
    if mode == "big":
        return gen_big_call(seed)
    rng = random.Random(seed)
    tzt = rng.choice([None, "+09:00", "+09:00", "+00:00", "-05:00", "+05:30", "-09:30", "+14:00", "-12:00"])
    tz = tz_of(tzt or "+09:00")
    ntracks = rng.choice([1, 1, 2])
    tids = rng.sample(["planning", "pilot", "t3"], ntracks)
    has_history = rng.random() < 0.4
    history = None
    if has_history:
        history = []
        for _ in range(rng.randint(1, 6)):
            c = rng.choice(COUNTRIES)
            e = {"year": rng.choice([2021, 2022, 2023, 2024]), "track": rng.choice(tids), "country": c}
            if rng.random() < 0.7:
                e["city"] = rng.choice(CITIES[c] + ["Hanoi"])
            history.append(e)
    tracks = {}
    nprops = {}
    for tid in tids:
        nprops[tid] = rng.choice([0, 1, 2, 3, 5, 8, 10, 12, 14, 18, 25]) if rng.random() < 0.9 else rng.randint(0, 25)
        tracks[tid] = gen_track(rng, tid, tz, nprops[tid], has_history)
    pbudget = sum(int(t["selection"]["budget_krw"]) for t in tracks.values()) + rng.choice([0, 0, 10 ** 8])
    program = {"program": "Test programme", "year": 2023}
    if tzt:
        program["timezone"] = tzt
    program["budget_krw"] = Money(pbudget, money_text(pbudget, rng))
    program["tracks"] = tids
    proposals = []
    numbers = list(range(1, 1 + sum(nprops.values())))
    rng.shuffle(numbers)
    k = 0
    for tid in tids:
        t = tracks[tid]
        step = rng.choice([F(1), F(1, 2), F(1, 4), F(1, 100), F(5)])
        pool = ["R%d" % i for i in range(1, rng.choice([6, 9, 12]) + 1)]
        if rng.random() < 0.3:
            pool += ["r2", "R_3", "R-4", "Rb", "R.5"]
        mine = []
        for _ in range(nprops[tid]):
            pid = rng.choice(["P%d", "P%d", "P%d", "p%d", "P-%d", "P_%d", "P.%d", "A%d", "P%d-b"]) % numbers[k]
            k += 1
            copy = rng.choice(mine) if mine and rng.random() < 0.15 else None
            mine.append(gen_proposal(rng, pid, t, tz, step, pool, copy))
        proposals.extend(mine)
    decisions = None
    if proposals and rng.random() < 0.5:
        decisions = {}
        if rng.random() < 0.7:
            decisions["withdrawn"] = [p["id"] for p in rng.sample(proposals, rng.randint(1, min(3, len(proposals))))]
        aw = {}
        for p in proposals:
            t = tracks[p["track"]]
            amin, amax = int(t["award"]["min_krw"]), int(t["award"]["max_krw"])
            req = int(p["requested_krw"])
            if req >= amin and rng.random() < 0.2:
                hi = min(req, amax)
                v = rng.choice([amin, hi, amin + rng.randint(0, (hi - amin) // 10 ** 7) * 10 ** 7])
                aw[p["id"]] = Money(v, money_text(v, rng))
        if aw:
            decisions["awards"] = aw
        if not decisions:
            decisions = None
    csv = rng.random() < 0.3
    if csv:
        for p in proposals:
            where = {}
            csvconf = set()
            conf = list(p.get("conflicts", []))
            for rv in p.get("reviews", []):
                where[rv["reviewer"]] = "csv" if rng.random() < 0.6 else "inline"
                if where[rv["reviewer"]] == "csv" and rv["reviewer"] in conf and rng.random() < 0.6:
                    conf.remove(rv["reviewer"])
                    csvconf.add(rv["reviewer"])
            if rng.random() < 0.15:
                have = {rv["reviewer"] for rv in p.get("reviews", [])}
                extra = [r for r in ["R1", "R2", "R3", "R7", "R11"] if r not in have]
                if extra:
                    x = rng.choice(extra)
                    p.setdefault("reviews", []).append({"reviewer": x, "scores": None})
                    where[x] = "csv"
                    csvconf.add(x)
            p["_where"], p["_csvconf"], p["_inline_conflicts"] = where, csvconf, conf
    return {"program": program, "tz": tz, "tracks": tracks, "history": history,
            "decisions": decisions, "proposals": proposals, "seed": seed, "csv": csv}


def count_sets(n, k):
    from math import comb
    return sum(comb(n, i) for i in range(k + 1))


def gen_opt_call(seed):
    """One track, method optimal (or merit with min = max), many candidates, ties, tight budget."""
    rng = random.Random(seed * 1000003 + 17)
    tz = tz_of("+09:00")
    amin = rng.choice([1, 2, 3]) * 10 ** 8
    amax = amin + rng.choice([1, 2, 3]) * 10 ** 8
    R = rng.choice([0, 0, 1, 2])
    t = {"track": "t", "name": "T", "deadline": make_time("2023-05-10", tz),
         "award": {"min_krw": amin, "max_krw": amax},
         "panel": {"min_reviewers": 1, "aggregate": "mean"},
         "criteria": [{"id": "a", "name": "A", "max": F(100)}, {"id": "b", "name": "B", "max": F(10)}],
         "rounding": R}
    adj = []
    if rng.random() < 0.5:
        adj.append({"id": "pen", "name": "Pen", "when": {"field": "attributes.flag_a", "equals": True},
                    "points": RawNum("-3"), "_points": F(-3)})
        adj.append({"id": "bon", "name": "Bon", "when": {"field": "attributes.flag_b", "equals": True},
                    "points": RawNum("0.5"), "_points": F(1, 2)})
        t["adjustments"] = adj
    n = rng.randint(8, 26)
    smin = rng.randint(0, 5)
    smax = rng.randint(max(smin, 1), smin + 3)
    while count_sets(n, smax) > 150000:
        n -= 1
    budget = max(smin * amin, rng.randint(smin * amin // 10 ** 7, smax * amax // 10 ** 7 + 10) * 10 ** 7, amin)
    method = "optimal" if rng.random() < 0.75 else "merit"
    sel = {"min": smin, "max": smax, "budget_krw": budget, "method": method}
    if method == "merit":
        sel["budget_fit"] = rng.choice(["skip", "stop", "reduce"])
    if rng.random() < 0.5:
        sel["max_per_country"] = rng.choice([1, 1, 2])
    sel["reserve"] = rng.randint(0, 3)
    t["selection"] = sel
    t["tie_break"] = rng.choice([[], ["b"], ["requested_krw"], ["b:asc", "requested_krw:desc"], ["id:desc"]])
    levels_a = rng.sample(range(0, 101), rng.randint(2, 6))
    levels_b = rng.sample(range(0, 11), rng.randint(1, 3))
    costs = sorted(rng.sample(range(amin // 10 ** 7, amax // 10 ** 7 + 1), rng.randint(1, 4)))
    props = []
    ncountries = rng.randint(2, 6)
    for i in range(n):
        a = F(rng.choice(levels_a))
        if rng.random() < 0.1:
            a = F(rng.choice([0, 1, 2]))
        p = {"id": "P%d" % (i + 1), "track": "t", "title": "x", "country": COUNTRIES[rng.randrange(ncountries)],
             "city": "X", "applicant": {"name": "x", "type": "government"},
             "requested_krw": Money(rng.choice(costs) * 10 ** 7 + (rng.randint(0, 3) * 10 ** 6 if rng.random() < 0.2 else 0)),
             "submitted_at": make_time("2023-05-01", tz),
             "attributes": {"flag_a": rng.random() < 0.15, "flag_b": rng.random() < 0.3},
             "reviews": [{"reviewer": "R1", "scores": {"a": a, "b": F(rng.choice(levels_b))}}]}
        if rng.random() < 0.3 and R > 0:
            p["reviews"].append({"reviewer": "R2", "scores": {"a": F(rng.choice(levels_a)), "b": F(rng.choice(levels_b))}})
        props.append(p)
    decisions = None
    if rng.random() < 0.3:
        decisions = {"withdrawn": [rng.choice(props)["id"]]}
        p = rng.choice(props)
        if int(p["requested_krw"]) >= amin:
            decisions["awards"] = {p["id"]: amin}
    program = {"program": "Opt", "year": 2023, "budget_krw": budget, "tracks": ["t"]}
    return {"program": program, "tz": tz, "tracks": {"t": t}, "history": None, "decisions": decisions,
            "proposals": props, "seed": seed, "csv": False}


def gen_big_call(seed):
    """Many proposals on one or two tracks (merit, or optimal with a small max)."""
    rng = random.Random(seed * 7919 + 3)
    call = None
    while call is None:
        c = gen_call(rng.randrange(10 ** 9))
        if c["tracks"]:
            call = c
    tz = call["tz"]
    base = list(call["proposals"])
    k = 0
    for tid, t in call["tracks"].items():
        sel = t["selection"]
        n = rng.randint(60, 300)
        if sel.get("method") == "optimal":
            sel["max"] = max(sel["min"], 1, min(sel["max"], 3))
            n = rng.randint(20, 60)
            while count_sets(n, sel["max"]) > 60000:
                n -= 5
        step = rng.choice([F(1), F(1, 2), F(5)])
        pool = ["R%d" % i for i in range(1, 10)]
        for _ in range(n):
            k += 1
            call["proposals"].append(gen_proposal(rng, "Q%d" % k, t, tz, step, pool))
    # decisions must still name existing proposals only: they do (old ids kept)
    return call


def write_call(call, d):
    rng = random.Random(call["seed"] * 7 + 1)
    os.makedirs(os.path.join(d, "rules"), exist_ok=True)
    os.makedirs(os.path.join(d, "proposals"), exist_ok=True)
    with open(os.path.join(d, "rules", "program.yaml"), "w") as f:
        f.write(dump(call["program"]))
    for tid, t in call["tracks"].items():
        with open(os.path.join(d, "rules", tid + ".yaml"), "w") as f:
            f.write(dump(t))
    if call["history"] is not None:
        with open(os.path.join(d, "rules", "history.yaml"), "w") as f:
            f.write("\n".join("- " + flow(e) for e in call["history"]) + "\n")
    if call["decisions"] is not None:
        with open(os.path.join(d, "rules", "decisions.yaml"), "w") as f:
            f.write(dump(call["decisions"]))
    files = {}
    rows = []
    for p in call["proposals"]:
        name = rng.choice(["a.yaml", "b.yaml", "sub/c.yaml", "d.yml"])
        q = dict(p)
        revs = []
        for rv in p.get("reviews", []):
            where = p.get("_where", {}).get(rv["reviewer"], "inline")
            if where == "csv":
                rows.append((p, rv))
                continue
            revs.append({"reviewer": rv["reviewer"],
                         "scores": {c: RawNum(score_text(x, rng)) for c, x in rv["scores"].items()}})
        if "reviews" in p:
            if revs or rng.random() < 0.5:
                q["reviews"] = revs
            else:
                del q["reviews"]
        if "_inline_conflicts" in p:
            if p["_inline_conflicts"]:
                q["conflicts"] = p["_inline_conflicts"]
            elif "conflicts" in q:
                del q["conflicts"]
        files.setdefault(name, []).append(q)
    if rows or (call.get("csv") and rng.random() < 0.3):
        write_csv(call, d, rows, rng)
    for name, ps in files.items():
        path = os.path.join(d, "proposals", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            for p in ps:
                f.write("---\n" + dump(p))


def score_text(x, rng):
    t = num_text(x)
    r = rng.random()
    if r < 0.1 and "." not in t:
        return t + rng.choice([".0", ".00"])
    if r < 0.15 and t.count(".") == 1 and len(t.split(".")[1]) == 1:
        return t + "0"
    return t


def csv_cell(text, rng):
    if rng.random() < 0.15 or "," in text or '"' in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(call, d, rows, rng):
    crits = []
    for t in call["tracks"].values():
        for c in t["criteria"]:
            if c["id"] not in crits:
                crits.append(c["id"])
    cols = ["proposal", "reviewer"] + crits
    if any(p["_csvconf"] for p, _ in rows) or rng.random() < 0.5:
        cols.append("conflict")
    head = cols[:2]
    rest = cols[2:]
    rng.shuffle(rest)
    cols = head + rest
    if rng.random() < 0.3:
        rng.shuffle(cols)
    nl = "\r\n" if rng.random() < 0.3 else "\n"
    lines = [",".join(csv_cell(c, rng) for c in cols)]
    rng.shuffle(rows)
    for p, rv in rows:
        conf = rv["reviewer"] in p["_csvconf"]
        cells = []
        for c in cols:
            if c == "proposal":
                v = p["id"]
            elif c == "reviewer":
                v = rv["reviewer"]
            elif c == "conflict":
                v = rng.choice(["yes", "YES", "true", "True"]) if conf else rng.choice(["", "", "no", "false", "No"])
            elif rv["scores"] is not None and c in rv["scores"] and not (conf and rng.random() < 0.5):
                v = score_text(rv["scores"][c], rng)
            else:
                v = ""
            cells.append(csv_cell(v, rng) if v else v)
        lines.append(",".join(cells))
        if rng.random() < 0.05:
            lines.append("")
    text = nl.join(lines) + nl
    if rng.random() < 0.2:
        text = "\ufeff" + text
    os.makedirs(os.path.join(d, "scores"), exist_ok=True)
    name = rng.choice(["panel.csv", "sub/panel.csv"])
    os.makedirs(os.path.dirname(os.path.join(d, "scores", name)), exist_ok=True)
    with open(os.path.join(d, "scores", name), "w", encoding="utf-8", newline="") as f:
        f.write(text)


# --------------------------------------------------------------------------------------------
# the oracle (SPEC §6)


def get_path(p, path):
    parts = path.split(".")
    v = p
    for part in parts:
        if not isinstance(v, dict) or part not in v:
            return None
        v = v[part]
    return v


def eval_pred(pred, p, call):
    tz = call["tz"]
    if "all" in pred:
        return all([eval_pred(x, p, call) for x in pred["all"]])
    if "any" in pred:
        return any([eval_pred(x, p, call) for x in pred["any"]])
    if "not" in pred:
        return not eval_pred(pred["not"], p, call)
    path = pred["field"]
    (op, val), = [(k, v) for k, v in pred.items() if k != "field"]
    v = get_path(p, path)
    if op == "exists":
        return (v is not None) == val
    if v is None:
        return False
    if op == "equals":
        return v == val
    if op == "not_equals":
        return v != val
    if op == "in":
        return v in val
    if op == "not_in":
        return v not in val
    if op == "at_least":
        return v >= val
    if op == "at_most":
        return v <= val
    if op == "before":
        return time_cmp(v, val, tz) < 0
    if op == "after":
        return time_cmp(v, val, tz) > 0
    if op == "in_history":
        key = path.split(".")[-1]
        found = False
        for e in call["history"] or []:
            if e["year"] >= call["program"]["year"]:
                continue
            if key == "city":
                if e.get("city") == v and e["country"] == p["country"]:
                    found = True
            elif e.get(key) == v:
                found = True
        return found == val
    raise ValueError(op)


def evaluate(call):
    tz = call["tz"]
    dec = call["decisions"] or {}
    withdrawn = set(dec.get("withdrawn", []))
    cawards = dec.get("awards", {})
    out = []
    for tid in call["program"]["tracks"]:
        if call.get("only_track") and tid != call["only_track"]:
            continue
        t = call["tracks"][tid]
        R = t.get("rounding", 2)
        crits = t["criteria"]
        amin, amax = int(t["award"]["min_krw"]), int(t["award"]["max_krw"])
        above = t["award"].get("above_max", "cap")
        panel = t["panel"]
        agg = panel["aggregate"]
        trim = panel.get("trim", 1)
        caps = t.get("adjustment_caps")
        res = {}
        for p in [p for p in call["proposals"] if p["track"] == tid]:
            r = {"id": p["id"], "status": None, "reasons": [], "adjustments": [], "reviews": None,
                 "rank": None, "score": None, "base": None, "criteria": None, "award_krw": None,
                 "country": p["country"], "p": p}
            res[p["id"]] = r
            req = int(p["requested_krw"])
            # 1. eligibility
            reasons = []
            if time_cmp(p["submitted_at"], t["deadline"], tz) > 0:
                reasons.append("deadline")
            if req < amin or (req > amax and above == "reject"):
                reasons.append("award-range")
            for rule in t.get("eligibility", []):
                if not eval_pred(rule["require"], p, call):
                    reasons.append(rule["id"])
            if reasons:
                r["status"], r["reasons"] = "ineligible", reasons
                continue
            r["adjustments"] = [a["id"] for a in t.get("adjustments", []) if eval_pred(a["when"], p, call)]
            # 2. panel
            conf = set(p.get("conflicts", [])) | p.get("_csvconf", set())
            revs = p.get("reviews", [])
            valid = [rv for rv in revs if rv["reviewer"] not in conf]
            # every reviewer excluded for a conflict, with or without a review (docs/decisions.md)
            excluded = sorted({rv["reviewer"] for rv in revs if rv["reviewer"] in conf}
                              | set(p.get("conflicts", [])))
            if len(valid) < panel["min_reviewers"]:
                r["status"], r["reasons"] = "unscored", ["panel-size"]
                r["reviews"] = {"used": sorted(rv["reviewer"] for rv in valid), "trimmed": [], "excluded": excluded}
                continue
            # 3. aggregation
            exact = {}
            trimmed = []
            used = valid
            if agg == "mean":
                for c in crits:
                    exact[c["id"]] = F(sum(rv["scores"][c["id"]] for rv in valid), len(valid))
            elif agg == "median":
                for c in crits:
                    xs = sorted(rv["scores"][c["id"]] for rv in valid)
                    n = len(xs)
                    exact[c["id"]] = F(xs[n // 2]) if n % 2 else (F(xs[n // 2 - 1]) + F(xs[n // 2])) / 2
            else:
                def total(rv):
                    return sum(F(c.get("weight", 1)) * rv["scores"][c["id"]] for c in crits)
                order = sorted(valid, key=lambda rv: (total(rv), rv["reviewer"].encode()))
                used = order[trim:len(order) - trim]
                trimmed = order[:trim] + order[len(order) - trim:]
                for c in crits:
                    exact[c["id"]] = F(sum(rv["scores"][c["id"]] for rv in used), len(used))
            r["reviews"] = {"used": sorted((rv["reviewer"] for rv in used), key=str.encode),
                            "trimmed": sorted((rv["reviewer"] for rv in trimmed), key=str.encode),
                            "excluded": excluded}
            crit_r = {cid: round_half_away(v, R) for cid, v in exact.items()}
            base = round_half_away(sum(F(c.get("weight", 1)) * exact[c["id"]] for c in crits), R)
            # 4. adjustments
            pts = [a["_points"] for a in t.get("adjustments", []) if a["id"] in r["adjustments"]]
            pos = sum(x for x in pts if x > 0)
            neg = sum(x for x in pts if x < 0)
            if caps is not None:
                if "bonus" in caps:
                    pos = min(pos, F(caps["bonus"]))
                if "penalty" in caps:
                    neg = max(neg, -F(caps["penalty"]))
            score = round_half_away(base + pos + neg, R)
            r["score"], r["base"], r["criteria"] = score, base, crit_r
            # 5. cut-offs
            reasons = []
            for c in crits:
                if "cutoff" in c and crit_r[c["id"]] < F(c["cutoff"]):
                    reasons.append("cutoff:" + c["id"])
            if "threshold" in t and base < F(t["threshold"]):
                reasons.append("threshold")
            if reasons:
                r["status"], r["reasons"] = "below-threshold", reasons
            elif p["id"] in withdrawn:
                r["status"], r["reasons"] = "withdrawn", ["withdrawn"]
            else:
                r["status"] = "candidate"
        # 6. ranking
        ranked = [r for r in res.values() if r["score"] is not None]

        def keyfn(r):
            k = [-r["score"]]
            for tb in t.get("tie_break", []):
                name, _, d = tb.partition(":")
                p = r["p"]
                if name == "base":
                    v, desc = r["base"], True
                elif name == "requested_krw":
                    v, desc = int(p["requested_krw"]), False
                elif name == "submitted_at":
                    v, desc = time_order_key(p["submitted_at"], tz), False
                elif name == "id":
                    v, desc = p["id"].encode(), False
                else:
                    v, desc = r["criteria"][name], True
                if d == "asc":
                    desc = False
                elif d == "desc":
                    desc = True
                k.append(Rev(v) if desc else v)
            k.append(r["id"].encode())
            return k
        ranked.sort(key=keyfn)
        for i, r in enumerate(ranked):
            r["rank"] = i + 1
        # 7. award
        for r in res.values():
            r["award"] = int(cawards[r["id"]]) if r["id"] in cawards else min(int(r["p"]["requested_krw"]), amax)
        # 8. selection
        sel = t["selection"]
        smin, smax, budget = sel["min"], sel["max"], int(sel["budget_krw"])
        mpc = sel.get("max_per_country")
        method = call.get("method_override") or sel.get("method", "merit")
        bfit = sel.get("budget_fit", "skip")
        cands = [r for r in ranked if r["status"] == "candidate"]
        selected = []
        if method == "merit":
            left = budget
            counts = {}
            stopped = False
            for r in cands:
                if stopped:
                    r["status"], r["reasons"] = "out", ["budget"]
                    continue
                if len(selected) >= smax:
                    r["status"], r["reasons"] = "out", ["quota"]
                    continue
                if mpc is not None and counts.get(r["country"], 0) >= mpc:
                    r["status"], r["reasons"] = "out", ["country-cap"]
                    continue
                aw = r["award"]
                if aw > left:
                    if bfit == "stop":
                        stopped = True
                        r["status"], r["reasons"] = "out", ["budget"]
                        continue
                    if bfit == "reduce" and left >= amin:
                        aw = left
                    else:
                        r["status"], r["reasons"] = "out", ["budget"]
                        continue
                r["status"], r["award_krw"] = "selected", aw
                left -= aw
                counts[r["country"]] = counts.get(r["country"], 0) + 1
                selected.append(r)
        else:
            best = optimal(cands, smin, smax, budget, mpc)
            for r in cands:
                if r in best:
                    r["status"], r["award_krw"] = "selected", r["award"]
                    selected.append(r)
                else:
                    r["status"], r["reasons"] = "out", ["optimal"]
        nres = sel.get("reserve", 0)
        for r in cands:
            if r["status"] == "out":
                r["status"] = "reserve" if nres > 0 else "not-selected"
                nres -= 1 if nres > 0 else 0
        # shortfall
        sreasons = []
        if len(selected) < smin:
            awards = sorted(r["award"] for r in cands)
            if len(cands) < smin:
                sreasons.append("candidates")
            # the min cheapest, or all of them when fewer (docs/decisions.md)
            if cands and sum(awards[:smin]) > budget:
                sreasons.append("budget")
            if mpc is not None:
                cc = {}
                for r in cands:
                    cc[r["country"]] = cc.get(r["country"], 0) + 1
                distinct = sum(min(v, mpc) for v in cc.values())
                # reading: the cap "applies" only when it removes someone (see README)
                if distinct < smin and (len(cands) >= smin or distinct < len(cands)):
                    sreasons.append("country-cap")
            if method == "merit" and feasible(cands, smin, smax, budget, mpc):
                sreasons.append("merit-order")
            if not sreasons:
                sreasons.append("budget+cap")
        order = ranked + sorted((r for r in res.values() if r["rank"] is None), key=lambda r: r["id"].encode())
        out.append({"track": tid, "method": method, "budget_krw": budget,
                    "awarded_krw": sum(r["award_krw"] for r in selected),
                    "min": smin, "max": smax, "selected": len(selected),
                    "shortfall": len(selected) < smin, "shortfall_reasons": sreasons,
                    "proposals": order, "rounding": R})
    return out


class Rev:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        return self.v > o.v

    def __gt__(self, o):
        return self.v < o.v

    def __eq__(self, o):
        return self.v == o.v


def feasible(cands, smin, smax, budget, mpc):
    """Is there a set of smin candidates within budget and max_per_country (and smax)?"""
    if smin > smax:
        return False
    total, n, cc = 0, 0, {}
    for r in sorted(cands, key=lambda r: r["award"]):
        if n == smin:
            break
        if mpc is not None and cc.get(r["country"], 0) >= mpc:
            continue
        cc[r["country"]] = cc.get(r["country"], 0) + 1
        total += r["award"]
        n += 1
    return n == smin and total <= budget


def optimal(cands, smin, smax, budget, mpc):
    """Exhaustive: every feasible set is visited once (DFS in rank order)."""
    n = len(cands)
    best = {"key": None, "set": []}
    chosen = []
    cc = {}

    def visit(i, cost, score):
        key = (min(len(chosen), smin), score, RankList([r["rank"] for r in chosen]))
        if best["key"] is None or key > best["key"]:
            best["key"], best["set"] = key, list(chosen)
        if len(chosen) == smax:
            return
        for j in range(i, n):
            r = cands[j]
            if cost + r["award"] > budget:
                continue
            c = r["country"]
            if mpc is not None and cc.get(c, 0) >= mpc:
                continue
            chosen.append(r)
            cc[c] = cc.get(c, 0) + 1
            visit(j + 1, cost + r["award"], score + r["score"])
            cc[c] -= 1
            chosen.pop()
    visit(0, 0, 0)
    return best["set"]


class RankList:
    """Better = first smaller rank wins; a prefix of the other wins."""

    def __init__(self, ranks):
        self.r = ranks

    def better(self, o):
        for a, b in zip(self.r, o.r):
            if a != b:
                return a < b
        return len(self.r) < len(o.r)

    def __gt__(self, o):
        return self.better(o)

    def __lt__(self, o):
        return o.better(self)

    def __eq__(self, o):
        return self.r == o.r


# --------------------------------------------------------------------------------------------
# comparison


class Raw(str):
    pass


def load_report(text):
    return json.loads(text, parse_float=Raw, parse_int=Raw)


def compare(call, expected, report):
    diffs = []
    tracks = report["tracks"]
    if not call.get("only_track") and int(report["inputs"]["proposals"]) != len(call["proposals"]):
        diffs.append("inputs.proposals: kcity %s, oracle %d" % (report["inputs"]["proposals"], len(call["proposals"])))
    if [t["track"] for t in tracks] != [t["track"] for t in expected]:
        return ["tracks: kcity %s, oracle %s" % ([t["track"] for t in tracks], [t["track"] for t in expected])]
    for et, kt in zip(expected, tracks):
        tid = et["track"]
        R = et["rounding"]
        for key in ("selected", "awarded_krw", "min", "max", "budget_krw"):
            if str(kt[key]) != str(et[key]):
                diffs.append("%s.%s: kcity %s, oracle %s" % (tid, key, kt[key], et[key]))
        if kt["method"] != et["method"]:
            diffs.append("%s.method: kcity %s, oracle %s" % (tid, kt["method"], et["method"]))
        if kt["shortfall"] != et["shortfall"]:
            diffs.append("%s.shortfall: kcity %s, oracle %s" % (tid, kt["shortfall"], et["shortfall"]))
        ksr = [x["code"] + ("+cap" if x["code"] == "budget" and "within the country cap" in x["message"] else "")
               for x in kt.get("shortfall_reasons", [])]
        if ksr != et["shortfall_reasons"]:
            diffs.append("%s.shortfall_reasons: kcity %s, oracle %s" % (tid, ksr, et["shortfall_reasons"]))
        kids = [p["id"] for p in kt["proposals"]]
        eids = [r["id"] for r in et["proposals"]]
        if kids != eids:
            diffs.append("%s order: kcity %s, oracle %s" % (tid, kids, eids))
        kp = {p["id"]: p for p in kt["proposals"]}
        adjs = {a["id"]: a for a in call["tracks"][tid].get("adjustments", [])}
        for r in et["proposals"]:
            k = kp.get(r["id"])
            if k is None:
                diffs.append("%s: missing in kcity" % r["id"])
                continue
            pid = r["id"]

            def d(what, kv, ev):
                if kv != ev:
                    diffs.append("%s %s: kcity %s, oracle %s" % (pid, what, kv, ev))
            d("status", k["status"], r["status"])
            d("rank", None if k["rank"] is None else int(k["rank"]), r["rank"])
            d("score", k["score"], None if r["score"] is None else fixed(r["score"], R))
            d("base", k["base"], None if r["base"] is None else fixed(r["base"], R))
            d("criteria", None if k["criteria"] is None else list(k["criteria"].items()),
              None if r["criteria"] is None else [(c, fixed(v, R)) for c, v in r["criteria"].items()])
            d("award_krw", None if k["award_krw"] is None else int(k["award_krw"]), r["award_krw"])
            d("reasons", [x["code"] for x in k["reasons"]], r["reasons"])
            # `exclusions` (given when a reviewer is excluded) says why: here, with no panel,
            # each excluded reviewer once, for a declared conflict.
            kr = None if k["reviews"] is None else dict(k["reviews"])
            if kr is not None:
                why = kr.pop("exclusions", [])
                d("exclusions", [(e["reviewer"], e["code"]) for e in why],
                  [(x, "conflict") for x in kr["excluded"]])
            d("reviews", kr, r["reviews"])
            d("adjustments", [(a["id"], str(a["points"])) for a in k["adjustments"]],
              [(a, str(adjs[a]["points"])) for a in r["adjustments"]])
    return diffs


def run_seed(seed, keep_dir=None, mode="mixed"):
    call = gen_call(seed, mode)
    d = keep_dir or tempfile.mkdtemp(prefix="kcity-oracle-")
    try:
        write_call(call, d)
        args = kcity_args(call, seed, d)
        call["args"] = args
        pr = subprocess.run(args, capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, LANG="C", NO_COLOR="1"))
        if not call["proposals"]:
            # SPEC §2: a run with no proposals is an error (an empty folder decides nothing),
            # not an empty report.
            if pr.returncode == 1 and "error: no proposals" in pr.stderr:
                return seed, "ok", []
            return seed, "diff", ["expected the error `no proposals`, got exit %d: %s"
                                  % (pr.returncode, pr.stderr.strip()[:2000])]
        if pr.returncode != 0:
            return seed, "error", [pr.stderr.strip()[:2000]]
        expected = evaluate(call)
        diffs = compare(call, expected, load_report(pr.stdout))
        return seed, ("ok" if not diffs else "diff"), diffs
    except Exception as e:  # oracle bug
        import traceback
        return seed, "crash", [traceback.format_exc()]
    finally:
        if keep_dir is None:
            shutil.rmtree(d, ignore_errors=True)


def kcity_args(call, seed, d):
    """The kcity command line for the call of seed: sometimes --method or --track, which it
    notes in the call for the oracle."""
    args = [KCITY, "score", d, "--format", "json"]
    orng = random.Random(seed * 31 + 5)
    if orng.random() < 0.12:
        m = orng.choice(["merit", "optimal"])
        ok = all(count_sets(sum(1 for p in call["proposals"] if p["track"] == tid), t["selection"]["max"]) <= 100000
                 for tid, t in call["tracks"].items())
        if m == "merit" or ok:
            call["method_override"] = m
            args += ["--method", m]
    if orng.random() < 0.1:
        call["only_track"] = orng.choice(call["program"]["tracks"])
        args += ["--track", call["only_track"]]
    return args


def gen_args(seed, d, mode):
    """The kcity command line run_seed uses for seed (for reproducing)."""
    return kcity_args(gen_call(seed, mode), seed, d)


def main(argv):
    if argv[1] in ("gen", "gen-opt"):
        call = gen_call(int(argv[2]), "opt" if argv[1] == "gen-opt" else "mixed")
        write_call(call, argv[3])
        return 0
    if argv[1] in ("check", "check-opt"):
        seed = int(argv[2])
        d = argv[3] if len(argv) > 3 else None
        if d:
            shutil.rmtree(d, ignore_errors=True)
        s, status, diffs = run_seed(seed, d, "opt" if argv[1] == "check-opt" else "mixed")
        print(seed, status)
        if d:
            print("args:", " ".join(gen_args(seed, d, "opt" if argv[1] == "check-opt" else "mixed")))
        for x in diffs:
            print("  ", x)
        return 0 if status == "ok" else 1
    if argv[1] in ("run", "run-opt", "run-big"):
        import functools
        mode = {"run-opt": "opt", "run-big": "big"}.get(argv[1], "mixed")
        n = int(argv[2])
        start = int(argv[3]) if len(argv) > 3 else 1
        from concurrent.futures import ProcessPoolExecutor
        counts = {}
        bad = []
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
            for seed, status, diffs in ex.map(functools.partial(run_seed, mode=mode), range(start, start + n), chunksize=8):
                counts[status] = counts.get(status, 0) + 1
                if status != "ok":
                    bad.append((seed, status, diffs))
        for seed, status, diffs in bad:
            print("seed %d: %s" % (seed, status))
            for x in diffs[:12]:
                print("    " + x.replace("\n", "\n    "))
        print("seeds %d..%d: %s" % (start, start + n - 1, counts))
        return 0 if len(bad) == 0 else 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
