#!/usr/bin/env python3
"""Builds the default generalisation hierarchies of the case-record-v1 quasi-identifiers.

Usage: python3 datasets/tools/build_hierarchies.py

Reads datasets/geo/countries.csv and datasets/code-lists/*.csv of this repository and writes
datasets/hierarchies/*.csv in the ARX hierarchy format: ';'-separated, no header, one row per leaf
(level 0) value, one column per level, the last column '*'. Every leaf of a file has the same
number of levels. Standard library only; the output is byte-for-byte reproducible (fixed row
order, '\n' line ends, no timestamps). The rationale of each hierarchy is in
datasets/hierarchies/PROVENANCE.md.
"""

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATASETS = REPO / "datasets"
OUT = DATASETS / "hierarchies"

SUPPRESSED = "*"
UNKNOWN = "unknown"

# Registration years covered: CTDC data start in 2002; the exchange's own data start in 2025.
FIRST_YEAR = 2000
LAST_YEAR = 2035
PERIOD_YEARS = 5

MAX_AGE = 120  # the contract's upper bound for `age`
ADULT_AGE = 18
# The CTDC Global Dataset's `ageBroad` bands, as the contract writes them, with their oldest age
# (None: open-ended). The order must be that of datasets/code-lists/age_band.csv.
AGE_BANDS = [("0-8", 8), ("9-17", 17), ("18-20", 20), ("21-23", 23), ("24-26", 26), ("27-29", 29),
             ("30-38", 38), ("39-47", 47), ("48+", None)]

# The contract's country codes that are not ISO 3166-1 countries, with the parent they get at the
# sub-region level. Antarctica (AQ) is an ISO country without an M49 region.
UNKNOWN_COUNTRY = "XX"
STATELESS = "XS"
NO_SUBREGION = {UNKNOWN_COUNTRY: "Unknown", STATELESS: "Stateless", "AQ": "Antarctica"}
# One region-level parent for all three, so that none of them is a class of its own at that level.
NO_REGION = "Other or unknown"

# Broad category of each single form of exploitation. "labour" follows the ILO's forced labour
# family (forced labour, child labour, servitude and the forms that exploit work: begging, crime).
EXPLOITATION_CATEGORY = {
    "sexual": "sexual",
    "forced_labour": "labour",
    "child_labour": "labour",
    "servitude": "labour",
    "forced_begging": "labour",
    "forced_criminality": "labour",
    "forced_marriage": "other",
    "organ_removal": "other",
    "forced_military": "other",
    "other": "other",
}
# A record with two or more forms is `multiple`; one without any recorded form is `unknown`.
MULTIPLE = "multiple"

# The kind of agency that identified the person, by its role: enforcing the law (police, border and
# migration authorities, labour inspectorates), judging (prosecution, courts), or assisting and the
# rest (NGOs, international organisations, social services, hotlines: support; self-referral, other).
# `unknown` stays itself, like the other hierarchies' unknowns.
IDENTIFIED_BY_GROUP = {
    "police": "law_enforcement",
    "border_migration": "law_enforcement",
    "labour_inspection": "law_enforcement",
    "prosecution_court": "justice",
    "ngo": "support_or_other",
    "international_org": "support_or_other",
    "social_services": "support_or_other",
    "hotline": "support_or_other",
    "self_referral": "support_or_other",
    "other": "support_or_other",
    UNKNOWN: UNKNOWN,
}


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def codes(list_name):
    return [row["code"] for row in read_csv(DATASETS / "code-lists" / f"{list_name}.csv")]


def write_hierarchy(name, rows):
    """Writes one hierarchy after checking that it is a tree of equal-height paths ending in '*'."""
    heights = {len(row) for row in rows}
    if len(heights) != 1:
        raise ValueError(f"{name}: rows of different heights {sorted(heights)}")
    leaves = [row[0] for row in rows]
    if len(set(leaves)) != len(leaves):
        raise ValueError(f"{name}: a leaf appears twice")
    parent = {}
    for row in rows:
        if row[-1] != SUPPRESSED:
            raise ValueError(f"{name}: {row[0]} does not end in '{SUPPRESSED}'")
        for level in range(1, len(row) - 1):
            key = (level, row[level])
            if parent.setdefault(key, row[level + 1]) != row[level + 1]:
                raise ValueError(f"{name}: {row[level]} at level {level} has two parents")
        if any(";" in cell or not cell for cell in row):
            raise ValueError(f"{name}: empty cell or ';' in {row}")
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / name, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerows(rows)


