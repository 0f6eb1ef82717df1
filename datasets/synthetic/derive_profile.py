#!/usr/bin/env python3
"""Derives the aggregate shares that drive tipx's synthetic extract generator from the UNODC GLOTIP
country data export.

Usage: python3 datasets/synthetic/derive_profile.py [GLOTIP_CSV]

GLOTIP_CSV is the UNODC GLOTIP country data export (data_glotip_2025-04-14.csv, see PROVENANCE.md),
downloaded by the user; it is required. Writes datasets/synthetic/profile.csv. Standard library only; reproducible (sorted
rows, fixed rounding, '\n' line ends). The GLOTIP file itself is never copied into the repository.

profile.csv columns: measure,scope,group,category,share
  measure  sex_age      scope: M49 area; category: <sex>:<age> (sex female/male/other, age minor/adult)
           exploitation scope: M49 area; group: <sex>:<age>; category: sexual/forced_labour/other
           citizenship  scope: ISO alpha-2 country of detection; category: ISO alpha-2, XX unknown, XS stateless
           origin       scope: ISO alpha-2 country of detection; category: domestic/foreign
  share    the category's share within (measure, scope, group), 4 decimals.
"""

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUTPUT = REPO / "datasets" / "synthetic" / "profile.csv"

# The years that most countries reported for (2017-2022 hold 38,716 of the 58,769 rows).
YEARS = range(2017, 2023)
VICTIMS = "Detected trafficking victims"
SEX = {"Female": "female", "Male": "male", "Other": "other"}
AGE = {"0 to 17 years": "minor", "18 years or over": "adult"}
FORMS = {"Sexual exploitation": "sexual", "Forced labour": "forced_labour", "Other forms of exploitation": "other"}
# Scopes of the sex/age and form shares: the world, and Europe, where the sample agencies sit.
AREAS = {"001": None, "150": "Europe"}
# Countries of detection of the sample agencies, as ISO alpha-3 -> alpha-2.
DETECTION_COUNTRIES = {"UKR": "UA", "MDA": "MD", "POL": "PL", "DEU": "DE", "NLD": "NL"}

# GLOTIP's citizenship categories are free text (country names and demonyms, with typos). This
# crosswalk covers every category with a published count (not "<5") for the detection countries
# above in YEARS; "own country"/"Nationals" style categories are mapped per detection country below.
CITIZENSHIP = {
    "afghani": "AF", "albanian": "AL", "albanians": "AL", "angola": "AO", "belarus": "BY",
    "bosnian": "BA", "brazil": "BR", "brazilian": "BR", "bulgaria": "BG", "bulgarian": "BG",
    "cameroon": "CM", "china": "CN", "chinese": "CN", "colombia": "CO", "colombian": "CO",
    "congo": "CG", "croatian": "HR", "czech": "CZ", "czech rep": "CZ", "dominican republic": "DO",
    "eritrean": "ER", "erithera": "ER", "ethiopian": "ET", "filippino": "PH", "philippines": "PH",
    "gambia": "GM", "gambian": "GM", "georgian": "GE", "greece": "GR", "guatemalean": "GT",
    "guinea": "GN", "guinean": "GN", "hungarian": "HU", "hungarians": "HU", "hungary": "HU",
    "india": "IN", "indian": "IN", "indonesian": "ID", "iraq": "IQ", "ivory coast": "CI",
    "latvian": "LV", "lithuanian": "LT", "macedonian": "MK", "mexican": "MX", "moldavian": "MD",
    "moldovan": "MD", "morocco": "MA", "moroccan": "MA", "nigeria": "NG", "nigerian": "NG",
    "nigerians": "NG", "peruvian": "PE", "poland": "PL", "poles": "PL", "polish": "PL",
    "portuguese": "PT", "romania": "RO", "romanian": "RO", "russian": "RU", "serbian": "RS",
    "serbians": "RS", "sierra leone": "SL", "sierra leonean": "SL", "slovak": "SK", "slovaks": "SK",
    "somali": "SO", "spanish": "ES", "syria": "SY", "thai": "TH", "turkish": "TR", "uganda": "UG",
    "ugandean": "UG", "ukraine": "UA", "ukraineans": "UA", "ukrainian": "UA", "venezuelan": "VE",
    "vietnam": "VN", "vietnamese": "VN", "yemeni": "YE", "zimbabwean": "ZW",
    "germans": "DE", "german": "DE", "dutch": "NL", "netherlands (own country)": "NL",
    "unknown": "XX", "without": "XS",
}
NATIONALS = "nationals"

