"""The scikit-learn side of one row of `bench all`, run as a process of its own so that its peak memory is the row's:
a warm-up run, then RUNS timed runs of the row's work on the input the C# side wrote for it. Prints
{"Seconds": [...], "Accuracy": a or null, "RocAuc": b or null, "Detail": text} as JSON on stdout.
Rows: cv:MODEL (repeated stratified 10 x 3 CV of common.MODELS[MODEL]), grid:svm and grid:random_forest (grid.py),
nested:MODEL (nested.py), permutation (permutation.py).
Run with Debian's python3-sklearn 1.2.1: /usr/bin/python3 bench/peer/rows.py ROW INPUT.json RUNS
"""
import json
import sys

import numpy as np

import grid
import nested
import permutation
from common import MODELS, cross_validated, folds, read, timed


def measure(row, data, x, y, runs):
    """The row's seconds, accuracy, ROC AUC and a one-line detail."""
    kind, _, name = row.partition(":")
    if kind == "cv":
        if name not in MODELS:
            raise SystemExit(f"rows.py: unknown model '{name}' in row '{row}'; models: {', '.join(MODELS)}")
        cv = folds(data["folds"])
        seconds, (accuracy, auc) = timed(lambda: cross_validated(MODELS[name], x, y, cv), runs)
        return seconds, accuracy, auc, f"{len(cv)} folds"
    if kind == "grid":
        search = {"svm": grid.svm_search, "random_forest": grid.forest_search}[name]
        seconds, result = timed(lambda: search(data, x, y), runs)
        return seconds, None, float(result.best_score_), f"best {result.best_params_}"
    if kind == "nested":
        seconds, (accuracy, auc) = timed(lambda: nested.nested(name, data["models"][name], x, y), runs)
        return seconds, accuracy, auc, f"{len(data['models'][name]['outer'])} outer folds"
    if kind == "permutation":
        seconds, result = timed(lambda: permutation.importances(permutation.fitted(x, y), data), runs)
        top = int(np.argmax(result.importances_mean))
        return seconds, None, None, f"most important: {data['names'][top]}, mean loss {result.importances_mean[top]:.4f}"
    raise SystemExit(f"rows.py: unknown row '{row}'")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: rows.py ROW INPUT.json RUNS")
    data, x, y = read(sys.argv[2])
    seconds, accuracy, auc, detail = measure(sys.argv[1], data, x, y, int(sys.argv[3]))
    json.dump({"Seconds": seconds, "Accuracy": accuracy, "RocAuc": auc, "Detail": detail}, sys.stdout)