def five_year_period(year):
    start = year - (year % PERIOD_YEARS)
    return f"{start}-{start + PERIOD_YEARS - 1}"


def registration_year():
    return [[str(y), five_year_period(y), SUPPRESSED] for y in range(FIRST_YEAR, LAST_YEAR + 1)]


def age_band_of(age):
    for band, oldest in AGE_BANDS:
        if oldest is None or age <= oldest:
            return band
    raise AssertionError(age)


def majority(band):
    # The bands split exactly at 18: 9-17 is the last minor band, 18-20 the first adult one.
    first_age = 0 if band == "0-8" else int(band.rstrip("+").split("-")[0])
    return "minor" if first_age < ADULT_AGE else "adult"


def age_band():
    bands = [band for band, _ in AGE_BANDS]
    if bands != codes("age_band"):
        raise ValueError("AGE_BANDS differ from datasets/code-lists/age_band.csv")
    return [[b, majority(b), SUPPRESSED] for b in bands] + [[UNKNOWN, UNKNOWN, SUPPRESSED]]


def age():
    # Exact ages first; then the band codes themselves, for records whose age is known only as a
    # band (they join their band at level 1); then `unknown`.
    exact = [[str(a), age_band_of(a), majority(age_band_of(a)), SUPPRESSED] for a in range(MAX_AGE + 1)]
    bands = [[b, b, m, s] for b, m, s in age_band()]
    return exact + bands


def sex():
    return [[code, SUPPRESSED] for code in codes("sex")]


def country():
    rows = []
    for c in read_csv(DATASETS / "geo" / "countries.csv"):
        iso2 = c["iso2"]
        if c["subregion_name"]:
            rows.append([iso2, c["subregion_name"], c["region_name"], SUPPRESSED])
        else:
            rows.append([iso2, NO_SUBREGION[iso2], NO_REGION, SUPPRESSED])
    rows.append([STATELESS, NO_SUBREGION[STATELESS], NO_REGION, SUPPRESSED])
    rows.append([UNKNOWN_COUNTRY, NO_SUBREGION[UNKNOWN_COUNTRY], NO_REGION, SUPPRESSED])
    return rows


def exploitation():
    forms = codes("exploitation")
    if set(forms) != set(EXPLOITATION_CATEGORY):
        raise ValueError("EXPLOITATION_CATEGORY differs from datasets/code-lists/exploitation.csv")
    rows = [[form, EXPLOITATION_CATEGORY[form], SUPPRESSED] for form in forms]
    rows.append([MULTIPLE, MULTIPLE, SUPPRESSED])
    rows.append([UNKNOWN, UNKNOWN, SUPPRESSED])
    return rows


def status():
    # Two codes, no group between them: presumed or confirmed, else `*`.
    return [[code, SUPPRESSED] for code in codes("status")]


def identified_by():
    kinds = codes("identified_by")
    if set(kinds) != set(IDENTIFIED_BY_GROUP):
        raise ValueError("IDENTIFIED_BY_GROUP differs from datasets/code-lists/identified_by.csv")
    return [[kind, IDENTIFIED_BY_GROUP[kind], SUPPRESSED] for kind in kinds]


def main():
    write_hierarchy("registration_year.csv", registration_year())
    write_hierarchy("age.csv", age())
    write_hierarchy("age_band.csv", age_band())
    write_hierarchy("sex.csv", sex())
    write_hierarchy("country.csv", country())
    write_hierarchy("exploitation.csv", exploitation())
    write_hierarchy("status.csv", status())
    write_hierarchy("identified_by.csv", identified_by())


if __name__ == "__main__":
    main()
