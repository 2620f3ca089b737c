"""The scikit-learn side of the batch-scoring row of `bench all`: what our `score INPUT.csv --out OUTPUT.csv` does,
the way a careful Python script would. StandardScaler + LogisticRegression (C = 1/3, our lambda_2 = 3: the default
model) is fitted on the training rows the C# side wrote (the JSON of `bench serve`: x, y, names, c, threshold), then
INPUT.csv (an id column and the 30 features by name) is streamed in chunks of 10,000 rows with the csv module: each
row's cells are parsed, a row with a missing, non-numeric, non-finite or negative value is reported on stderr by line
and skipped, the chunk is scored by predict_proba, and each row is written with its cells copied, the probability at
round-trip precision, the decision at the threshold and the model's name. Memory stays flat: one chunk at a time.
Prints {"Rows": scored, "Invalid": n, "Seconds": s} as JSON on stdout.
Run with Debian's python3-sklearn 1.2.1: /usr/bin/python3 bench/peer/score.py bench/out/serve.json INPUT.csv OUTPUT.csv
"""
import csv
import json
import math
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CHUNK = 10_000


def main(model_file, source, target):
    start = time.perf_counter()
    data = json.load(open(model_file))
    model = make_pipeline(StandardScaler(), LogisticRegression(C=data["c"], max_iter=1000))
    model.fit(np.array(data["x"]), np.array(data["y"], dtype=int))
    threshold, names = data["threshold"], data["names"]
    scored = invalid = 0
    with open(source, newline="") as read, open(target, "w", newline="") as write:
        reader, writer = csv.reader(read), csv.writer(write, lineterminator="\n")
        header = next(reader)
        missing = [n for n in names if n not in header]
        if missing:
            raise SystemExit(f"score.py: {source}: the header lacks {', '.join(missing)}")
        columns = [header.index(n) for n in names]
        writer.writerow(header + ["probability", "decision", "model_version"])
        cells, values = [], []
        for line, row in enumerate(reader, start=2):
            try:
                parsed = [float(row[c]) for c in columns]
            except (ValueError, IndexError) as error:
                print(f"{source}:{line}: {error}", file=sys.stderr)
                invalid += 1
                continue
            if not all(math.isfinite(v) and v >= 0 for v in parsed):
                print(f"{source}:{line}: a value is not finite or is negative", file=sys.stderr)
                invalid += 1
                continue
            cells.append(row)
            values.append(parsed)
            if len(values) == CHUNK:
                scored += flush(model, threshold, cells, values, writer)
                cells, values = [], []
        if values:
            scored += flush(model, threshold, cells, values, writer)
    json.dump({"Rows": scored, "Invalid": invalid, "Seconds": time.perf_counter() - start}, sys.stdout)


def flush(model, threshold, cells, values, writer):
    probabilities = model.predict_proba(np.array(values))[:, 1]
    writer.writerows(row + [repr(float(p)), "biopsy" if p >= threshold else "no biopsy", "scikit-learn"] for row, p in zip(cells, probabilities))
    return len(values)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: score.py MODEL.json INPUT.csv OUTPUT.csv")
    main(*sys.argv[1:])
