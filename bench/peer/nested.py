"""The scikit-learn side of `bench nested` and of the nested rows of `bench all`: for each model, GridSearchCV by ROC
AUC inside each outer fold on the inner folds the C# side used (positions among the outer training rows), the best
setting refitted on the outer training rows and scored on the outer test rows; mean outer accuracy and ROC AUC.
`bench nested` runs: /usr/bin/python3 bench/peer/nested.py bench/out/nested-folds.json, which prints
{model: {Accuracy, RocAuc, Seconds}} as JSON on stdout.
"""
import json
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from common import folds, read

# Our L2 logistic regression penalises lambda/2 ||w||^2 on the summed log loss: scikit-learn's C = 1 / lambda.
MODELS = {
    "logistic_l2": lambda grid: (make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
                                 {"logisticregression__C": [1 / v for v in grid["l2"]]}),
    "rbf_svm": lambda grid: (make_pipeline(StandardScaler(), SVC()), {"svc__C": grid["C"], "svc__gamma": grid["gamma"]}),
}


def nested(name, spec, x, y):
    """Mean outer accuracy and ROC AUC of the model's nested search over spec's outer and inner folds."""
    estimator, grid = MODELS[name](spec["grid"])
    accuracies, aucs = [], []
    for outer in spec["outer"]:
        train, test = np.array(outer["train"]), np.array(outer["test"])
        search = GridSearchCV(estimator, grid, scoring="roc_auc", cv=folds(outer["inner"]), n_jobs=-1).fit(x[train], y[train])
        accuracies.append(accuracy_score(y[test], search.predict(x[test])))
        aucs.append(roc_auc_score(y[test], search.decision_function(x[test])))
    return float(np.mean(accuracies)), float(np.mean(aucs))


if __name__ == "__main__":
    data, x, y = read(sys.argv[1])
    results = {}
    for name, spec in data["models"].items():
        start = time.perf_counter()
        accuracy, auc = nested(name, spec, x, y)
        results[name] = {"Accuracy": accuracy, "RocAuc": auc, "Seconds": time.perf_counter() - start}
    json.dump(results, sys.stdout)
