#!/usr/bin/python3
"""Reference values for the model tests, computed with Debian's scikit-learn 1.2.1.

Run from the repository root:  /usr/bin/python3 tests/BreastCancer.Analysis.Tests/Fixtures/make_model_fixtures.py
It writes models.json beside this script: the first 240 rows of data/wdbc.csv, standardised (the standardised values
are stored, so both sides see the same inputs), split into 180 training and 60 scoring rows; for three (C, gamma)
settings, scikit-learn's SVC (LIBSVM, tol 1e-3, RBF kernel) fitted on the training rows: its offset, number of support
vectors, sum of dual coefficients, and decision values on the scoring rows; and the ROC curve of those decision values
(sklearn.metrics.roc_curve with drop_intermediate=False).
"""
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import roc_curve
from sklearn.svm import SVC

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))
with open(os.path.join(root, "data", "wdbc.csv"), newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = [r for r in reader][:240]
diagnosis = header.index("diagnosis")
y = np.array([1 if r[diagnosis] == "M" else 0 for r in rows])
x = np.array([[float(v) for i, v in enumerate(r) if i != diagnosis] for r in rows])
x = (x - x.mean(axis=0)) / x.std(axis=0)
train, score = slice(0, 180), slice(180, 240)

cases = []
for c, gamma in [(1.0, 1 / 30), (10.0, 0.01), (0.3, 0.1)]:
    svc = SVC(C=c, gamma=gamma, kernel="rbf", tol=1e-3).fit(x[train], y[train])
    decision = svc.decision_function(x[score])
    fpr, tpr, _ = roc_curve(y[score], decision, drop_intermediate=False)
    cases.append({
        "c": c, "gamma": gamma,
        "rho": float(-svc.intercept_[0]),
        "support_vectors": int(svc.support_.size),
        "dual_coefficient_sum_abs": float(np.abs(svc.dual_coef_).sum()),
        "decision": decision.tolist(),
        "roc_fpr": fpr.tolist(), "roc_tpr": tpr.tolist(),
    })

with open(os.path.join(here, "models.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "x_train": x[train].tolist(), "y_train": y[train].tolist(),
               "x_score": x[score].tolist(), "y_score": y[score].tolist(), "cases": cases}, f)
