"""What the peer's scripts share: the scikit-learn estimators matched to our catalogue, the search grids, the folds
and rows the C# side wrote as JSON, and timing. Debian's python3-sklearn 1.2.1 (numpy 1.24, scipy 1.10).

Our models and their scikit-learn counterparts (lib/BreastCancer.Analysis/Modeling/ModelCatalogue.cs):
- logistic regression: ML.NET's L-BFGS with lambda/2 ||w||^2 on the summed log loss is C = 1 / lambda; L1 likewise;
- the RBF SVM, Platt-calibrated on inner 5-fold out-of-fold margins: SVC(probability=True), which does the same;
- the random forest (ours grown as scikit-learn grows it: 100 trees on bootstrap samples, at most 32 leaves of at least
  2 rows, 18 % of the features per split, 5 of 30 as max_features="sqrt"): RandomForestClassifier with
  max_leaf_nodes=32, min_samples_leaf=2, max_features=0.18;
- gradient boosting (FastTree, 100 stages of at most 8 leaves, learning rate 0.1): GradientBoostingClassifier with
  max_leaf_nodes=8; LightGBM (the same settings): HistGradientBoostingClassifier, the histogram booster modelled on it.
"""
import json
import time

import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, LinearSVC

MODELS = {
    "majority": lambda: DummyClassifier(strategy="prior"),
    "logistic_l2": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
    "logistic_l1": lambda: make_pipeline(StandardScaler(), LogisticRegression(penalty="l1", solver="liblinear")),
    "linear_svm": lambda: make_pipeline(StandardScaler(), LinearSVC(dual=True, max_iter=10000)),
    "rbf_svm": lambda: make_pipeline(StandardScaler(), SVC()),
    "rbf_svm_probability": lambda: make_pipeline(StandardScaler(), SVC(probability=True, random_state=1)),
    "random_forest": lambda: RandomForestClassifier(n_estimators=100, max_leaf_nodes=32, min_samples_leaf=2, max_features=0.18, random_state=1),
    "gradient_boosting": lambda: GradientBoostingClassifier(n_estimators=100, max_leaf_nodes=8, learning_rate=0.1, random_state=1),
    "hist_gradient_boosting": lambda: HistGradientBoostingClassifier(max_iter=100, max_leaf_nodes=8, learning_rate=0.1, early_stopping=False, random_state=1),
}


def read(path):
    """The JSON the C# side wrote, with x as a float array and y as 0/1."""
    data = json.load(open(path))
    return data, np.array(data["x"]), np.array(data["y"], dtype=int)


def folds(items):
    """[(train, test)] index arrays from [{"train": [...], "test": [...]}]."""
    return [(np.array(f["train"]), np.array(f["test"])) for f in items]


def accuracy_at_half(estimator, x, y):
    """Accuracy of the decision "malignant when the predicted probability is at least 0.5": ours
    (ClassificationMetrics at its default threshold). For SVC(probability=True) this is not `predict`, which takes the
    sign of the margin and can disagree with the Platt probability (scikit-learn's user guide, SVM scores and
    probabilities); for the other models the two are the same decision. An estimator without probabilities (LinearSVC,
    SVC()) is scored by `predict`."""
    if not hasattr(estimator, "predict_proba"):
        return accuracy_score(y, estimator.predict(x))
    return accuracy_score(y, estimator.predict_proba(x)[:, 1] >= 0.5)


def cross_validated(make, x, y, cv):
    """Mean accuracy (at probability 0.5) and ROC AUC of a fresh estimator over the folds, the folds fitted in parallel on every core."""
    scores = cross_validate(make(), x, y, cv=cv, scoring={"accuracy": accuracy_at_half, "roc_auc": "roc_auc"}, n_jobs=-1)
    return float(np.mean(scores["test_accuracy"])), float(np.mean(scores["test_roc_auc"]))


def timed(run, runs):
    """One warm-up call of run() (imports, joblib's worker pool), then `runs` timed calls: the seconds and the last result."""
    run()
    seconds, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        seconds.append(time.perf_counter() - start)
    return seconds, result
