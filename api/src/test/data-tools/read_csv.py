# Reads one tipx CSV answer from its URL with pandas' defaults (pandas.read_csv(url), nothing else set)
# and prints what a pandas user sees, one key=value a line; DataToolsOverHttpTest asserts on it.
#   python3 read_csv.py URL
import sys

import pandas as pd

frame = pd.read_csv(sys.argv[1])
print("reader=pandas " + pd.__version__)
print("columns=" + ",".join(frame.columns))
print("year_numeric=" + str(pd.api.types.is_numeric_dtype(frame["year"])).lower())
print("missing_codes=" + str(int(frame["citizenship"].isna().sum())))
for _, row in frame[frame["citizenship"] == "NAM"].iterrows():
    value = "" if pd.isna(row["OBS_VALUE"]) else str(int(row["OBS_VALUE"]))
    print("namibia=%s|%s|%s|%d" % (row["citizenship"], row["citizenship_label"], value, int(row["year"])))
for _, row in frame[frame["citizenship"] == "TUR"].iterrows():
    print("turkiye=" + row["citizenship_label"])
for column in ("measure", "sex", "release"):
    print(column + "=" + "|".join(sorted(set(str(v) for v in frame[column]))))
