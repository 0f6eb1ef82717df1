#!/usr/bin/env python3
"""Scale UCI adult (semicolon CSV, ARX's column set) up to N rows for the anonymizer benchmarks.

Every output row starts as a record of adult.csv drawn uniformly at random; its age moves by a
uniform integer in -3..3 with probability 1/2 (kept within 17..90), and each other column takes,
with probability 1/20, the value of that column in another uniformly drawn record. Every value
therefore stays inside ARX's adult hierarchies. Python's random.Random with a fixed seed makes the
output the same on every machine: the figures in docs/benchmarks.md were measured on these files.

usage: scale_adult.py ADULT_CSV ROWS OUT_CSV [SEED]   (SEED defaults to 20250101)
"""
import random
import sys


def main(source, rows, target, seed=20250101):
    draw = random.Random(seed)
    with open(source, encoding="utf-8") as f:
        header = f.readline().rstrip("\n")
        records = [line.rstrip("\n").split(";") for line in f if line.strip()]
    columns = header.split(";")
    age = columns.index("age")
    with open(target, "w", encoding="utf-8") as out:
        out.write(header + "\n")
        for _ in range(rows):
            record = list(records[draw.randrange(len(records))])
            if draw.random() < 0.5:
                record[age] = str(min(90, max(17, int(record[age]) + draw.randint(-3, 3))))
            for column in range(len(columns)):
                if column != age and draw.random() < 0.05:
                    record[column] = records[draw.randrange(len(records))][column]
            out.write(";".join(record) + "\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) not in (3, 4):
        sys.exit(__doc__.strip().splitlines()[-1])
    main(args[0], int(args[1]), args[2], int(args[3]) if len(args) == 4 else 20250101)
