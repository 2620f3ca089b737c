"""The scikit-learn side of `bench nested`: for each model, GridSearchCV by ROC AUC inside each outer fold on the
inner folds the C# side used (positions among the outer training rows), the best setting refitted on the outer
training rows and scored on the outer test rows. Prints {model: {Accuracy, RocAuc, Seconds}} as JSON on stdout.
Run with Debian's python3-sklearn 1.2.1: /usr/bin/python3 bench/peer/nested.py bench/out/nested-folds.json
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

data = json.load(open(sys.argv[1]))
x = np.array(data["x"])
y = np.array(data["y"], dtype=int)

# Our L2 logistic regression penalises lambda/2 ||w||^2 on the summed log loss: scikit-learn's C = 1 / lambda.
models = {
    "logistic_l2": lambda grid: (make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
                                 {"logisticregression__C": [1 / v for v in grid["l2"]]}),
    "rbf_svm": lambda grid: (make_pipeline(StandardScaler(), SVC()), {"svc__C": grid["C"], "svc__gamma": grid["gamma"]}),
}

results = {}
for name, spec in data["models"].items():
    estimator, grid = models[name](spec["grid"])
    start = time.perf_counter()
    accuracies, aucs = [], []
    for outer in spec["outer"]:
        train, test = np.array(outer["train"]), np.array(outer["test"])
        inner = [(np.array(f["train"]), np.array(f["test"])) for f in outer["inner"]]
        search = GridSearchCV(estimator, grid, scoring="roc_auc", cv=inner, n_jobs=-1).fit(x[train], y[train])
        scores = search.decision_function(x[test])
        accuracies.append(accuracy_score(y[test], search.predict(x[test])))
        aucs.append(roc_auc_score(y[test], scores))
    results[name] = {"Accuracy": float(np.mean(accuracies)), "RocAuc": float(np.mean(aucs)), "Seconds": time.perf_counter() - start}
json.dump(results, sys.stdout)