HEADER = ["measure", "scope", "group", "category", "share"]
SUPPRESSED = "<5"
# A count is digits, optionally with thousands separators ("1,192"). Values with two separators
# ("61,102,019") are the corrupt rows the source PROVENANCE describes; so is a questionnaire code
# used as a category ("Q6.1_10s_2019").
COUNT = re.compile(r"\d+|\d{1,3},\d{3}")
QUESTIONNAIRE_CODE = re.compile(r"Q\d")


def read_counts(path):
    """Published counts by key; a key repeated with different values is dropped as unreliable."""
    values = defaultdict(set)
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.DictReader(f):
            if row["Indicator"] != VICTIMS or not row["Year"].isdigit() or int(row["Year"]) not in YEARS:
                continue
            if QUESTIONNAIRE_CODE.match(row["Category"]):
                continue
            key = (row["Iso3_code"], row["Region"], row["Dimension"], row["Category"], row["Sex"], row["Age"], row["Year"])
            values[key].add(row["txtVALUE"].strip())
    counts = {}
    for key, found in values.items():
        if len(found) != 1:
            continue
        (value,) = found
        if value != SUPPRESSED and COUNT.fullmatch(value):
            counts[key] = int(value.replace(",", ""))
    return counts


def shares(counter):
    total = sum(counter.values())
    return {category: n / total for category, n in counter.items()} if total else {}


def sex_age_and_forms(counts, region):
    sex_age = Counter()
    forms = defaultdict(Counter)
    for (iso3, reg, dimension, category, sex, age, _), n in counts.items():
        if region is not None and reg != region:
            continue
        if sex not in SEX or age not in AGE:
            continue
        group = f"{SEX[sex]}:{AGE[age]}"
        if dimension == "Total" and category == "Total":
            sex_age[group] += n
        elif dimension == "by form of exploitation" and category in FORMS:
            forms[group][FORMS[category]] += n
    return sex_age, forms


def citizenship(counts, iso3, iso2):
    by_code = Counter()
    for (country, _, dimension, category, sex, age, _), n in counts.items():
        if country != iso3 or dimension != "by citizenship" or sex != "Total" or age != "Total":
            continue
        name = category.strip().lower()
        code = iso2 if name == NATIONALS else CITIZENSHIP.get(name)
        if code is None:
            raise ValueError(f"no ISO code for citizenship category {category!r} detected in {iso3}")
        by_code[code] += n
    return by_code


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: python3 datasets/synthetic/derive_profile.py PATH/TO/data_glotip_2025-04-14.csv "
                 "(the UNODC GLOTIP export named in datasets/synthetic/PROVENANCE.md)")
    source = Path(argv[1])
    counts = read_counts(source)
    rows = []
    for scope, region in AREAS.items():
        sex_age, forms = sex_age_and_forms(counts, region)
        rows += [["sex_age", scope, "", c, s] for c, s in shares(sex_age).items()]
        for group, counter in forms.items():
            rows += [["exploitation", scope, group, c, s] for c, s in shares(counter).items()]
    for iso3, iso2 in DETECTION_COUNTRIES.items():
        by_code = citizenship(counts, iso3, iso2)
        rows += [["citizenship", iso2, "", c, s] for c, s in shares(by_code).items()]
        known = sum(n for c, n in by_code.items() if c not in ("XX", "XS"))
        domestic = by_code[iso2]
        rows += [["origin", iso2, "", "domestic", domestic / known], ["origin", iso2, "", "foreign", 1 - domestic / known]]
    measure_order = {"sex_age": 0, "exploitation": 1, "citizenship": 2, "origin": 3}
    rows.sort(key=lambda r: (measure_order[r[0]], r[1], r[2], -r[4], r[3]))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows([r[:4] + [f"{r[4]:.4f}"] for r in rows])
    print(f"{len(rows)} shares from {len(counts)} published counts, {YEARS.start}-{YEARS.stop - 1}")


if __name__ == "__main__":
    main(sys.argv)
