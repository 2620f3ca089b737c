"""The scikit-learn side of `bench grid`: GridSearchCV of SVC (RBF) over the grid and folds the C# side wrote, scored
by ROC AUC on every core (n_jobs=-1), timed over 5 runs. Prints {C, Gamma, Score, Median, Min, Max} as JSON.
Run with Debian's python3-sklearn 1.2.1: /usr/bin/python3 bench/peer/grid.py bench/out/grid-folds.json
"""
import json
import statistics
import sys
import time

import numpy as np
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

data = json.load(open(sys.argv[1]))
x = np.array(data["x"])
y = np.array(data["y"], dtype=int)
folds = [(np.array(f["train"]), np.array(f["test"])) for f in data["folds"]]
grid = {"svc__C": data["c"], "svc__gamma": data["gamma"]}

times = []
for _ in range(5):
    start = time.perf_counter()
    search = GridSearchCV(make_pipeline(StandardScaler(), SVC()), grid, scoring="roc_auc", cv=folds, n_jobs=-1).fit(x, y)
    times.append(time.perf_counter() - start)
json.dump({"C": search.best_params_["svc__C"], "Gamma": search.best_params_["svc__gamma"], "Score": search.best_score_,
           "Median": statistics.median(times), "Min": min(times), "Max": max(times)}, sys.stdout)
