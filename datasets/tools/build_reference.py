#!/usr/bin/env python3
"""Builds tipx's reference tables (countries, UN M49 areas, population) from their public sources.

Usage: python3 datasets/tools/build_reference.py [SOURCE_DIR]

SOURCE_DIR (required) holds country-codes_datahub.csv and wb_population_SP.POP.TOTL.csv, downloaded
as datasets/geo/PROVENANCE.md and datasets/population/PROVENANCE.md say. Outputs go to datasets/geo/ and
datasets/population/ of this repository. Standard library only; the output is byte-for-byte
reproducible from the same inputs (sorted rows, '\n' line ends, no timestamps).
"""

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
COUNTRY_CODES = "country-codes_datahub.csv"
POPULATION = "wb_population_SP.POP.TOTL.csv"

# First year kept: the exchange's data start long after it, and World Bank coverage before the
# 1990s is patchy for small territories.
FIRST_POPULATION_YEAR = 2000

# The source's official_name_en column calls CI "Ivory Coast"; the UN M49 list (and ISO 3166-1)
# name it "Côte d’Ivoire".
NAME_OVERRIDES = {"CI": "Côte d’Ivoire"}

WORLD_M49 = "001"
WORLD_NAME = "World"

COUNTRY_HEADER = ["iso2", "iso3", "m49", "name", "region_m49", "region_name", "subregion_m49",
                  "subregion_name", "intermediate_region_m49", "intermediate_region_name"]
AREA_HEADER = ["m49", "name", "level", "parent_m49"]
POPULATION_HEADER = ["iso2", "year", "population"]
LEVEL_ORDER = {"world": 0, "region": 1, "subregion": 2, "intermediate": 3}


def m49(code):
    """UN M49 codes are three digits; the source drops leading zeros ("10" is Antarctica)."""
    code = code.strip()
    if not code:
        return ""
    if not code.isdigit() or len(code) > 3:
        raise ValueError(f"not an M49 code: {code!r}")
    return code.zfill(3)


def read_csv(path):
    # csv.DictReader keeps every cell a string, so Namibia's "NA" stays "NA" (pandas would read NaN).
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def build_countries(source_rows):
    countries = []
    for row in source_rows:
        iso2 = row["ISO3166-1-Alpha-2"].strip()
        iso3 = row["ISO3166-1-Alpha-3"].strip()
        if len(iso2) != 2 or len(iso3) != 3:
            raise ValueError(f"row without ISO 3166-1 codes: {row['official_name_en']!r}")
        countries.append([
            iso2, iso3, m49(row["M49"]), NAME_OVERRIDES.get(iso2, row["official_name_en"].strip()),
            m49(row["Region Code"]), row["Region Name"].strip(),
            m49(row["Sub-region Code"]), row["Sub-region Name"].strip(),
            m49(row["Intermediate Region Code"]), row["Intermediate Region Name"].strip(),
        ])
    countries.sort(key=lambda c: c[0])
    return countries


def build_areas(countries):
    """The M49 hierarchy above country level, as used by at least one country of the source."""
    areas = {WORLD_M49: (WORLD_NAME, "world", "")}

    def add(code, name, level, parent):
        if not code:
            return
        entry = (name, level, parent)
        if areas.setdefault(code, entry) != entry:
            raise ValueError(f"M49 area {code} is inconsistent: {areas[code]} vs {entry}")

    for c in countries:
        _, _, _, _, region, region_name, sub, sub_name, inter, inter_name = c
        add(region, region_name, "region", WORLD_M49)
        add(sub, sub_name, "subregion", region)
        add(inter, inter_name, "intermediate", sub)
    rows = [[code, name, level, parent] for code, (name, level, parent) in areas.items()]
    rows.sort(key=lambda a: (LEVEL_ORDER[a[2]], a[0]))
    return rows


def build_population(source_rows, countries):
    iso3_to_iso2 = {c[1]: c[0] for c in countries}
    rows = []
    for row in source_rows:
        iso2 = iso3_to_iso2.get(row["Country Code"].strip())
        year = int(row["Year"])
        # Aggregates (WLD, EUU, HIC, ...), the Channel Islands (CHI) and Kosovo (XKX) have no
        # ISO 3166-1 code, so they fall out here.
        if iso2 is None or year < FIRST_POPULATION_YEAR or not row["Value"].strip():
            continue
        value = float(row["Value"])
        if value != int(value) or value <= 0:
            raise ValueError(f"population of {iso2} in {year} is not a positive integer: {row['Value']!r}")
        rows.append([iso2, year, int(value)])
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: python3 datasets/tools/build_reference.py SOURCE_DIR "
                 "(country-codes_datahub.csv and wb_population_SP.POP.TOTL.csv; see the PROVENANCE.md files)")
    source = Path(argv[1])
    datasets = REPO / "datasets"
    countries = build_countries(read_csv(source / COUNTRY_CODES))
    areas = build_areas(countries)
    population = build_population(read_csv(source / POPULATION), countries)
    write_csv(datasets / "geo" / "countries.csv", COUNTRY_HEADER, countries)
    write_csv(datasets / "geo" / "m49-areas.csv", AREA_HEADER, areas)
    write_csv(datasets / "population" / "population.csv", POPULATION_HEADER, population)
    years = sorted({r[1] for r in population})
    print(f"countries: {len(countries)}, M49 areas: {len(areas)}, population rows: {len(population)} "
          f"({len({r[0] for r in population})} countries, {years[0]}-{years[-1]})")


if __name__ == "__main__":
    main(sys.argv)
