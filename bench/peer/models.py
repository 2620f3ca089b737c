"""The scikit-learn side of `bench models`: every model under the same folds as ours (read from the JSON the C#
side writes), timed in this process. Prints {name: {Accuracy, RocAuc, Seconds}} as JSON on stdout.
Run with Debian's python3-sklearn 1.2.1: /usr/bin/python3 bench/peer/models.py bench/out/folds.json
"""
import json
import sys
import time

import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, LinearSVC

data = json.load(open(sys.argv[1]))
x = np.array(data["x"])
y = np.array(data["y"], dtype=int)
folds = [(np.array(f["train"]), np.array(f["test"])) for f in data["folds"]]

models = {
    "majority": lambda: DummyClassifier(strategy="prior"),
    "logistic_l2": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
    "logistic_l1": lambda: make_pipeline(StandardScaler(), LogisticRegression(penalty="l1", solver="liblinear")),
    "linear_svm": lambda: make_pipeline(StandardScaler(), LinearSVC(dual=True, max_iter=10000)),
    "rbf_svm": lambda: make_pipeline(StandardScaler(), SVC()),
    "rbf_svm_probability": lambda: make_pipeline(StandardScaler(), SVC(probability=True, random_state=1)),
    "random_forest": lambda: RandomForestClassifier(n_estimators=100, random_state=1),
    "gradient_boosting": lambda: GradientBoostingClassifier(n_estimators=100, random_state=1),
}


def score(model, xt):
    if hasattr(model, "predict_proba"):
        return model.predict_proba(xt)[:, 1]
    return model.decision_function(xt)


results = {}
for name, make in models.items():
    start = time.perf_counter()
    accuracies, aucs = [], []
    for train, test in folds:
        model = make().fit(x[train], y[train])
        accuracies.append(accuracy_score(y[test], model.predict(x[test])))
        aucs.append(roc_auc_score(y[test], score(model, x[test])))
    results[name] = {"Accuracy": float(np.mean(accuracies)), "RocAuc": float(np.mean(aucs)), "Seconds": time.perf_counter() - start}
json.dump(results, sys.stdout)
