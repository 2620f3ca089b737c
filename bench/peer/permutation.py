"""The scikit-learn side of `bench shap` and of the permutation row of `bench all`: permutation_importance of an L2
logistic regression (C = 1, on standardised features, fitted once on the training rows the C# side wrote) on the
held-out rows, ROC AUC, 10 repeats, on every core.
`bench shap` runs: /usr/bin/python3 bench/peer/permutation.py bench/out/permutation.json, which times it over 5 runs
and prints {Top, TopMean, Median} as JSON: the most important feature's index and mean loss, the median seconds.
"""
import json
import statistics
import sys

import numpy as np
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from common import read, timed


def fitted(x, y):
    """The logistic regression whose importances are measured."""
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)).fit(x, y)


def importances(model, data):
    """permutation_importance of the model on data's held-out rows."""
    test, labels = np.array(data["test"]), np.array(data["labels"], dtype=int)
    return permutation_importance(model, test, labels, scoring="roc_auc", n_repeats=10, random_state=1, n_jobs=-1)


if __name__ == "__main__":
    data, x, y = read(sys.argv[1])
    model = fitted(x, y)
    times, result = timed(lambda: importances(model, data), 5)
    top = int(np.argmax(result.importances_mean))
    json.dump({"Top": top, "TopMean": float(result.importances_mean[top]), "Median": statistics.median(times)}, sys.stdout)
