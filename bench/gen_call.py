#!/usr/bin/env python3
"""Deterministic generator of synthetic K-City Network calls, in the style of examples/2023.

    python3 bench/gen_call.py OUTDIR --proposals N [--layout files|multidoc]
                              [--reviewers 7] [--seed 1] [--rules-src DIR]

Writes OUTDIR/rules/ (program.yaml, planning.yaml, pilot.yaml and history.yaml copied from
--rules-src, by default examples/2023/rules; decisions.yaml is left out because its ids
would not exist) and OUTDIR/proposals/ with N proposals split between the tracks of
program.yaml. Every proposal carries --reviewers inline reviews that score exactly its
track's criteria (ids and maxima read from the rules), within 0..max with at most two
decimals. Money, dates, countries and applicants use the forms of SPEC.md section 3; a
small share of proposals is deliberately ineligible (wrong applicant type, missing or
Korean partner, solution not commercialised, request below the award minimum), and all
are submitted on or before their track's deadline.

Layouts:
  files     one file per proposal, proposals/<track>/<NNN>/<id>.yaml, at most 1000 per folder
  multidoc  one file, proposals/all.yaml, with N YAML documents separated by ---

The output depends only on the arguments and the rules: the same command writes the same
bytes. The script needs only the Python standard library (PyYAML is used when present
to read the rules, else a small reader for the 2023 layout of the rules files).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
from fractions import Fraction
import sys
from pathlib import Path

MARKER = ".kcity-bench-call"  # names starting with "." are skipped by kcity
RULE_FILES = ("program.yaml", "planning.yaml", "pilot.yaml", "history.yaml")
FOLDER_MAX = 1000

# --------------------------------------------------------------------------------------
# Money (SPEC §3): the generator parses back every amount it writes, as a self-check.

UNITS = {"억": 10**8, "천만": 10**7, "백만": 10**6, "만": 10**4}
_TERM = re.compile(r"\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(억|천만|백만|만)?")


def parse_money(value) -> int:
    if isinstance(value, bool):
        raise ValueError(f"not money: {value!r}")
    if isinstance(value, int):
        return value
    s = str(value).strip()
    if s.endswith("원"):
        s = s[:-1].rstrip()
    if re.fullmatch(r"\d+(?:_\d{3})*", s) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", s):
        return int(s.replace("_", "").replace(",", ""))
    total = Fraction(0)
    pos = 0
    last_unit = None
    while pos < len(s):
        m = _TERM.match(s, pos)
        if not m or m.end() == pos:
            raise ValueError(f"not money: {value!r}")
        num = Fraction(m.group(1).replace(",", ""))
        unit = m.group(2)
        if unit is None:
            if m.end() != len(s.rstrip()) or num >= 10000 or "." in m.group(1):
                raise ValueError(f"not money: {value!r}")
            if last_unit is None:
                raise ValueError(f"not money: {value!r}")
            term = num
        else:
            term = num * UNITS[unit]
            if last_unit is not None and term >= last_unit:
                raise ValueError(f"terms out of order: {value!r}")
            last_unit = UNITS[unit]
        total += term
        pos = m.end()
    if total.denominator != 1:
        raise ValueError(f"not whole won: {value!r}")
    return int(total)


def group3(n: int, sep: str = ",") -> str:
    return f"{n:,}".replace(",", sep)


def money_text(rng: random.Random, amount: int) -> str:
    """One of the money forms of SPEC §3 for `amount`, as YAML scalar text."""
    forms = ["int", "underscore", "comma", "comma-won"]
    eok, rest = divmod(amount, 10**8)
    if amount % 10**7 == 0 and eok > 0:
        forms += ["eok-decimal", "eok-cheonman", "eok-cheonman", "man"]
    elif amount % 10**4 == 0:
        forms += ["eok-man", "man-comma"]
    else:
        forms += ["eok-man-digits"]
    form = rng.choice(forms)
    if form == "int":
        text = str(amount)
    elif form == "underscore":
        text = group3(amount, "_")
    elif form == "comma":
        text = f'"{group3(amount)}"'
    elif form == "comma-won":
        text = f'"{group3(amount)}원"'
    elif form == "eok-decimal":
        # 4.5억; drop a trailing zero of the fraction (4.50억 is also valid, but unusual)
        frac = f"{amount / 10**8:.2f}".rstrip("0").rstrip(".")
        text = f'"{frac}억"'
    elif form == "eok-cheonman":
        cm = rest // 10**7
        won = rng.choice(["원", ""])
        text = f'"{eok}억 {cm}천만{won}"' if cm else f'"{eok}억{won}"'
    elif form == "man":
        text = f'"{amount // 10**4}만원"'
    elif form == "man-comma":
        text = f'"{group3(amount // 10**4)}만원"'
    else:  # eok-man / eok-man-digits: 1억 2,345만 6,789원
        parts = []
        if eok:
            parts.append(f"{eok}억")
        man, won = divmod(rest, 10**4)
        if man:
            parts.append(f"{group3(man)}만")
        if won:
            parts.append(group3(won) if parts else str(won))
        text = '"' + " ".join(parts) + "원" + '"'
    plain = text.strip('"')
    check = _MONEY_CHECKED.get(plain)
    if check is None:
        check = _MONEY_CHECKED[plain] = (int(plain) if re.fullmatch(r"\d+", plain)
                                         else parse_money(plain))
    assert check == amount, (text, amount, check)
    return text


_MONEY_CHECKED: dict[str, int] = {}  # text -> amount, for the self-check of money_text


# --------------------------------------------------------------------------------------
# Reading the rules: PyYAML when present, else a reader for the 2023 layout.


def _load_yaml(path: Path):
    try:
        import yaml  # type: ignore
    except ImportError:
        return None
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _scalar(text: str):
    text = text.split(" #", 1)[0].strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return text


def read_program(rules: Path) -> dict:
    data = _load_yaml(rules / "program.yaml")
    if data is not None:
        return {"tracks": list(data["tracks"]), "timezone": str(data.get("timezone", "+09:00"))}
    prog = {"timezone": "+09:00"}
    for line in (rules / "program.yaml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"tracks:\s*\[(.*)\]", line)
        if m:
            prog["tracks"] = [t.strip() for t in m.group(1).split(",") if t.strip()]
        m = re.match(r"timezone:\s*(.+)", line)
        if m:
            prog["timezone"] = str(_scalar(m.group(1)))
    return prog


def read_track(rules: Path, track: str) -> dict:
    path = rules / f"{track}.yaml"
    data = _load_yaml(path)
    if data is not None:
        return {
            "deadline": dt.date.fromisoformat(str(data["deadline"])[:10]),
            "min_krw": parse_money(data["award"]["min_krw"]),
            "max_krw": parse_money(data["award"]["max_krw"]),
            "min_reviewers": int(data["panel"]["min_reviewers"]),
            "criteria": [(str(c["id"]), c["max"], c.get("cutoff")) for c in data["criteria"]],
        }
    out = {"criteria": [], "min_reviewers": 1}
    section = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^\S", line):
            section = line.split(":", 1)[0]
        m = re.match(r"^deadline:\s*(\S+)", line)
        if m:
            out["deadline"] = dt.date.fromisoformat(str(_scalar(m.group(1)))[:10])
        m = re.match(r"^\s+(min_krw|max_krw|min_reviewers):\s*(.+)", line)
        if m and section in ("award", "panel"):
            v = _scalar(m.group(2))
            out[m.group(1)] = int(v) if m.group(1) == "min_reviewers" else parse_money(v)
        if section == "criteria":
            m = re.match(r"^\s+- id:\s*(.+)", line)
            if m:
                out["criteria"].append([str(_scalar(m.group(1))), None, None])
            m = re.match(r"^\s+(max|cutoff):\s*(.+)", line)
            if m and out["criteria"]:
                out["criteria"][-1][1 if m.group(1) == "max" else 2] = _scalar(m.group(2))
    out["criteria"] = [tuple(c) for c in out["criteria"]]
    return out


# --------------------------------------------------------------------------------------
# Vocabulary

PLACES = {
    "ID": ["Jakarta", "Surabaya", "Makassar", "Bandung", "Medan", "Semarang", "Banyumas", "Nusantara"],
    "VN": ["Hanoi", "Da Nang", "Haiphong", "Can Tho", "Hue", "Ho Chi Minh City"],
    "PH": ["Davao", "Cebu", "Iloilo", "Clark", "Baguio", "Quezon City"],
    "TH": ["Chiang Mai", "Khon Kaen", "Phuket", "Mukdahan", "Udon Thani"],
    "MY": ["Kuching", "Penang", "Johor Bahru", "Klang", "Kota Kinabalu"],
    "KH": ["Phnom Penh", "Siem Reap", "Battambang"],
    "LA": ["Vientiane", "Luang Prabang", "Pakse"],
    "MM": ["Yangon", "Mandalay", "Dala"],
    "MN": ["Ulaanbaatar", "Darkhan", "Erdenet", "Zuunmod"],
    "UZ": ["Samarkand", "Tashkent", "Bukhara", "Namangan"],
    "KZ": ["Almaty", "Astana", "Shymkent"],
    "KG": ["Bishkek", "Osh", "Issyk-Kul"],
    "BD": ["Rangpur", "Khulna", "Dhaka", "Chattogram"],
    "NP": ["Kathmandu", "Pokhara", "Lalitpur"],
    "LK": ["Colombo", "Kandy", "Galle"],
    "IN": ["Pune", "Ahmedabad", "Bhubaneswar"],
    "TR": ["Sakarya", "Gaziantep", "Ankara", "Izmir", "Bursa"],
    "AZ": ["Aghdam", "Baku", "Zangilan", "Ganja"],
    "UA": ["Uman", "Lviv", "Mykolaiv", "Kharkiv"],
    "PL": ["Gdansk", "Wroclaw"],
    "EG": ["Badr", "Alexandria", "New Administrative Capital"],
    "KE": ["Nairobi", "Mombasa", "Kisumu"],
    "RW": ["Kigali", "Huye"],
    "TZ": ["Dodoma", "Dar es Salaam", "Arusha"],
    "GH": ["Accra", "Kumasi"],
    "ET": ["Addis Ababa", "Hawassa"],
    "NG": ["Lagos", "Abuja"],
    "MA": ["Rabat", "Casablanca"],
    "PE": ["Cusco", "Lima", "Arequipa"],
    "CO": ["Bogota", "Medellin", "Cali"],
    "BO": ["Warnes", "La Paz", "Santa Cruz"],
    "EC": ["Quito", "Cuenca"],
    "CL": ["Santiago", "Valparaiso"],
    "MX": ["Guadalajara", "Monterrey"],
    "US": ["Baltimore", "Detroit"],
    "ES": ["Valencia", "Malaga"],
}
COUNTRIES = sorted(PLACES)
DOMAINS = {
    "master-plan": ("Smart city master plan for {c}", "{c} 스마트시티 마스터플랜"),
    "transport": ("Intelligent transport system plan for {c}", "{c} 지능형 교통체계 계획"),
    "water": ("Smart water management for {c}", "{c} 스마트 물관리"),
    "energy": ("Smart grid and energy management for {c}", "{c} 스마트 에너지 관리"),
    "safety": ("Integrated safety and disaster platform for {c}", "{c} 통합 안전·재난 플랫폼"),
    "environment": ("Air-quality and environment sensing for {c}", "{c} 대기질·환경 센싱"),
    "data": ("Smart-city data platform concept for {c}", "{c} 스마트시티 데이터 플랫폼 구상"),
    "mobility": ("Demand-responsive mobility service in {c}", "{c} 수요응답형 모빌리티"),
    "housing": ("Feasibility study of a smart new town near {c}", "{c} 인근 스마트 신도시 타당성 조사"),
}
PLANNING_TYPES = ["government"] * 6 + ["public-body"] * 3 + ["international-organisation"]
PARTNER_TYPES = ["government"] * 5 + ["public-body"] * 2 + ["university"] * 3
COMPANY_WORDS = ["Hanbit", "Nuri", "Parang", "Jari", "Saebom", "Haneul", "Doum", "Bitsaem",
                 "Mirae", "Areum", "Gaon", "Hana", "Iroum", "Sori", "Taeyang", "Dasom"]
COMPANY_FIELDS = ["Mobility", "Energy Solutions", "Water Tech", "Smart Parking", "Air",
                  "Urban Data", "Safety Systems", "Grid", "Robotics", "Logistics"]


def applicant_name(rng: random.Random, city: str, kind: str) -> str:
    return {
        "government": rng.choice([f"{city} City Government", f"City of {city}",
                                  f"{city} Municipal Council", f"{city} Metropolitan Government"]),
        "public-body": rng.choice([f"{city} Urban Development Authority",
                                   f"{city} Transport Agency", f"{city} Water Utility"]),
        "international-organisation": rng.choice(["Asian Development Bank", "UN-Habitat",
                                                  "Inter-American Development Bank"]),
        "university": f"University of {city}",
        "ngo": f"{city} Civic Foundation",
        "company": f"{city} Smart Services Ltd.",
    }[kind]


def ystr(s: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(s, ensure_ascii=False)


def score_text(hundredths: int) -> str:
    whole, frac = divmod(hundredths, 100)
    if frac == 0:
        return str(whole)
    return f"{whole}.{frac:02d}".rstrip("0")


def submitted_text(rng: random.Random, deadline: dt.date, tz: str) -> str:
    """A submission on or before the deadline, in one of the forms of SPEC §3."""
    days_before = min(int(rng.expovariate(1 / 6)), 45)
    day = deadline - dt.timedelta(days=days_before)
    form = rng.random()
    if form < 0.3:
        return day.isoformat()
    hh, mm = rng.randint(8, 19), rng.choice([0, 10, 15, 20, 30, 40, 45, 50])
    if days_before == 0:
        # On the deadline day itself stay in the programme's zone so that the calendar date
        # in that zone is still the deadline (a -05:00 evening would be the next day in Korea).
        return rng.choice([f"{day}T{hh:02d}:{mm:02d}:00{tz}", f"{day}T{hh:02d}:{mm:02d}",
                           f"{day} {hh:02d}:{mm:02d}:00"])
    # earlier days: any zone moves the date by at most one day, still on time
    off = rng.choice(["+09:00", "+07:00", "+08:00", "+05:00", "+03:00", "+02:00", "Z",
                      "-05:00", "+05:30"])
    return rng.choice([f"{day}T{hh:02d}:{mm:02d}:00{off}", f"{day}T{hh:02d}:{mm:02d}{off}",
                       f"{day} {hh:02d}:{mm:02d}:00"])


def requested_amount(rng: random.Random, lo: int, hi: int) -> int:
    r = rng.random()
    if r < 0.03:  # below the award minimum: ineligible (award-range)
        return rng.randrange(15, lo // 10**7) * 10**7
    if r < 0.09:  # above the maximum: capped under above_max: cap
        return rng.randrange(hi // 10**7 + 1, hi // 10**7 + 16) * 10**7
    if r < 0.15:  # an odd amount, to the won
        return rng.randrange(lo, hi + 1)
    if r < 0.25:
        return rng.randrange(lo // 10**6, hi // 10**6 + 1) * 10**6
    return rng.randrange(lo // 10**7, hi // 10**7 + 1) * 10**7


STEPS = (25, 25, 25, 50, 50, 100, 10, 1)  # score steps in hundredths: quarter points mostly
_SCORE_TEXT: dict[int, str] = {}
_TOPS: dict[int, tuple] = {}


def reviews_text(rng: random.Random, criteria, reviewers: int, conflicts: bool) -> list[str]:
    """`reviewers` reviews scoring every criterion within 0..max, two decimals at most.

    This is the generator's inner loop (7 reviews × 4-5 criteria per proposal), so it binds
    its helpers locally and caches the score texts; the random draws, and so the output,
    are the same as those of the plain loop it replaces."""
    gauss, choice = rng.gauss, rng.choice
    crit = _TOPS.get(id(criteria))
    if crit is None or crit[0] is not criteria:
        crit = (criteria, [(f"{cid}: ", int(round(float(cmax) * 100)))
                           for cid, cmax, _cutoff in criteria])
        _TOPS[id(criteria)] = crit
    tops = crit[1]
    texts = _SCORE_TEXT
    quality = min(max(gauss(0.74, 0.1), 0.2), 0.98)
    lines = ["reviews:"]
    for r in range(1, reviewers + 1):
        qb = quality + gauss(0, 0.05)  # quality + bias, as (quality + bias + noise) * top
        parts = []
        for label, top in tops:
            x = (qb + gauss(0, 0.04)) * top
            step = choice(STEPS)
            h = min(max(int(round(x / step)) * step, 0), top)
            t = texts.get(h)
            if t is None:
                t = texts[h] = score_text(h)
            parts.append(label + t)
        lines.append(f"  - reviewer: R{r}")
        lines.append("    scores: {" + ", ".join(parts) + "}")
    return lines


def proposal_text(rng: random.Random, pid: str, track: str, t: dict, tz: str,
                  reviewers: int) -> str:
    country = rng.choice(COUNTRIES)
    city = rng.choice(PLACES[country])
    domain = rng.choice(sorted(DOMAINS))
    en, ko = (f.format(c=city) for f in DOMAINS[domain])
    out = [f"id: {pid}", f"track: {track}"]
    if rng.random() < 0.3:
        out += ["title:", f"  ko: {ystr(ko)}", f"  en: {ystr(en)}"]
    else:
        out.append(f"title: {ystr(en)}")
    out += [f"country: {country}", f"city: {ystr(city)}"]
    attrs = []
    if track == "pilot":
        # Korean company + foreign partner + commercialised solution (SPEC §1 and pilot.yaml);
        # about one in ten breaks one of these on purpose.
        fault = rng.random()
        company = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_FIELDS)} Co., Ltd."
        a_country = "KR" if not (fault < 0.025) else country
        out += ["applicant:", f"  name: {ystr(company)}", "  type: company",
                f"  country: {a_country}"]
        if 0.025 <= fault < 0.04:
            pass  # no partner
        else:
            p_type = rng.choice(PARTNER_TYPES) if not (0.04 <= fault < 0.06) else "ngo"
            p_country = country if not (0.06 <= fault < 0.075) else "KR"
            out += ["partner:", f"  name: {ystr(applicant_name(rng, city, p_type))}",
                    f"  type: {p_type}", f"  country: {p_country}"]
        commercialised = "false" if 0.075 <= fault < 0.1 else "true"
        if rng.random() < 0.6:
            fund = rng.choice([3, 5, 8, 10, 12, 15, 20, 25, 30]) * 10**7
            attrs.append(f"  matching_fund_krw: {money_text(rng, fund)}")
        attrs.append(f"  commercialised_in_korea: {commercialised}")
        if rng.random() < 0.12:
            attrs.append("  documents_complete: false")
        elif rng.random() < 0.3:
            attrs.append("  documents_complete: true")
    else:
        a_type = rng.choice(PLANNING_TYPES) if rng.random() >= 0.05 else "university"
        out += ["applicant:", f"  name: {ystr(applicant_name(rng, city, a_type))}",
                f"  type: {a_type}"]
        if a_type != "international-organisation" or rng.random() < 0.5:
            out.append(f"  country: {country}")
        if rng.random() < 0.3:
            fund = rng.choice([5, 10, 15, 20]) * 10**7
            attrs.append(f"  matching_fund_krw: {money_text(rng, fund)}")
    amount = requested_amount(rng, t["min_krw"], t["max_krw"])
    out.append(f"requested_krw: {money_text(rng, amount)}")
    out.append(f"submitted_at: {submitted_text(rng, t['deadline'], tz)}")
    out.append(f"domain: {domain}")
    if attrs:
        out += ["attributes:"] + attrs
    if reviewers - 1 >= t["min_reviewers"] and rng.random() < 0.05:
        out.append(f"conflicts: [R{rng.randint(1, reviewers)}]")
    out += reviews_text(rng, t["criteria"], reviewers, False)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------


def main(argv=None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--proposals", type=int, required=True, metavar="N")
    ap.add_argument("--layout", choices=["files", "multidoc"], default="files")
    ap.add_argument("--reviewers", type=int, default=7)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules-src", type=Path, default=here.parent / "examples" / "2023" / "rules")
    args = ap.parse_args(argv)
    if args.proposals < 0 or args.reviewers < 1:
        ap.error("--proposals must be ≥ 0 and --reviewers ≥ 1")

    out: Path = args.outdir
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        ap.error(f"{out} exists, is not empty and was not written by gen_call.py; not touching it")
    for sub in ("rules", "proposals"):
        shutil.rmtree(out / sub, ignore_errors=True)
    (out / "rules").mkdir(parents=True)
    (out / "proposals").mkdir()
    (out / MARKER).write_text(f"bench/gen_call.py OUTDIR --proposals {args.proposals} "
                              f"--layout {args.layout} --reviewers {args.reviewers} "
                              f"--seed {args.seed}\n")
    for name in RULE_FILES:
        src = args.rules_src / name
        if src.exists():
            shutil.copyfile(src, out / "rules" / name)

    prog = read_program(out / "rules")
    tracks = {t: read_track(out / "rules", t) for t in prog["tracks"]}
    prefix = {t: ("PLN" if t == "planning" else "PIL" if t == "pilot" else t[:3].upper())
              for t in tracks}
    width = max(4, len(str(args.proposals)))

    rng = random.Random(args.seed)
    counters = {t: 0 for t in tracks}
    header = (f"# Synthetic call written by bench/gen_call.py (seed {args.seed}, "
              f"{args.proposals} proposals, {args.reviewers} reviewers each).\n")
    # Each proposal is written as soon as it is made, so memory stays flat at any size.
    multi = None
    if args.layout == "multidoc":
        multi = open(out / "proposals" / "all.yaml", "w", encoding="utf-8", newline="\n",
                     buffering=1 << 20)
        multi.write(header)
    folders: set[Path] = set()
    try:
        for _ in range(args.proposals):
            track = prog["tracks"][0] if rng.random() < 0.55 else rng.choice(prog["tracks"][1:] or prog["tracks"])
            counters[track] += 1
            pid = f"{prefix[track]}-{counters[track]:0{width}d}"
            text = proposal_text(rng, pid, track, tracks[track], prog["timezone"], args.reviewers)
            if multi is not None:
                multi.write("---\n")
                multi.write(text)
                continue
            folder = out / "proposals" / track / f"{(counters[track] - 1) // FOLDER_MAX:03d}"
            if folder not in folders:
                folder.mkdir(parents=True, exist_ok=True)
                folders.add(folder)
            with open(folder / f"{pid}.yaml", "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    finally:
        if multi is not None:
            multi.close()
    print(f"{out}: {args.proposals} proposals ("
          + ", ".join(f"{t} {n}" for t, n in counters.items()) + f"), layout {args.layout}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
