"""The scikit-learn side of `bench models`: every model under the same folds as ours (read from the JSON the C# side
writes), timed in this process, the folds in parallel on every core. Prints {name: {Accuracy, RocAuc, Seconds}} as
JSON on stdout. The estimators are common.MODELS.
Run with Debian's python3-sklearn 1.2.1: /usr/bin/python3 bench/peer/models.py bench/out/folds.json
"""
import json
import sys
import time

from common import MODELS, cross_validated, folds, read

data, x, y = read(sys.argv[1])
cv = folds(data["folds"])
results = {}
for name, make in MODELS.items():
    start = time.perf_counter()
    accuracy, auc = cross_validated(make, x, y, cv)
    results[name] = {"Accuracy": accuracy, "RocAuc": auc, "Seconds": time.perf_counter() - start}
json.dump(results, sys.stdout)
