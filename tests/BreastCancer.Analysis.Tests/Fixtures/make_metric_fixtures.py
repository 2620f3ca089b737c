#!/usr/bin/python3
"""Reference values for the metric tests, computed with Debian's scikit-learn 1.2.1 on fixed predictions.

Run from the repository root:  /usr/bin/python3 tests/BreastCancer.Analysis.Tests/Fixtures/make_metric_fixtures.py
It writes metrics.json beside this script: three cases of labels (1 = malignant) and predicted probabilities, one with
many tied probabilities and one where nothing is predicted positive, each with every metric at threshold 0.5.
"""
import json
import os

import numpy as np
import sklearn
from sklearn import metrics

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2024)


def case(y, p):
    pred = (p >= 0.5).astype(int)
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    return {
        "labels": y.tolist(), "probabilities": p.tolist(),
        "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn),
        "accuracy": metrics.accuracy_score(y, pred),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, pred),
        "precision": metrics.precision_score(y, pred, zero_division=0),
        "recall": metrics.recall_score(y, pred, zero_division=0),
        "specificity": metrics.recall_score(y, pred, pos_label=0, zero_division=0),
        "f1": metrics.f1_score(y, pred, zero_division=0),
        "mcc": metrics.matthews_corrcoef(y, pred),
        "roc_auc": metrics.roc_auc_score(y, p),
        "average_precision": metrics.average_precision_score(y, p),
        "brier": metrics.brier_score_loss(y, p),
        "log_loss": metrics.log_loss(y, p),
    }


y1 = rng.integers(0, 2, 60)
p1 = np.clip(0.35 * y1 + rng.uniform(0, 0.65, 60), 0, 1)
y2 = rng.integers(0, 2, 80)
p2 = np.round(np.clip(0.3 * y2 + rng.uniform(0, 0.7, 80), 0, 1), 1)
y3 = np.array([0, 0, 1, 1, 0, 1, 0, 0])
p3 = np.array([0.1, 0.2, 0.3, 0.45, 0.05, 0.4, 0.0, 0.49])
with open(os.path.join(here, "metrics.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "cases": [case(y1, p1), case(y2, p2), case(y3, p3)]}, f, indent=1)
print("wrote", os.path.join(here, "metrics.json"))
