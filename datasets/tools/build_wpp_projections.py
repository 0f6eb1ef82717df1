#!/usr/bin/env python3
"""Builds datasets/population/wpp2024-projections.csv from the UN World Population Prospects 2024.

Usage: python3 datasets/tools/build_wpp_projections.py POPPROJMED_TXT

POPPROJMED_TXT is data-raw/popprojMed.txt of the wpp2024 R package repository (the medium-variant
total population, tab-separated: country_code (UN M49), country, then one column per year, in
thousands); datasets/population/PROVENANCE.md names the repository and commit. Countries are matched
to ISO 3166-1 alpha-2 through the M49 codes of datasets/geo/countries.csv. Standard library only; the
output is byte-for-byte reproducible from the same input (sorted rows, '\n' line ends).

It also prints, for the countries of tipx's first agencies, the source's 2024 value beside the World
Bank's in datasets/population/population.csv: the size of the series break between the two.
"""

import csv
import sys
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUTPUT = REPO / "datasets" / "population" / "wpp2024-projections.csv"
COUNTRIES = REPO / "datasets" / "geo" / "countries.csv"
OBSERVED = REPO / "datasets" / "population" / "population.csv"

# The World Bank series ends in 2024; six projected years cover the reporting years of the exchange
# with room to spare, and later projections would suggest a precision they do not have.
FIRST_YEAR = 2025
LAST_YEAR = 2030
BREAK_YEAR = 2024
BREAK_COUNTRIES = ["BY", "MD", "PL", "RO", "UA"]
HEADER = ["iso2", "year", "population"]


def persons(thousands, where):
    """The source gives thousands with three decimals, i.e. whole persons; Decimal keeps them exact."""
    value = Decimal(thousands.strip()) * 1000
    if value != value.to_integral_value() or value <= 0:
        raise ValueError(f"{where}: not a positive whole number of persons: {thousands!r}")
    return int(value)


def read_projections(path):
    """{m49: {year: persons}} for every row of the source (countries and aggregates alike)."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t")
        header = next(reader)
        if header[:2] != ["country_code", "country"]:
            raise ValueError(f"unexpected header: {header[:2]}")
        years = [int(y) for y in header[2:]]
        table = {}
        for row in reader:
            if len(row) != len(header):
                raise ValueError(f"row of {len(row)} cells, header has {len(header)}: {row[:2]}")
            code = row[0].strip().zfill(3)
            if code in table:
                raise ValueError(f"M49 code {code} twice")
            table[code] = {year: persons(v, f"{row[1]} {year}") for year, v in zip(years, row[2:])}
    return table


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: python3 datasets/tools/build_wpp_projections.py POPPROJMED_TXT "
                 "(data-raw/popprojMed.txt of the wpp2024 R package; see datasets/population/PROVENANCE.md)")
    projections = read_projections(Path(argv[1]))
    with open(COUNTRIES, encoding="utf-8", newline="") as f:
        m49_to_iso2 = {row["m49"]: row["iso2"] for row in csv.DictReader(f)}
    rows = []
    for m49, iso2 in m49_to_iso2.items():
        series = projections.get(m49)
        if series is None:
            continue
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            rows.append([iso2, year, series[year]])
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(OUTPUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    covered = {r[0] for r in rows}
    print(f"projection rows: {len(rows)} ({len(covered)} countries, {FIRST_YEAR}-{LAST_YEAR}); "
          f"countries.csv countries without a projection: {sorted(set(m49_to_iso2.values()) - covered)}")

    with open(OBSERVED, encoding="utf-8", newline="") as f:
        observed = {(r["iso2"], int(r["year"])): int(r["population"]) for r in csv.DictReader(f)}
    iso2_to_m49 = {iso2: m49 for m49, iso2 in m49_to_iso2.items()}
    print(f"{BREAK_YEAR}: iso2, World Bank, WPP 2024, WPP - World Bank, relative to the World Bank")
    for iso2 in BREAK_COUNTRIES:
        wb = observed[(iso2, BREAK_YEAR)]
        wpp = projections[iso2_to_m49[iso2]][BREAK_YEAR]
        print(f"{iso2}, {wb}, {wpp}, {wpp - wb:+d}, {(wpp - wb) / wb:+.2%}")


if __name__ == "__main__":
    main(sys.argv)
