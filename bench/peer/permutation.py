"""The scikit-learn side of `bench shap`: permutation_importance of an L2 logistic regression (C = 1, on standardised
features) on the held-out rows the C# side wrote, ROC AUC, 10 repeats, on every core, timed over 5 runs. Prints
{Top, TopMean, Median} as JSON: the most important feature's index and mean loss, and the median time in seconds.
Run with Debian's python3-sklearn 1.2.1: /usr/bin/python3 bench/peer/permutation.py bench/out/permutation.json
"""
import json
import statistics
import sys
import time

import numpy as np
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

data = json.load(open(sys.argv[1]))
model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)).fit(np.array(data["x"]), np.array(data["y"], dtype=int))
test, labels = np.array(data["test"]), np.array(data["labels"], dtype=int)

times = []
for _ in range(5):
    start = time.perf_counter()
    result = permutation_importance(model, test, labels, scoring="roc_auc", n_repeats=10, random_state=1, n_jobs=-1)
    times.append(time.perf_counter() - start)
top = int(np.argmax(result.importances_mean))
json.dump({"Top": top, "TopMean": float(result.importances_mean[top]), "Median": statistics.median(times)}, sys.stdout)
