"""The scikit-learn side of the whole-study benchmark: the computations of notebooks 01 to 08 in numpy, scipy 1.10 and
scikit-learn 1.2.1 (no pandas), one function per notebook, each timed. Prints {"Steps": {notebook: seconds}, "HeldOut":
{Model, Accuracy, RocAuc}} as JSON on stdout, HeldOut being notebook 06's deployed model on the held-out patients
(accuracy at 0.5); errors on stderr and exit code 1 if the data is missing or invalid. STUDY_PEER_DETAILS=1 also
prints each notebook's figures on stderr, to compare with the notebooks'.
Run with Debian's python3-sklearn 1.2.1: /usr/bin/python3 bench/peer/study.py DATA_DIR [SPLIT.json]
DATA_DIR holds wdbc.csv and wbco.csv (notebook 01 reads both). The held-out split and every set of folds are the
notebooks' own: StratifiedGroupKFold.cs and .NET's seeded System.Random (Random(int), Next, NextDouble, Shuffle) are
ported below and give the same rows, so no split file is needed; an optional SPLIT.json, {"train": [row indices],
"test": [row indices]} over the rows of wdbc.csv in file order, replaces the WDBC held-out split.

Models (ModelCatalogue.cs; pipelines: median imputation, standardisation, [selector,] classifier): L2 logistic
regression is LogisticRegression(C = 1/lambda2); L1 is liblinear, C = 1/lambda1, intercept_scaling 1e4 (intercept
unpenalised, as ours); ML.NET's default LogisticRegression() of notebooks 01 and 04 (lambda1 = lambda2 = 1) is saga
elastic net, C = 1/2, l1_ratio 1/2; the linear SVM (Pegasos, lambda 0.001) is LinearSVC(C = 1/(lambda n), n = 410);
the RBF SVM SVC(C, gamma); the forest RandomForestClassifier(100 trees, max_leaf_nodes 32, min_samples_leaf 2,
max_features 0.18, as ours grows it; 0.34 for WBCO's 9 features in notebook 01, the same square-root rule); FastTree GradientBoostingClassifier(100 stages,
max_leaf_nodes 8, learning rate 0.1); LightGBM HistGradientBoostingClassifier(the same, no early stopping). The models
ours Platt-calibrates (the SVMs) go through PlattCalibrated: CalibratedClassifierCV(method='sigmoid', cv=5,
ensemble=False) written out (cross_val_predict, scikit-learn's sigmoid fit, refit) so that it keeps, as ours does, the
out-of-fold probabilities the threshold search reuses. StandardScaler divides by the population SD, ours by the sample
SD. Folds run in parallel (joblib, n_jobs=-1) as ours; searches are GridSearchCV(n_jobs=-1) on the notebooks' folds.

Mirrored, per notebook (and not mirrored):
- 01-data: both files read and validated cell by cell (layout from the header or UCI's header-less layouts); the
  damaged copy written to a temporary file and refused; missing values; the imputation comparison (drop, median, mean,
  most frequent, 5-NN; 5 x 10-fold CV grouped by patient); duplicates; the grouping leak for logistic regression and
  the forest (grouped and ungrouped 5 x 10-fold CV); the consistency checks; class counts; both held-out
  splits. Not: the class-balance chart.
- 02-eda: class descriptions, Cohen's d with intervals, Welch and Mann-Whitney tests with Benjamini-Hochberg, PCA.
  Not: histograms, box plots, scatter matrix, PCA charts.
- 03-correlation: Pearson and Spearman matrices and pairs above 0.9, point-biserial correlations, average and Ward
  clustering of 1 - |rho| cut at 0.2, the leaf order, VIFs. Not: heatmap, VIF chart.
- 04-features: the eight selectors on the training rows (RFECV is scikit-learn's, which scores each step with the
  model it ranks with where ours refits it); the L1 path; stability over the notebook's 20 bootstrap resamples; score
  by number of features (10 x 30 folds); the selection leak on WDBC and on the 455 x 1000 noise control; Street et
  al.'s three features (logistic regression, forest); engineered features; the three feature sets. Not:
  the charts.
- 05-models: the eight models on the 30 folds with the 98 %-sensitivity threshold chosen in each training fold (from
  the calibrator's out-of-fold probabilities, or cross_val_predict on the notebook's 5 inner folds); paired corrected
  t-tests; the data of the charts (mean ROC and PR curves, confusion matrices, reliability and ECE, operating points,
  decision curves); the leaders on the three feature sets; both held-out scores. Not: drawing the charts.
- 06-tuning: the SVM, logistic, forest and LightGBM grids on 10 folds; the random search as a GridSearchCV over the 30
  settings ours draws (RandomizedSearchCV would draw others, of other cost); nested CV of logistic regression and the
  SVM (30 outer folds, 5 inner); both searches on the 30 folds; paired tests; the final model (as the notebook's code:
  the 30-fold search's best logistic regression), its threshold, held-out score, 30-fold CV and card figures; pickled
  to a temporary models folder, loaded back, checked on all 569 rows; the 10-fold searches' chosen settings saved beside it. Not: charts, card.html.
- 07-explanations: the final model loaded from that folder; the forest, LightGBM and SVM settings notebook 06's
  searches chose read from it (tuned-settings.json, as ours), the forest, the calibrated SVM and the boosting refitted, all three scoring the held-out rows; permutation importance on
  the held-out rows (log loss, 30 repeats) by feature (permutation_importance) and by correlation cluster (written
  out: scikit-learn has no grouped permutation); the three patients. Not: linear SHAP, TreeSHAP, Kernel SHAP (no shap
  package is installable here, and SHAP is not hand-written), their charts and the agreement of rankings.
- 08-deployment-and-monitoring: the app's computations without the app: the models folder copied to a temporary
  workspace and loaded as the app loads a model (training-row probabilities, example patients, 5-fold conformal
  calibration); the 114 patients scored in requests of 50 and their outcomes kept in memory; live performance (Wilson
  intervals); drift of the latest 100 predictions (PSI on training deciles, scipy.stats.ks_2samp, Holm, the predicted
  rate's two-proportion test); the stream re-scanned 15 % high; the timelines (window 100, every 10); the retrain
  (challenger against champion on 5 stratified folds of the 228 outcomes, refit on 683 rows, the card's 10 x 3 CV and
  one-setting nested CV), saved, promoted and rolled back. Not: the web server, HTTP, SQLite, the per-prediction SHAP
  contributions, the dashboard.
Chart drawing and HTML export are not in the peer's time (ours includes them), which favours the peer; 00-overview
(loading both files and counting classes, which 01 does again) has no step. The figures agree with the notebooks'
(final model: l2 = 3, held-out accuracy 0.9737, ROC AUC 0.9957, threshold 0.190).
"""
import csv
import hashlib
import json
import math
import os
import pickle
import shutil
import sys
import tempfile
import time
from functools import partial

import numpy as np
from joblib import Parallel, delayed
from scipy import stats
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.calibration import _SigmoidCalibration
from sklearn.decomposition import PCA
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.feature_selection import RFECV, SelectFromModel, SelectKBest, SelectorMixin, VarianceThreshold, f_classif, mutual_info_classif
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, precision_recall_curve, roc_auc_score, roc_curve
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, LinearSVC

N_JOBS = -1
SEED = 1
SPLIT_SEED = 20_261_124
TARGET_SENSITIVITY = 0.98
PROPERTIES = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave_points", "symmetry", "fractal_dimension"]
WDBC_FEATURES = [f"{p}_{s}" for s in ("mean", "se", "worst") for p in PROPERTIES]
WBCO_FEATURES = ["clump_thickness", "cell_size_uniformity", "cell_shape_uniformity", "marginal_adhesion", "epithelial_cell_size",
                 "bare_nuclei", "bland_chromatin", "normal_nucleoli", "mitoses"]
LABEL_NAMES = ["diagnosis", "class", "target", "label"]
ID_NAMES = ["id", "sample_code_number", "sample_id", "patient_id"]
STREET = ["area_worst", "smoothness_worst", "texture_mean"]
METRICS = ["accuracy", "balanced_accuracy", "precision", "sensitivity", "specificity", "f1", "mcc", "roc_auc", "average_precision", "brier", "log_loss"]
LOWER_IS_BETTER = {"brier", "log_loss"}
SVM_GRID = {"C": [0.1, 0.3, 1, 3, 10, 30, 100], "gamma": [0.001, 0.003, 0.01, 0.03, 0.1, 0.3]}
LR_GRID = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100]
FOREST_GRID = {"trees": [100, 300], "leaves": [8, 32], "feature_fraction": [0.1, 0.18, 0.3, 0.6]}
BOOSTING_GRID = {"trees": [50, 100, 200], "leaves": [4, 8, 16], "learning_rate": [0.05, 0.1, 0.2]}


class DataError(Exception):
    """The data is missing or does not validate; the message says where."""


# ---------------------------------------------------------------------------------------------------------------------
# The notebooks' randomness: .NET's seeded System.Random and the library's StratifiedGroupKFold, ported exactly.

INT_MAX = 2147483647


def _i32(value):
    return (value + 2**31) % 2**32 - 2**31


class DotNetRandom:
    """new Random(seed) of .NET (the Knuth subtractive generator kept for seeded instances)."""

    def __init__(self, seed):
        seeds = [0] * 56
        mj = _i32(161803398 - (INT_MAX if seed == -2**31 else abs(seed)))
        seeds[55], mk, ii = mj, 1, 0
        for _ in range(1, 55):
            ii = ii + 21 - 55 if ii + 21 >= 55 else ii + 21
            seeds[ii] = mk
            mk = _i32(mj - mk)
            mk = _i32(mk + INT_MAX) if mk < 0 else mk
            mj = seeds[ii]
        for _ in range(1, 5):
            for i in range(1, 56):
                n = i + 30 - 55 if i + 30 >= 55 else i + 30
                seeds[i] = _i32(seeds[i] - seeds[1 + n])
                seeds[i] = _i32(seeds[i] + INT_MAX) if seeds[i] < 0 else seeds[i]
        self._seeds, self._inext, self._inextp = seeds, 0, 21

    def _sample(self):
        inext = 1 if self._inext + 1 >= 56 else self._inext + 1
        inextp = 1 if self._inextp + 1 >= 56 else self._inextp + 1
        value = _i32(self._seeds[inext] - self._seeds[inextp])
        value = value - 1 if value == INT_MAX else value
        value = _i32(value + INT_MAX) if value < 0 else value
        self._seeds[inext], self._inext, self._inextp = value, inext, inextp
        return value

    def next(self, low=None, high=None):
        if low is None:
            return self._sample()
        if high is None:
            low, high = 0, low
        return int(self._sample() * (1.0 / INT_MAX) * (high - low)) + low

    def next_double(self):
        return self._sample() * (1.0 / INT_MAX)

    def shuffle(self, values):
        for i in range(len(values) - 1):
            j = self.next(i, len(values))
            values[i], values[j] = values[j], values[i]


def study_folds(labels, groups, k, seed, repeats=1):
    """StratifiedGroupKFold.Split of the library: [(train, test)] for each repeat and fold, ascending row indices."""
    labels = np.asarray(labels, dtype=bool)
    members, index = [], {}
    for r in range(len(labels)):
        key = ("g", groups[r]) if groups is not None and groups[r] is not None else ("r", r)
        if key not in index:
            index[key] = len(members)
            members.append([])
        members[index[key]].append(r)
    if len(members) < k:
        raise ValueError(f"{len(members)} groups cannot fill {k} folds")
    seeds = DotNetRandom(seed)
    malignant = int(labels.sum())
    target = (malignant / k, (len(labels) - malignant) / k)

    def cost(count, aim):
        return (count - aim) * (count - aim)

    folds = []
    for _ in range(repeats):
        random = DotNetRandom(seeds.next())
        order = list(members)
        random.shuffle(order)
        order.sort(key=len, reverse=True)
        counts = [[0, 0] for _ in range(k)]
        assignment = np.empty(len(labels), dtype=int)
        for group in order:
            m = int(labels[group].sum())
            b = len(group) - m
            best = min(range(k), key=lambda f: (cost(counts[f][0] + m, target[0]) + cost(counts[f][1] + b, target[1])
                                               - cost(counts[f][0], target[0]) - cost(counts[f][1], target[1]), counts[f][0] + counts[f][1]))
            counts[best][0] += m
            counts[best][1] += b
            assignment[group] = best
        folds.extend((np.flatnonzero(assignment != f), np.flatnonzero(assignment == f)) for f in range(k))
    return folds


def held_out_split(data):
    """HeldOutSplit.ForStudy: fold 0 of 5-fold stratified (grouped by id) CV with the study's seed; or the split file's."""
    if data.kind == "wdbc" and SPLIT_OVERRIDE is not None:
        train, test = SPLIT_OVERRIDE
        if np.intersect1d(train, test).size or not np.array_equal(np.union1d(train, test), np.arange(len(data.y))):
            raise DataError(f"the split file's train and test rows must partition the {len(data.y)} rows of {data.path}")
        return train, test
    return study_folds(data.y, data.ids, 5, SPLIT_SEED)[0]


SPLIT_OVERRIDE = None


# ---------------------------------------------------------------------------------------------------------------------
# Reading and validating the CSV files (DataLoader).

class Data:
    def __init__(self, kind, path, x, y, ids, lines, warnings):
        self.kind, self.path, self.x, self.y, self.ids, self.lines, self.warnings = kind, path, x, y, ids, lines, warnings
        self.features = WDBC_FEATURES if kind == "wdbc" else WBCO_FEATURES

    def subset(self, rows):
        return Data(self.kind, self.path, self.x[rows], self.y[rows], None if self.ids is None else [self.ids[r] for r in rows],
                    [self.lines[r] for r in rows], self.warnings)


def _normalize(name):
    return "".join(c.lower() for c in name if c.isalnum())


_FEATURE_KEYS = {**{_normalize(f): ("wdbc", i) for i, f in enumerate(WDBC_FEATURES)}, **{_normalize(f): ("wbco", i) for i, f in enumerate(WBCO_FEATURES)}}
_LABEL_KEYS = {_normalize(n) for n in LABEL_NAMES}
_ID_KEYS = {_normalize(n) for n in ID_NAMES}


def read_data(path):
    """(Data or None, findings): every finding (severity, line, column, value, message); None when there is an error."""
    findings = []

    def error(line, column, value, message):
        findings.append(("error", line, column, value, message))

    def warning(line, column, value, message):
        findings.append(("warning", line, column, value, message))

    if not os.path.isfile(path):
        raise DataError(f"no data file at {os.path.abspath(path)}")
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        records = []
        for fields in reader:
            if all(not f.strip() for f in fields) and len(fields) <= 1:
                warning(reader.line_num, None, None, "blank line ignored")
            else:
                records.append((reader.line_num, fields))
    if not records:
        error(None, None, None, "the file is empty: no header and no rows")
        return None, findings
    line, first = records[0]
    named = sum(1 for f in first if _normalize(f) in _FEATURE_KEYS or _normalize(f) in _LABEL_KEYS or _normalize(f) in _ID_KEYS)
    columns = []  # (position, header, role, feature index)
    if named >= 2:
        layout, rows, kinds = "headed", records[1:], set()
        for position, name in enumerate(first):
            key = _normalize(name)
            if key in _FEATURE_KEYS:
                kinds.add(_FEATURE_KEYS[key][0])
                columns.append((position, name, "feature", _FEATURE_KEYS[key][1]))
            elif key in _LABEL_KEYS:
                columns.append((position, name, "label", None))
            elif key in _ID_KEYS:
                columns.append((position, name, "id", None))
            elif not name.strip() or name.startswith("Unnamed:"):
                if all(position >= len(r) or not r[position].strip() for _, r in rows):
                    warning(line, name or str(position + 1), None, "a column with no header and no values is ignored")
                else:
                    error(line, name or str(position + 1), None, "a column has no header but holds values")
            else:
                error(line, name, None, "unknown column: not a WDBC or WBCO feature, nor a label or id column")
        if len(kinds) != 1:
            error(line, None, None, "the header mixes WDBC and WBCO columns" if kinds else "the header names no feature of WDBC or WBCO")
            return None, findings
        kind = kinds.pop()
        names = WDBC_FEATURES if kind == "wdbc" else WBCO_FEATURES
        roles = [(role, feature) for _, _, role, feature in columns]
        for role_feature in set(roles):
            if roles.count(role_feature) > 1:
                error(line, None, None, f"duplicate column: several columns name {names[role_feature[1]] if role_feature[0] == 'feature' else role_feature[0]}")
        missing = [f for i, f in enumerate(names) if ("feature", i) not in roles]
        if missing:
            error(line, None, None, f"missing {kind.upper()} columns: {', '.join(missing)}")
        if ("label", None) not in roles:
            error(line, None, None, f"no label column (one of: {', '.join(LABEL_NAMES)})")
    elif len(first) == 32 and first[1].strip() in ("M", "B"):
        layout, rows, kind = "uci-wdbc", records, "wdbc"
        columns = [(0, "1 (id)", "id", None), (1, "2 (diagnosis)", "label", None)] + [(i + 2, f, "feature", i) for i, f in enumerate(WDBC_FEATURES)]
    elif len(first) == 11 and first[-1].strip() in ("2", "4"):
        layout, rows, kind = "uci-wbco", records, "wbco"
        columns = [(0, "1 (id)", "id", None)] + [(i + 1, f, "feature", i) for i, f in enumerate(WBCO_FEATURES)] + [(10, "class", "label", None)]
    else:
        error(line, None, None, f"unrecognised layout: the first line has {len(first)} fields and no header naming the columns")
        return None, findings
    if not rows:
        error(line, None, None, "the file has a header but no data rows")
    width = len(first)
    n_features = len(WDBC_FEATURES if kind == "wdbc" else WBCO_FEATURES)
    has_ids = any(role == "id" for _, _, role, _ in columns)
    values, labels, ids, lines = [], [], [], []
    for number, fields in rows:
        if len(fields) != width:
            error(number, None, None, f"the line has {len(fields)} fields, but the {'header' if layout == 'headed' else layout + ' layout'} has {width}")
            continue
        row, label, identifier, ok = np.full(n_features, np.nan), None, None, True
        for position, header, role, feature in columns:
            text = fields[position].strip()
            if role == "feature":
                if text in ("", "?", "NA"):
                    warning(number, header, fields[position], "missing value")
                    continue
                try:
                    value = float(text)
                except ValueError:
                    error(number, header, fields[position], "not a number")
                    ok = False
                    continue
                if not math.isfinite(value):
                    error(number, header, fields[position], "not a finite number")
                    ok = False
                elif kind == "wdbc" and value < 0:
                    error(number, header, fields[position], "negative, but every WDBC feature is a size, a texture or a shape measure")
                    ok = False
                elif kind == "wbco" and (value != math.floor(value) or not 1 <= value <= 10):
                    error(number, header, fields[position], "not a cytology score: scores are whole numbers from 1 to 10")
                    ok = False
                else:
                    row[feature] = value
            elif role == "label":
                if text.upper() in ("M", "B"):
                    label = text.upper() == "M"
                elif layout == "uci-wbco" and text in ("2", "4"):
                    label = text == "4"
                else:
                    error(number, header, fields[position], "missing label" if not text else "not a label: expected M (malignant) or B (benign)")
                    ok = False
            elif role == "id":
                identifier = text or None
                if identifier is None:
                    warning(number, header, fields[position], "missing id: the row cannot be grouped with its patient's other rows")
        if ok:
            values.append(row)
            labels.append(label)
            ids.append(identifier)
            lines.append(number)
    if any(f[0] == "error" for f in findings):
        return None, findings
    return Data(kind, path, np.array(values), np.array(labels, dtype=int), ids if has_ids else None, lines,
                [f for f in findings if f[0] == "warning"]), findings


def load(path, kind):
    data, findings = read_data(path)
    if data is None:
        errors = [f for f in findings if f[0] == "error"]
        shown = "; ".join(f"line {line}, column {column}, value {value!r}: {message}" for _, line, column, value, message in errors[:10])
        raise DataError(f"{path} does not load ({len(errors)} errors): {shown}")
    if data.kind != kind:
        raise DataError(f"{path} holds {data.kind.upper()} data, but {kind.upper()} was expected")
    return data


# ---------------------------------------------------------------------------------------------------------------------
# Metrics, summaries and tests (ClassificationMetrics, MetricSummary, CorrectedResampledTTest, OperatingPoint).

def classification_metrics(labels, p, threshold=0.5):
    labels = np.asarray(labels).astype(bool)
    predicted = p >= threshold
    tp, fp = int(np.sum(labels & predicted)), int(np.sum(~labels & predicted))
    tn, fn = int(np.sum(~labels & ~predicted)), int(np.sum(labels & ~predicted))

    def ratio(a, b):
        return a / b if b else 0.0

    sensitivity, specificity, precision = ratio(tp, tp + fn), ratio(tn, tn + fp), ratio(tp, tp + fp)
    denominator = math.sqrt(float(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    both = 0 < labels.sum() < len(labels)
    eps = np.finfo(float).eps
    return {"counts": (tp, fp, tn, fn), "accuracy": ratio(tp + tn, len(labels)), "balanced_accuracy": (sensitivity + specificity) / 2,
            "precision": precision, "sensitivity": sensitivity, "specificity": specificity,
            "f1": 2 * precision * sensitivity / (precision + sensitivity) if precision + sensitivity > 0 else 0.0,
            "mcc": (float(tp) * tn - float(fp) * fn) / denominator if denominator > 0 else 0.0,
            "roc_auc": roc_auc_score(labels, p) if both else float("nan"), "average_precision": average_precision_score(labels, p) if both else float("nan"),
            "brier": brier_score_loss(labels, p), "log_loss": log_loss(labels, np.clip(p, eps, 1 - eps), labels=[False, True])}


def summary(values, test_rows, training_rows):
    """Mean, SD and the Nadeau-Bengio corrected 95 % interval."""
    values = np.asarray(values, dtype=float)
    mean = float(values.mean())
    if len(values) < 2:
        return mean, float("nan"), float("nan"), float("nan")
    sd = float(values.std(ddof=1))
    half = stats.t.ppf(0.975, len(values) - 1) * math.sqrt((1 / len(values) + test_rows / training_rows) * sd * sd)
    return mean, sd, mean - half, mean + half


def corrected_t_test(first, second, training_rows, test_rows):
    differences = np.asarray(first) - np.asarray(second)
    folds, mean = len(differences), float(differences.mean())
    se = math.sqrt((1 / folds + test_rows / training_rows) * differences.var(ddof=1))
    t = mean / se if se > 0 else (0.0 if mean == 0 else math.copysign(math.inf, mean))
    p = 2 * stats.t.cdf(-abs(t), folds - 1) if se > 0 else (1.0 if mean == 0 else 0.0)
    critical = stats.t.ppf(0.975, folds - 1)
    return {"difference": mean, "t": t, "p": p, "low": mean - critical * se, "high": mean + critical * se}


def threshold_for_sensitivity(labels, p, target):
    positives = np.sort(p[np.asarray(labels).astype(bool)])[::-1]
    needed = math.ceil(target * len(positives) - 1e-9)
    return float(positives[max(needed, 1) - 1])


def benjamini_hochberg(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    adjusted = np.minimum.accumulate((p[order] * len(p) / np.arange(1, len(p) + 1))[::-1])[::-1]
    result = np.empty_like(p)
    result[order] = np.minimum(adjusted, 1)
    return result


def holm(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    adjusted = np.maximum.accumulate(np.minimum(1, (len(p) - np.arange(len(p))) * p[order]))
    result = np.empty_like(p)
    result[order] = adjusted
    return result


def wilson(successes, trials, confidence=0.95):
    if trials == 0:
        return float("nan"), float("nan"), float("nan")
    z = stats.norm.ppf(1 - (1 - confidence) / 2)
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z / (1 + z * z / trials) * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return p, max(0.0, centre - half), min(1.0, centre + half)


# ---------------------------------------------------------------------------------------------------------------------
# Models, selectors and cross-validation.

class PlattCalibrated(ClassifierMixin, BaseEstimator):
    """CalibratedClassifierCV(method='sigmoid', cv=5, ensemble=False), keeping the calibrated out-of-fold probabilities."""

    def __init__(self, estimator, cv=5):
        self.estimator = estimator
        self.cv = cv

    def _scores(self, model, x):
        return model.decision_function(x) if hasattr(model, "decision_function") else model.predict_proba(x)[:, 1]

    def fit(self, x, y):
        method = "decision_function" if hasattr(self.estimator, "decision_function") else "predict_proba"
        scores = cross_val_predict(clone(self.estimator), x, y, cv=self.cv, method=method)
        scores = scores[:, 1] if scores.ndim == 2 else scores
        self.calibrator_ = _SigmoidCalibration().fit(scores, y)
        self.oof_proba_ = self.calibrator_.predict(scores)
        self.estimator_ = clone(self.estimator).fit(x, y)
        self.classes_ = self.estimator_.classes_
        return self

    def decision_function(self, x):
        return self._scores(self.estimator_, x)

    def predict_proba(self, x):
        p = self.calibrator_.predict(self._scores(self.estimator_, x))
        return np.column_stack([1 - p, p])

    def predict(self, x):
        return self.classes_[(self.predict_proba(x)[:, 1] >= 0.5).astype(int)]


class Columns(SelectorMixin, BaseEstimator):
    """Keeps the given columns (ColumnSelection)."""

    def __init__(self, columns):
        self.columns = columns

    def fit(self, x, y=None):
        self.n_features_in_ = x.shape[1]
        return self

    def _get_support_mask(self):
        mask = np.zeros(self.n_features_in_, dtype=bool)
        mask[list(self.columns)] = True
        return mask


class CorrelationFilter(SelectorMixin, BaseEstimator):
    """One feature per cluster of 1 - |Spearman rho| (average linkage cut at the height): the one with the largest ANOVA F."""

    def __init__(self, height=0.2):
        self.height = height

    def fit(self, x, y):
        self.n_features_in_ = x.shape[1]
        self.clusters_ = spearman_clusters(x, self.height)
        f = f_classif(x, y)[0]
        self.mask_ = np.zeros(x.shape[1], dtype=bool)
        for cluster in self.clusters_:
            self.mask_[cluster[np.argmax(f[cluster])]] = True
        return self

    def _get_support_mask(self):
        return self.mask_


class VifElimination(SelectorMixin, BaseEstimator):
    """Drops the feature of largest variance inflation until every VIF is at most max_vif."""

    def __init__(self, max_vif=10.0):
        self.max_vif = max_vif

    def fit(self, x, y=None):
        kept = list(range(x.shape[1]))
        while len(kept) > 1:
            vifs = [vif(x[:, kept], c) for c in range(len(kept))]
            worst = int(np.argmax(vifs))
            if vifs[worst] <= self.max_vif:
                break
            del kept[worst]
        self.n_features_in_ = x.shape[1]
        self.mask_ = np.isin(np.arange(x.shape[1]), kept)
        return self

    def _get_support_mask(self):
        return self.mask_


class EngineeredFeatures(TransformerMixin, BaseEstimator):
    """Appends FeatureEngineering.WdbcCatalogue's 16 features: logs, shape ratios, irregularities, geometric residuals."""

    def fit(self, x, y=None):
        return self

    def transform(self, x):
        at = WDBC_FEATURES.index
        added = [np.log1p(x[:, at(n)]) for n in ["area_mean", "area_worst", "radius_se", "perimeter_se", "area_se", "concavity_se", "compactness_se", "fractal_dimension_se"]]
        for s in ("mean", "worst"):
            r, p, a = x[:, at(f"radius_{s}")], x[:, at(f"perimeter_{s}")], x[:, at(f"area_{s}")]
            added += [a / (p * p), p * p / (4 * np.pi * a) - 1, np.log(a / (np.pi * r * r)), np.log(p / (2 * np.pi * r))]
        return np.column_stack([x] + added)


def vif(x, j):
    target = x[:, j]
    others = np.column_stack([np.ones(len(x)), np.delete(x, j, axis=1)])
    coefficients = np.linalg.lstsq(others, target, rcond=None)[0]
    residual = target - others @ coefficients
    r2 = 1 - residual @ residual / np.sum((target - target.mean()) ** 2)
    return math.inf if r2 >= 1 - 1e-12 else 1 / (1 - r2)


def spearman_clusters(x, height, method="average"):
    rho = stats.spearmanr(x).correlation
    distance = 1 - np.abs(rho)
    np.fill_diagonal(distance, 0)
    tree = hierarchy.linkage(squareform(distance, checks=False), method=method)
    labels = hierarchy.fcluster(tree, t=height, criterion="distance")
    return [np.flatnonzero(labels == c) for c in np.unique(labels)]


def elastic_net():
    """ML.NET's LbfgsLogisticRegression() defaults, lambda1 = lambda2 = 1 on the summed log loss."""
    return LogisticRegression(penalty="elasticnet", solver="saga", l1_ratio=0.5, C=0.5, max_iter=5000)


def lasso(l1):
    return LogisticRegression(penalty="l1", solver="liblinear", C=1 / l1, intercept_scaling=1e4, tol=1e-6, max_iter=100_000)


def forest(trees=100, leaves=32, feature_fraction=0.18, min_leaf=2, seed=SEED):
    return RandomForestClassifier(n_estimators=trees, max_leaf_nodes=leaves, min_samples_leaf=min_leaf, max_features=feature_fraction, random_state=seed)


def lightgbm(trees=100, leaves=8, learning_rate=0.1):
    return HistGradientBoostingClassifier(max_iter=trees, max_leaf_nodes=leaves, learning_rate=learning_rate, early_stopping=False, random_state=SEED)


def catalogue_pipeline(classifier, selector=None):
    """CatalogueModel.Pipeline: median imputation, standardisation, the optional selector, the classifier."""
    steps = [SimpleImputer(strategy="median"), StandardScaler()] + ([selector] if selector is not None else []) + [classifier]
    return make_pipeline(*steps)


def catalogue():
    return {
        "majority class": catalogue_pipeline(DummyClassifier(strategy="prior")),
        "logistic regression, L2 (l2 = 1)": catalogue_pipeline(LogisticRegression(C=1.0, max_iter=5000)),
        "logistic regression, L1 (l1 = 1)": catalogue_pipeline(lasso(1.0)),
        "linear SVM (lambda = 0.001, passes = 10)": catalogue_pipeline(PlattCalibrated(LinearSVC(C=1 / (0.001 * 410), max_iter=10_000))),
        "RBF SVM (C = 1, gamma = scale)": catalogue_pipeline(PlattCalibrated(SVC(C=1.0, gamma="scale"))),
        "random forest (feature_fraction = 0.18, leaves = 32, min_leaf_rows = 2, trees = 100)": catalogue_pipeline(forest()),
        "gradient boosting, FastTree (learning_rate = 0.1, leaves = 8, trees = 100)": catalogue_pipeline(
            GradientBoostingClassifier(n_estimators=100, max_leaf_nodes=8, learning_rate=0.1, random_state=SEED)),
        "gradient boosting, LightGBM (learning_rate = 0.1, leaves = 8, trees = 100)": catalogue_pipeline(lightgbm()),
    }


def probability(model, x):
    if hasattr(model, "predict_proba"):
        return model.predict_proba(x)[:, 1]
    return expit(model.decision_function(x))


def _fit_fold(model, x, y, train, test, operating_point, seed):
    model.fit(x[train], y[train])
    p = probability(model, x[test])
    fold = {"train_rows": len(train), "test": test, "labels": y[test], "p": p, "metrics": classification_metrics(y[test], p)}
    if operating_point:
        oof = getattr(model[-1], "oof_proba_", None)
        if oof is None:
            oof = cross_val_predict(clone(model), x[train], y[train], cv=study_folds(y[train], None, 5, seed), method="predict_proba")[:, 1]
        threshold = threshold_for_sensitivity(y[train], oof, TARGET_SENSITIVITY)
        fold["op"] = {"threshold": threshold, "training": classification_metrics(y[train], oof, threshold), "test": classification_metrics(y[test], p, threshold)}
    return fold, model


def _score_fold(model, x, y, train, test, operating_point, seed):
    return _fit_fold(model, x, y, train, test, operating_point, seed)[0]


class CvResult:
    def __init__(self, name, folds):
        self.name, self.folds = name, folds

    def values(self, metric, key="metrics"):
        return [f[key][metric] if key == "metrics" else f["op"]["test"][metric] for f in self.folds]

    def summary(self, metric, key="metrics"):
        return summary(self.values(metric, key), np.mean([len(f["test"]) for f in self.folds]), np.mean([f["train_rows"] for f in self.folds]))

    def pooled(self):
        return np.concatenate([f["labels"] for f in self.folds]), np.concatenate([f["p"] for f in self.folds])

    def table(self):
        return {m: self.summary(m) for m in METRICS}


def cross_validate(name, model, x, y, folds, operating_point=False, seed=SEED):
    """CrossValidation.Run: the pipeline fitted on each training fold (in parallel), every metric on its test fold."""
    results = Parallel(n_jobs=N_JOBS)(delayed(_score_fold)(clone(model), x, y, train, test, operating_point, seed + i) for i, (train, test) in enumerate(folds))
    result = CvResult(name, results)
    result.table()
    return result


def fit_and_score(model, x, y, train, test, seed=SEED):
    """HeldOutScore / FinalModel.Train: fitted on the training rows with the threshold chosen there, scored on the test rows."""
    fold, fitted = _fit_fold(clone(model), x, y, train, test, True, seed)
    return fitted, fold


def paired(results, metric):
    """ModelComparison.Paired: every model's fold scores against the best model's, by the corrected resampled t-test."""
    sign = -1 if metric in LOWER_IS_BETTER else 1
    best = max(results, key=lambda r: sign * r.summary(metric)[0])
    test_rows = round(np.mean([len(f["test"]) for f in best.folds]))
    training_rows = round(np.mean([f["train_rows"] for f in best.folds]))
    return {r.name: corrected_t_test(r.values(metric), best.values(metric), training_rows, test_rows) for r in results if r is not best}


def grid_search(model, grid, x, y, folds, scoring="roc_auc"):
    """HyperparameterSearch.Grid: every setting cross-validated on the folds by ROC AUC, the best refitted on all rows."""
    return GridSearchCV(model, grid, scoring=scoring, cv=folds, n_jobs=N_JOBS).fit(x, y)


def svm_margin_grid():
    return catalogue_pipeline(SVC()), {"svc__C": SVM_GRID["C"], "svc__gamma": SVM_GRID["gamma"]}


def lr_grid():
    return catalogue_pipeline(LogisticRegression(max_iter=5000)), {"logisticregression__C": [1 / v for v in LR_GRID]}


def forest_votes_grid():
    return catalogue_pipeline(forest()), {"randomforestclassifier__n_estimators": FOREST_GRID["trees"], "randomforestclassifier__max_leaf_nodes": FOREST_GRID["leaves"],
                                          "randomforestclassifier__max_features": FOREST_GRID["feature_fraction"]}


def boosting_grid():
    return catalogue_pipeline(lightgbm()), {"histgradientboostingclassifier__max_iter": BOOSTING_GRID["trees"],
                                            "histgradientboostingclassifier__max_leaf_nodes": BOOSTING_GRID["leaves"],
                                            "histgradientboostingclassifier__learning_rate": BOOSTING_GRID["learning_rate"]}


def nested_cv(model, grid, x, y, outer_folds, inner_folds=5, seed=SEED):
    """NestedCrossValidation.Grid: a grid search on each outer training part (its own seeded inner folds), scored outside."""
    folds = []
    for i, (train, test) in enumerate(outer_folds):
        inner = study_folds(y[train], None, inner_folds, seed + i)
        search = grid_search(model, grid, x[train], y[train], inner)
        p = probability(search.best_estimator_, x[test])
        folds.append({"train_rows": len(train), "test": test, "labels": y[test], "p": p, "metrics": classification_metrics(y[test], p),
                      "chosen": tuple(sorted(search.best_params_.items())), "inner": search.best_score_})
    result = CvResult("nested", folds)
    result.optimism = float(np.mean([f["inner"] - f["metrics"]["roc_auc"] for f in folds]))
    result.choices = {c: sum(1 for f in folds if f["chosen"] == c) for c in {f["chosen"] for f in folds}}
    result.table()
    return result


def sha256_rows(x, y):
    text = "".join(("M," if label else "B,") + ",".join("" if np.isnan(v) else repr(float(v)) for v in row) + "\n" for row, label in zip(x, y))
    return hashlib.sha256(text.encode()).hexdigest()


def sha256_file(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


# ---------------------------------------------------------------------------------------------------------------------
# The notebooks.

def notebook_01_data(data_dir):
    wdbc = load(os.path.join(data_dir, "wdbc.csv"), "wdbc")
    wbco = load(os.path.join(data_dir, "wbco.csv"), "wbco")
    findings = {"wdbc": len(wdbc.warnings), "wbco": len(wbco.warnings)}

    # A damaged copy: a letter in a number, a negative area, a line that lost a cell; it must be refused at each.
    with open(os.path.join(data_dir, "wdbc.csv"), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    lines[4] = lines[4].replace("20.38", "2O.38")
    lines[5] = lines[5].replace(",1297,", ",-1297,")
    lines[9] = lines[9][:lines[9].rindex(",")]
    with tempfile.TemporaryDirectory() as folder:
        damaged = os.path.join(folder, "wdbc-damaged.csv")
        with open(damaged, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        refused, damaged_findings = read_data(damaged)
    findings["damaged"] = [f for f in damaged_findings if f[0] == "error"]

    # Missing values of WBCO.
    missing = np.isnan(wbco.x)
    patterns = {}
    for r in np.flatnonzero(missing.any(axis=1)):
        key = ", ".join(np.array(wbco.features)[missing[r]])
        patterns[key] = patterns.get(key, 0) + 1
    incomplete = missing.any(axis=1)
    missing_summary = {"by_feature": dict(zip(wbco.features, missing.sum(axis=0).tolist())), "patterns": patterns,
                       "incomplete": {"M": int((incomplete & (wbco.y == 1)).sum()), "B": int((incomplete & (wbco.y == 0)).sum())}}

    # Imputation compared inside 5 x 10-fold CV, stratified and grouped by patient (dropping rows: its own folds).
    folds = study_folds(wbco.y, wbco.ids, 10, SEED, repeats=5)
    complete = wbco.subset(np.flatnonzero(~incomplete))
    imputation = {"drop incomplete rows": cross_validate("drop", make_pipeline(StandardScaler(), elastic_net()), complete.x, complete.y,
                                                         study_folds(complete.y, complete.ids, 10, SEED, repeats=5))}
    for name, imputer in [("median", SimpleImputer(strategy="median")), ("mean", SimpleImputer(strategy="mean")),
                          ("most frequent", SimpleImputer(strategy="most_frequent")), ("5-NN", KNNImputer(n_neighbors=5))]:
        imputation[name] = cross_validate(name, make_pipeline(imputer, StandardScaler(), elastic_net()), wbco.x, wbco.y, folds)

    # Repeated patients: exact copies, repeated ids, ids with both diagnoses.
    groups = {}
    for r in range(len(wbco.y)):
        groups.setdefault((tuple(np.nan_to_num(wbco.x[r], nan=-1.0)), wbco.y[r], wbco.ids[r]), []).append(wbco.lines[r])
    copies = [g for g in groups.values() if len(g) > 1]
    by_id = {}
    for r, identifier in enumerate(wbco.ids):
        by_id.setdefault(identifier, []).append(r)
    repeated = {i: rows for i, rows in by_id.items() if len(rows) > 1}
    conflicting = [i for i, rows in repeated.items() if 0 < wbco.y[rows].sum() < len(rows)]
    duplicates = {"copies": sum(len(g) - 1 for g in copies), "repeating": sum(len(r) - 1 for r in repeated.values()), "ids": len(repeated), "conflicting": len(conflicting)}

    # The grouping leak, for logistic regression and the forest.
    ungrouped = study_folds(wbco.y, None, 10, SEED, repeats=5)
    shared = sum(sum(1 for r in test if wbco.ids[r] in {wbco.ids[t] for t in train}) for train, test in ungrouped) / sum(len(test) for _, test in ungrouped)
    leaks = {}
    for name, classifier in [("logistic regression", elastic_net()), ("random forest", forest(trees=100, feature_fraction=0.34))]:
        pipeline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), classifier)
        grouped_cv, ungrouped_cv = cross_validate(name, pipeline, wbco.x, wbco.y, folds), cross_validate(name, pipeline, wbco.x, wbco.y, ungrouped)
        leaks[name] = (ungrouped_cv.summary("accuracy")[0] - grouped_cv.summary("accuracy")[0], ungrouped_cv.summary("roc_auc")[0] - grouped_cv.summary("roc_auc")[0])

    # Physical consistency of WDBC: geometric ratios against robust bands, exact bounds.
    column = {f: wdbc.x[:, i] for i, f in enumerate(wdbc.features)}
    violations = set()
    consistency = {}
    for s in ("mean", "worst"):
        r, a, p, c = column[f"radius_{s}"], column[f"area_{s}"], column[f"perimeter_{s}"], column[f"compactness_{s}"]
        for name, observed, expected in [(f"area {s}", a, np.pi * r * r), (f"perimeter {s}", p, 2 * np.pi * r), (f"compactness {s}", c, p * p / (4 * np.pi * a) - 1)]:
            positive = (observed > 0) & (expected > 0)
            logs = np.log(observed[positive] / expected[positive])
            centre = np.median(logs)
            spread = 1.4826 * np.median(np.abs(logs - centre))
            deviation = np.full(len(observed), np.inf)
            deviation[positive] = (np.log(observed[positive] / expected[positive]) - centre) / spread
            bad = np.flatnonzero((np.abs(deviation) > 5) & ~(~positive & (observed == expected)))
            consistency[name] = (math.exp(centre), spread, len(bad))
            violations.update(bad.tolist())
    for prop in PROPERTIES:
        bad = np.flatnonzero(column[f"{prop}_worst"] < column[f"{prop}_mean"]).tolist() + np.flatnonzero(column[f"{prop}_se"] < 0).tolist()
        consistency[prop] = len(bad)
        violations.update(bad)
    violation_lines = [wdbc.lines[r] for r in sorted(violations)]

    balance = {d.kind: np.bincount(d.y, minlength=2).tolist() for d in (wdbc, wbco)}
    splits = {d.kind: held_out_split(d) for d in (wdbc, wbco)}
    return {"findings": findings, "missing": missing_summary, "imputation": {k: v.summary("accuracy") for k, v in imputation.items()}, "duplicates": duplicates,
            "shared": shared, "leaks": leaks, "consistency": consistency, "violations": violation_lines, "balance": balance,
            "held_out": {k: (len(test), int(d.y[test].sum())) for (k, (_, test)), d in zip(splits.items(), (wdbc, wbco))}}


def notebook_02_eda(data_dir):
    wdbc = load(os.path.join(data_dir, "wdbc.csv"), "wdbc")
    train, _ = held_out_split(wdbc)
    x, y = wdbc.x[train], wdbc.y[train]

    description = []
    for f, name in enumerate(wdbc.features):
        for group, rows in (("B", y == 0), ("M", y == 1), ("all", np.ones(len(y), dtype=bool))):
            v = x[rows, f]
            q1, median, q3 = np.quantile(v, [0.25, 0.5, 0.75])
            description.append((name, group, len(v), v.mean(), v.std(ddof=1), v.min(), q1, median, q3, v.max(),
                                stats.skew(v, bias=False), stats.kurtosis(v, bias=False)))

    z = stats.norm.ppf(0.975)
    separation = []
    for f, name in enumerate(wdbc.features):
        m, b = x[y == 1, f], x[y == 0, f]
        pooled = math.sqrt(((len(m) - 1) * m.var(ddof=1) + (len(b) - 1) * b.var(ddof=1)) / (len(m) + len(b) - 2))
        d = (m.mean() - b.mean()) / pooled
        se = math.sqrt((len(m) + len(b)) / (len(m) * len(b)) + d * d / (2 * (len(m) + len(b))))
        welch = stats.ttest_ind(m, b, equal_var=False)
        mwu = stats.mannwhitneyu(m, b, use_continuity=True, alternative="two-sided", method="asymptotic")
        separation.append([name, d, d - z * se, d + z * se, welch.statistic, welch.pvalue, mwu.statistic, mwu.pvalue])
    welch_adjusted = benjamini_hochberg([s[5] for s in separation])
    mwu_adjusted = benjamini_hochberg([s[7] for s in separation])
    separation = sorted((s + [welch_adjusted[i], mwu_adjusted[i]] for i, s in enumerate(separation)), key=lambda s: -abs(s[1]))

    standardized = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
    pca = PCA(svd_solver="full").fit(standardized)
    signs = np.sign(pca.components_[np.arange(len(pca.components_)), np.abs(pca.components_).argmax(axis=1)])
    loadings = pca.components_ * signs[:, None]
    scores = pca.transform(standardized) * signs
    cumulative = np.cumsum(pca.explained_variance_ratio_)
    return {"description": len(description), "significant": (int((welch_adjusted < 0.05).sum()), int((mwu_adjusted < 0.05).sum())),
            "top": separation[0][:2], "pc": pca.explained_variance_ratio_[:2].tolist(),
            "for_90_95": (int(np.searchsorted(cumulative, 0.9 - 1e-12) + 1), int(np.searchsorted(cumulative, 0.95 - 1e-12) + 1)),
            "shapes": (loadings.shape, scores.shape)}


def notebook_03_correlation(data_dir):
    wdbc = load(os.path.join(data_dir, "wdbc.csv"), "wdbc")
    train, _ = held_out_split(wdbc)
    x, y = wdbc.x[train], wdbc.y[train]
    names = wdbc.features

    def pairs_above(matrix, threshold):
        i, j = np.triu_indices(len(matrix), 1)
        keep = np.abs(matrix[i, j]) > threshold
        order = np.argsort(-np.abs(matrix[i, j][keep]), kind="stable")
        return [(names[a], names[b], matrix[a, b]) for a, b in zip(i[keep][order], j[keep][order])]

    pearson = np.corrcoef(x, rowvar=False)
    spearman = stats.spearmanr(x).correlation
    strong, strong_ranks = pairs_above(pearson, 0.9), pairs_above(spearman, 0.9)
    biserial = sorted(((n, stats.pointbiserialr(y, x[:, f]).correlation) for f, n in enumerate(names)), key=lambda p: -abs(p[1]))

    distance = 1 - np.abs(spearman)
    np.fill_diagonal(distance, 0)
    condensed = squareform(distance, checks=False)
    average = hierarchy.linkage(condensed, method="average")
    clusters = hierarchy.fcluster(average, t=0.2, criterion="distance")
    ward = hierarchy.fcluster(hierarchy.linkage(condensed, method="ward"), t=0.2, criterion="distance")
    order = hierarchy.leaves_list(average)
    reordered = pearson[np.ix_(order, order)]

    vifs = sorted(((n, vif(x, f)) for f, n in enumerate(names)), key=lambda v: -v[1])
    return {"pairs": (len(strong), len(strong_ranks)), "biserial": biserial[0], "clusters": (len(np.unique(clusters)), len(np.unique(ward))),
            "vif_above_10": sum(v > 10 for _, v in vifs), "heatmap": reordered.shape}


def notebook_04_features(data_dir):
    wdbc = load(os.path.join(data_dir, "wdbc.csv"), "wdbc")
    train, _ = held_out_split(wdbc)
    x, y, names = wdbc.x[train], wdbc.y[train], wdbc.features
    folds = study_folds(y, None, 10, SEED, repeats=3)
    logistic = elastic_net()
    street = [names.index(n) for n in STREET]

    def selectors():
        return [VarianceThreshold(0), SelectKBest(f_classif, k=5), SelectKBest(partial(mutual_info_classif, n_neighbors=3, random_state=0), k=5),
                CorrelationFilter(0.2), VifElimination(10), SelectFromModel(make_pipeline(StandardScaler(), lasso(30)), threshold=1e-12,
                                                                           importance_getter="named_steps.logisticregression.coef_"),
                SelectFromModel(forest(trees=100, seed=0), max_features=5, threshold=-np.inf),
                RFECV(make_pipeline(StandardScaler(), elastic_net()), step=1, min_features_to_select=1, cv=StratifiedKFold(5), scoring="roc_auc",
                      importance_getter="named_steps.logisticregression.coef_", n_jobs=N_JOBS)]

    picks = [[names[j] for j in np.flatnonzero(s.fit(x, y).get_support())] for s in selectors()]

    path = [make_pipeline(StandardScaler(), lasso(l1)).fit(x, y)[-1].coef_.ravel() for l1 in [0.1, 0.3, 1, 3, 10, 30, 60, 100, 200]]

    # Stability: the selectors refitted on 20 stratified bootstrap resamples (the notebook's resamples, seed 1).
    random = DotNetRandom(SEED)
    by_class = [np.flatnonzero(y == 1), np.flatnonzero(y == 0)]
    samples = [np.array([members[random.next(len(members))] for members in by_class for _ in range(len(members))]) for _ in range(20)]
    frequencies = [np.mean([clone(s).fit(x[sample], y[sample]).get_support() for sample in samples], axis=0) for s in selectors()[1:7]]

    curve = {k: cross_validate(f"top {k}", make_pipeline(SelectKBest(f_classif, k=k), StandardScaler(), logistic), x, y, folds, seed=SEED)
             for k in [1, 2, 3, 4, 5, 7, 10, 15, 20, 30]}

    def leak(rows, labels, k, leak_folds):
        chosen = np.flatnonzero(SelectKBest(f_classif, k=k).fit(rows, labels).get_support())
        outside = cross_validate("outside", make_pipeline(Columns(chosen), StandardScaler(), logistic), rows, labels, leak_folds)
        inside = cross_validate("inside", make_pipeline(SelectKBest(f_classif, k=k), StandardScaler(), logistic), rows, labels, leak_folds)
        return outside.summary("accuracy")[0] - inside.summary("accuracy")[0], outside.summary("roc_auc")[0] - inside.summary("roc_auc")[0]

    wdbc_leak = leak(x, y, 3, folds)
    noise_random = np.random.default_rng(7)
    noise = noise_random.standard_normal((len(x), 1000))
    noise_labels = (noise_random.random(len(x)) < 0.37).astype(int)
    noise_leak = leak(noise, noise_labels, 10, study_folds(noise_labels, None, 10, SEED, repeats=3))

    street_lr = cross_validate("Street, LR", make_pipeline(Columns(street), StandardScaler(), logistic), x, y, folds)
    street_rf = cross_validate("Street, forest", make_pipeline(Columns(street), StandardScaler(), forest(trees=100)), x, y, folds)

    plain = cross_validate("all 30", make_pipeline(StandardScaler(), logistic), x, y, folds)
    engineered = cross_validate("engineered", make_pipeline(EngineeredFeatures(), StandardScaler(), logistic), x, y, folds)

    carried = [cross_validate("all 30", make_pipeline(StandardScaler(), logistic), x, y, folds),
               cross_validate("one per cluster", make_pipeline(CorrelationFilter(0.2), StandardScaler(), logistic), x, y, folds),
               cross_validate("Street et al.", make_pipeline(Columns(street), StandardScaler(), logistic), x, y, folds)]
    return {"kept": [len(p) for p in picks], "path": [int((c != 0).sum()) for c in path], "stable": [float(f.max()) for f in frequencies],
            "curve": {k: round(v.summary("accuracy")[0], 4) for k, v in curve.items()}, "leaks": (wdbc_leak, noise_leak),
            "street": (street_lr.summary("accuracy")[0], street_rf.summary("accuracy")[0]),
            "engineered": (plain.summary("accuracy")[0], engineered.summary("accuracy")[0]), "carried": [c.summary("roc_auc")[0] for c in carried]}


def notebook_05_models(data_dir):
    wdbc = load(os.path.join(data_dir, "wdbc.csv"), "wdbc")
    train, test = held_out_split(wdbc)
    x, y = wdbc.x[train], wdbc.y[train]
    folds = study_folds(y, None, 10, SEED, repeats=3)
    models = catalogue()
    comparison = [cross_validate(name, model, x, y, folds, operating_point=True) for name, model in models.items()]
    tests = {m: paired(comparison, m) for m in ("roc_auc", "accuracy", "brier")}
    shown = comparison[1:]  # the charts leave the baseline out

    grid = np.linspace(0, 1, 101)
    bands = {}
    for result in shown:
        roc, pr = [], []
        for fold in result.folds:
            fpr, tpr, _ = roc_curve(fold["labels"], fold["p"])
            roc.append(np.interp(grid, fpr, tpr))
            precision, recall, _ = precision_recall_curve(fold["labels"], fold["p"])
            pr.append([precision[recall >= r - 1e-12].max(initial=0) for r in grid])
        bands[result.name] = [(np.mean(c, axis=0), np.std(c, axis=0, ddof=1)) for c in (roc, pr)]

    confusion, calibration, decision = {}, {}, {}
    thresholds = np.arange(1, 61) / 100
    for result in shown:
        labels, p = result.pooled()
        confusion[result.name] = np.sum([f["metrics"]["counts"] for f in result.folds], axis=0)
        bins = np.minimum((p * 10).astype(int), 9)
        occupied = np.unique(bins)
        calibration[result.name] = sum(np.sum(bins == b) / len(p) * abs(p[bins == b].mean() - labels[bins == b].mean()) for b in occupied)
        prevalence = labels.mean()
        decision[result.name] = ([np.sum((labels == 1) & (p >= t)) / len(p) - np.sum((labels == 0) & (p >= t)) / len(p) * t / (1 - t) for t in thresholds],
                                 prevalence - (1 - prevalence) * thresholds / (1 - thresholds))

    sizes = (np.mean([len(f["test"]) for f in comparison[0].folds]), np.mean([f["train_rows"] for f in comparison[0].folds]))
    operating = {r.name: (summary([f["op"]["threshold"] for f in r.folds], *sizes), np.mean([f["op"]["training"]["sensitivity"] for f in r.folds]),
                          r.summary("sensitivity", "op"), r.summary("specificity", "op"), np.sum([f["op"]["test"]["counts"] for f in r.folds], axis=0))
                 for r in comparison}

    street = [wdbc.features.index(n) for n in STREET]
    leaders = {"logistic regression, L2": lambda s: catalogue_pipeline(LogisticRegression(C=1.0, max_iter=5000), s),
               "RBF SVM": lambda s: catalogue_pipeline(PlattCalibrated(SVC(C=1.0, gamma="scale")), s)}
    feature_sets = [cross_validate(f"{name} on {label}", make(selector), x, y, folds) for name, make in leaders.items()
                    for label, selector in (("all", None), ("clusters", CorrelationFilter(0.2)), ("Street", Columns(street)))]

    held_out = {name: fit_and_score(models[key], wdbc.x, wdbc.y, train, test)[1]["metrics"]
                for name, key in (("logistic regression", "logistic regression, L2 (l2 = 1)"), ("RBF SVM", "RBF SVM (C = 1, gamma = scale)"))}
    return {"comparison": {r.name: (round(r.summary("accuracy")[0], 4), round(r.summary("roc_auc")[0], 4), round(r.summary("brier")[0], 4)) for r in comparison},
            "specificity_at_threshold": {k: round(v[3][0], 4) for k, v in operating.items()}, "ece": calibration, "tests": len(tests), "bands": len(bands),
            "confusion": len(confusion), "decision": len(decision), "feature_sets": [round(f.summary("roc_auc")[0], 4) for f in feature_sets],
            "held_out": {k: (v["accuracy"], v["roc_auc"]) for k, v in held_out.items()}}


def notebook_06_tuning(data_dir, models_dir):
    wdbc = load(os.path.join(data_dir, "wdbc.csv"), "wdbc")
    train, test = held_out_split(wdbc)
    x, y = wdbc.x[train], wdbc.y[train]
    ten_fold = study_folds(y, None, 10, SEED)
    folds = study_folds(y, None, 10, SEED, repeats=3)

    svm_grid = grid_search(*svm_margin_grid(), x, y, ten_fold)
    lr_ten = grid_search(*lr_grid(), x, y, ten_fold)
    forest_grid = grid_search(*forest_votes_grid(), x, y, ten_fold)
    boosting = grid_search(*boosting_grid(), x, y, ten_fold)

    # The random search: the 30 settings ours draws with Random(1) from 50-400 stages, 2-32 leaves, log-uniform [0.01, 0.3).
    random = DotNetRandom(SEED)
    draws = []
    for _ in range(30):
        trees = math.floor(50 + random.next_double() * (401 - 50))
        leaves = math.floor(2 + random.next_double() * (33 - 2))
        rate = math.exp(math.log(0.01) + random.next_double() * (math.log(0.3) - math.log(0.01)))
        draws.append({"histgradientboostingclassifier__max_iter": [trees], "histgradientboostingclassifier__max_leaf_nodes": [leaves],
                      "histgradientboostingclassifier__learning_rate": [rate]})
    boosting_random = grid_search(catalogue_pipeline(lightgbm()), draws, x, y, ten_fold)

    nested_lr = nested_cv(*lr_grid(), x, y, folds)
    nested_svm = nested_cv(*svm_margin_grid(), x, y, folds)
    lr_search = grid_search(*lr_grid(), x, y, folds)
    svm_search = grid_search(*svm_margin_grid(), x, y, folds)
    nested_lr.name, nested_svm.name = "logistic regression, L2", "RBF SVM"
    nested_tests = {m: paired([nested_lr, nested_svm], m) for m in ("roc_auc", "accuracy")}

    # The final model: the best logistic regression of the 30-fold search, its threshold chosen on the training rows.
    l2 = 1 / lr_search.best_params_["logisticregression__C"]
    chosen = catalogue_pipeline(LogisticRegression(C=1 / l2, max_iter=5000))
    name = f"logistic regression, L2 (l2 = {l2:.4g})"
    final, held_out = fit_and_score(chosen, wdbc.x, wdbc.y, train, test)
    chosen_cv = cross_validate(name, chosen, x, y, folds, operating_point=True)

    # The model card's figures, then the model saved, loaded back and checked.
    training_hash = sha256_rows(x, y)
    version = "logistic-regression-l2-" + hashlib.sha256("\n".join([training_hash, "logistic regression, L2", f"l2={l2!r}", str(SEED), repr(TARGET_SENSITIVITY)]).encode()).hexdigest()[:12]
    labels, p = chosen_cv.pooled()
    bins = np.minimum((p * 10).astype(int), 9)
    card = {"version": version, "model": {"family": "logistic regression, L2", "name": name, "hyperparameters": {"l2": l2}, "seed": SEED},
            "data": {"source": "wdbc.csv", "source_sha256": sha256_file(wdbc.path), "training_rows_sha256": training_hash, "training_rows": len(train),
                     "training_malignant": int(y.sum()), "held_out_rows": len(test), "held_out_malignant": int(wdbc.y[test].sum()), "split_seed": SPLIT_SEED},
            "features": [{"name": n, "min": float(x[:, f].min()), "max": float(x[:, f].max()), "mean": float(x[:, f].mean()), "sd": float(x[:, f].std(ddof=1))}
                         for f, n in enumerate(wdbc.features)],
            "cross_validation": {m: chosen_cv.summary(m) for m in METRICS}, "nested": {m: nested_lr.summary(m) for m in METRICS},
            "nested_optimism": nested_lr.optimism, "nested_choices": [[dict(c), t] for c, t in nested_lr.choices.items()],
            "held_out": {m: held_out["metrics"][m] for m in METRICS}, "held_out_counts": held_out["metrics"]["counts"],
            "calibration": {"ece": float(sum(np.sum(bins == b) / len(p) * abs(p[bins == b].mean() - labels[bins == b].mean()) for b in np.unique(bins))),
                            "brier": chosen_cv.summary("brier"), "held_out_brier": held_out["metrics"]["brier"]},
            "threshold": {"target_sensitivity": TARGET_SENSITIVITY, "threshold": held_out["op"]["threshold"],
                          "training": [held_out["op"]["training"]["sensitivity"], held_out["op"]["training"]["specificity"]],
                          "cross_validated": [chosen_cv.summary("sensitivity", "op"), chosen_cv.summary("specificity", "op")],
                          "held_out": [held_out["op"]["test"]["sensitivity"], held_out["op"]["test"]["specificity"]], "held_out_counts": held_out["op"]["test"]["counts"]},
            "software": {"numpy": np.__version__, "sklearn": __import__("sklearn").__version__}}
    save_model(models_dir, version, final, card)
    save_tuned_settings(models_dir, {"svm": svm_grid, "forest": forest_grid, "boosting": boosting})
    loaded, _ = load_model(models_dir)
    identical = np.array_equal(probability(loaded, wdbc.x), probability(final, wdbc.x))
    return {"svm_best": (svm_grid.best_params_, svm_grid.best_score_), "lr_best": (lr_ten.best_params_, lr_ten.best_score_),
            "forest_best": forest_grid.best_score_, "boosting_best": (boosting.best_score_, boosting_random.best_score_),
            "nested": {"lr": (nested_lr.summary("accuracy")[0], nested_lr.summary("roc_auc")[0]), "svm": (nested_svm.summary("accuracy")[0], nested_svm.summary("roc_auc")[0])},
            "non_nested": (lr_search.best_score_, svm_search.best_score_), "tests": len(nested_tests), "identical": identical,
            "final": {"Model": name, "Accuracy": held_out["metrics"]["accuracy"], "RocAuc": held_out["metrics"]["roc_auc"], "threshold": held_out["op"]["threshold"]}}


def save_model(folder, version, model, card, added=None):
    """ModelStore.Save: the pickled model and its card under models/VERSION/, and the name of the current version."""
    os.makedirs(os.path.join(folder, version), exist_ok=True)
    with open(os.path.join(folder, version, "model.pkl"), "wb") as handle:
        pickle.dump(model, handle)
    with open(os.path.join(folder, version, "card.json"), "w", encoding="utf-8") as handle:
        json.dump(card, handle, indent=2, default=float)
    if added is not None:
        with open(os.path.join(folder, version, "added-rows.csv"), "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([["diagnosis"] + WDBC_FEATURES] + [["M" if label else "B"] + [repr(float(v)) for v in row] for row, label in zip(*added)])
    with open(os.path.join(folder, "current"), "w", encoding="utf-8") as handle:
        handle.write(version + "\n")


def save_tuned_settings(folder, searches):
    """TunedSettings.Save: each search's chosen setting, metric, best mean score and count, in models/tuned-settings.json."""
    entries = {name: {"params": search.best_params_, "score": search.best_score_, "settings_tried": len(search.cv_results_["params"])} for name, search in searches.items()}
    with open(os.path.join(folder, "tuned-settings.json"), "w", encoding="utf-8") as handle:
        json.dump(entries, handle, indent=2, default=float)


def load_tuned_settings(folder):
    """TunedSettings.Load: the chosen setting of each search notebook 06 saved."""
    with open(os.path.join(folder, "tuned-settings.json"), encoding="utf-8") as handle:
        return {name: entry["params"] for name, entry in json.load(handle).items()}


def load_model(folder, version=None):
    if version is None:
        with open(os.path.join(folder, "current"), encoding="utf-8") as handle:
            version = handle.read().strip()
    with open(os.path.join(folder, version, "model.pkl"), "rb") as handle:
        model = pickle.load(handle)
    with open(os.path.join(folder, version, "card.json"), encoding="utf-8") as handle:
        card = json.load(handle)
    return model, card


def patient_cases(p, labels, threshold):
    """PatientCases.Pick: the typical flagged cancer, the typical cleared benign tumour (medians), the worst error."""
    flagged, rows = p >= threshold, np.arange(len(p))

    def median_row(selected):
        ordered = sorted(rows[selected], key=lambda i: (p[i], i))
        return ordered[(len(ordered) - 1) // 2]

    missed = sorted(rows[(labels == 1) & ~flagged], key=lambda i: (p[i], i))
    false_alarms = sorted(rows[(labels == 0) & flagged], key=lambda i: (-p[i], i))
    return median_row((labels == 1) & flagged), median_row((labels == 0) & ~flagged), (missed + false_alarms + [None])[0]


def _cluster_losses(model, x, y, columns, repeats, seed, baseline):
    random = np.random.default_rng(seed)
    losses = []
    for _ in range(repeats):
        permuted = x.copy()
        permuted[:, columns] = x[random.permutation(len(x))][:, columns]
        losses.append(log_loss(y, probability(model, permuted)) - baseline)
    return losses


def notebook_07_explanations(data_dir, models_dir):
    wdbc = load(os.path.join(data_dir, "wdbc.csv"), "wdbc")
    train, test = held_out_split(wdbc)
    x, y = wdbc.x[train], wdbc.y[train]
    held_out, held_out_labels = wdbc.x[test], wdbc.y[test]
    final, card = load_model(models_dir)

    # The other families at the settings notebook 06's 10-fold searches chose, read from the models folder.
    tuned = load_tuned_settings(models_dir)
    best = tuned["forest"]
    tuned_forest = catalogue_pipeline(forest(best["randomforestclassifier__n_estimators"], best["randomforestclassifier__max_leaf_nodes"],
                                             best["randomforestclassifier__max_features"])).fit(x, y)
    boosting = catalogue_pipeline(lightgbm()).set_params(**tuned["boosting"]).fit(x, y)
    svm = catalogue_pipeline(PlattCalibrated(SVC(C=tuned["svm"]["svc__C"], gamma=tuned["svm"]["svc__gamma"]))).fit(x, y)
    others = {name: probability(model, held_out) for name, model in (("forest", tuned_forest), ("boosting", boosting), ("svm", svm))}

    # Permutation importance of the final model on the held-out rows, by log loss: by feature, then by cluster.
    singles = permutation_importance(final, held_out, held_out_labels, scoring="neg_log_loss", n_repeats=30, random_state=SEED, n_jobs=N_JOBS)
    clusters = spearman_clusters(x, 0.2)
    baseline = log_loss(held_out_labels, probability(final, held_out))
    by_cluster = Parallel(n_jobs=N_JOBS)(delayed(_cluster_losses)(final, held_out, held_out_labels, cluster, 30, SEED + g, baseline) for g, cluster in enumerate(clusters))
    t = stats.t.ppf(0.975, 29)
    cluster_importance = sorted(((np.mean(l), np.mean(l) - t * np.std(l, ddof=1) / math.sqrt(30), [wdbc.features[c] for c in cluster])
                                 for l, cluster in zip(by_cluster, clusters)), key=lambda c: -c[0])

    cases = patient_cases(probability(final, held_out), held_out_labels, card["threshold"]["threshold"])
    return {"forest": tuned["forest"], "boosting": tuned["boosting"], "svm": tuned["svm"],
            "others": {k: float(v.mean()) for k, v in others.items()},
            "top_feature": wdbc.features[int(np.argmax(singles.importances_mean))], "top_cluster": cluster_importance[0][2][:2],
            "cases": [int(c) if c is not None else None for c in cases]}


class Clinic:
    """What the app holds and computes for a served model: its snapshot, the predictions and outcomes, the monitors."""

    window, step, minimum, alpha = 100, 10, 100, 0.05

    def __init__(self, folder, wdbc):
        self.folder, self.wdbc = folder, wdbc
        self.snapshots = []
        self.predictions = []  # (features, probability, biopsy, version)
        self.outcomes = []  # (prediction index, malignant)
        self.load(None)

    def load(self, version):
        """ModelLoader.Snapshot: the model, its training rows and their probabilities, example patients, the conformal set."""
        model, card = load_model(self.folder, version)
        train, _ = held_out_split(self.wdbc)
        rows, labels = self.wdbc.x[train], self.wdbc.y[train]
        if sha256_rows(rows, labels) != card["data"]["training_rows_sha256"]:
            raise DataError("the card's training rows are not those of this data file")
        added = os.path.join(self.folder, card["version"], "added-rows.csv")
        if os.path.exists(added):
            with open(added, newline="", encoding="utf-8") as handle:
                extra = list(csv.reader(handle))[1:]
            rows = np.vstack([rows, np.array([[float(v) for v in r[1:]] for r in extra])])
            labels = np.concatenate([labels, np.array([r[0] == "M" for r in extra], dtype=int)])
        p = probability(model, rows)
        threshold = card["threshold"]["threshold"]
        examples = patient_cases(p, labels, threshold)[:2]
        oof = np.empty(len(labels))
        for fold_train, fold_test in study_folds(labels, None, 5, card["model"]["seed"]):
            oof[fold_test] = probability(clone(model).fit(rows[fold_train], labels[fold_train]), rows[fold_test])
        scores = np.sort(np.where(labels == 1, 1 - oof, oof))
        rank = math.ceil((len(scores) + 1) * (1 - self.alpha))
        quantile = math.inf if rank > len(scores) else scores[rank - 1]
        self.snapshots.append({"model": model, "card": card, "rows": rows, "labels": labels, "p": p, "examples": examples, "quantile": quantile})

    @property
    def current(self):
        return self.snapshots[-1]

    def predict(self, patients):
        """POST /api/predict, 50 patients a request: checks, probability, decision at the card's threshold, prediction set."""
        served = []
        for start in range(0, len(patients), 50):
            batch = patients[start:start + 50]
            if not np.all(np.isfinite(batch)) or np.any(batch < 0):
                raise ValueError("a measurement is missing, not finite or negative")
            snapshot = self.current
            p = probability(snapshot["model"], batch)
            for row, probability_ in zip(batch, p):
                self.predictions.append((row, probability_, probability_ >= snapshot["card"]["threshold"]["threshold"], snapshot["card"]["version"]))
                served.append((len(self.predictions) - 1, probability_, probability_ >= snapshot["card"]["threshold"]["threshold"],
                               (probability_ <= snapshot["quantile"], 1 - probability_ <= snapshot["quantile"])))
        return served

    def record(self, served, diagnoses):
        self.outcomes.extend((s[0], bool(d)) for s, d in zip(served, diagnoses))

    @staticmethod
    def live_performance(p, decisions, outcomes):
        outcomes, decisions = np.asarray(outcomes, dtype=bool), np.asarray(decisions, dtype=bool)
        tp, fn = int(np.sum(outcomes & decisions)), int(np.sum(outcomes & ~decisions))
        tn, fp = int(np.sum(~outcomes & ~decisions)), int(np.sum(~outcomes & decisions))
        auc = roc_auc_score(outcomes, p) if 0 < outcomes.sum() < len(outcomes) else float("nan")
        return {"counts": (tp, fp, tn, fn), "sensitivity": wilson(tp, tp + fn), "specificity": wilson(tn, tn + fp), "roc_auc": auc}

    def performance(self, outcomes=None):
        labelled = (outcomes if outcomes is not None else self.outcomes)[-self.window:]
        return self.live_performance([self.predictions[i][1] for i, _ in labelled], [self.predictions[i][2] for i, _ in labelled], [m for _, m in labelled])

    def drift(self, window_rows, window_p):
        """DriftDetector.Check: PSI and KS per feature against the training rows, Holm-adjusted, and the predicted rate."""
        snapshot = self.current
        reference = snapshot["rows"]
        threshold = snapshot["card"]["threshold"]["threshold"]
        psi, ks = [], []
        for f in range(reference.shape[1]):
            ref = np.sort(reference[:, f])
            edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
            shares = [np.bincount(np.searchsorted(edges, v, side="left"), minlength=len(edges) + 1) / len(v) for v in (ref, window_rows[:, f])]
            shares = [np.where(s == 0, 1e-4, s) for s in shares]
            psi.append(float(np.sum((shares[1] - shares[0]) * np.log(shares[1] / shares[0]))))
            ks.append(stats.ks_2samp(ref, window_rows[:, f]))
        adjusted = holm([k.pvalue for k in ks])
        drifting = [self.wdbc.features[f] for f in range(len(psi)) if psi[f] > 0.25 or adjusted[f] < 0.01]
        window_malignant, reference_malignant = int(np.sum(window_p >= threshold)), int(np.sum(snapshot["p"] >= threshold))
        n1, n2 = len(window_p), len(snapshot["p"])
        pooled = (window_malignant + reference_malignant) / (n1 + n2)
        z = 0.0 if pooled in (0, 1) else (window_malignant / n1 - reference_malignant / n2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        return {"psi": psi, "ks": [k.statistic for k in ks], "adjusted": adjusted, "drifting": drifting, "rate_p": min(1.0, 2 * stats.norm.cdf(-abs(z)))}

    def drift_now(self):
        recent = self.predictions[-self.window:]
        return self.drift(np.array([r[0] for r in recent]), np.array([r[1] for r in recent]))

    @staticmethod
    def ends(count, step):
        return list(range(step, count, step)) + ([count] if count > 0 else [])

    def timeline(self):
        """GET /api/monitoring/timeline: drift every 10 predictions and performance every 10 outcomes, each over the window."""
        rows, p = np.array([r[0] for r in self.predictions]), np.array([r[1] for r in self.predictions])
        drift = [(end, self.drift(rows[max(0, end - self.window):end], p[max(0, end - self.window):end]))
                 for end in self.ends(len(rows), self.step) if end - max(0, end - self.window) >= self.minimum]
        performance = [(end, self.performance(self.outcomes[max(0, end - self.window):end])) for end in self.ends(len(self.outcomes), self.step)]
        return drift, performance

    def retrain(self):
        """POST /api/models/retrain: the challenger compared with the champion on 5 folds of the outcomes, saved with its card."""
        champion = self.current
        card = champion["card"]
        l2 = card["model"]["hyperparameters"]["l2"]
        procedure = catalogue_pipeline(LogisticRegression(C=1 / l2, max_iter=5000))
        outcome_rows = np.array([self.predictions[i][0] for i, _ in self.outcomes])
        outcome_labels = np.array([m for _, m in self.outcomes], dtype=int)
        n = len(champion["rows"])
        rows, labels = np.vstack([champion["rows"], outcome_rows]), np.concatenate([champion["labels"], outcome_labels])
        k = min(5, int(outcome_labels.sum()), int(len(outcome_labels) - outcome_labels.sum()))
        outcome_folds = study_folds(outcome_labels, None, k, 1)
        challenger_folds = [(np.concatenate([np.arange(n), n + tr]), n + te) for tr, te in outcome_folds]
        challenger = cross_validate("challenger", procedure, rows, labels, challenger_folds, operating_point=True, seed=card["model"]["seed"])
        compared = {}
        for metric in ("roc_auc", "log_loss", "brier", "sensitivity", "specificity"):
            champion_values = [classification_metrics(outcome_labels[te], probability(champion["model"], outcome_rows[te]), card["threshold"]["threshold"])[metric]
                               for _, te in outcome_folds]
            challenger_values = [f["op"]["test"][metric] for f in challenger.folds]
            compared[metric] = (np.mean(champion_values), np.mean(challenger_values), np.mean(np.subtract(challenger_values, champion_values)))
        allowed = {"roc_auc": 0.005, "sensitivity": 0.05, "specificity": 0.05, "log_loss": 0.0}
        promote = all((-compared[m][2] if m != "log_loss" else compared[m][2]) <= allowed[m] for m in allowed)

        # The challenger: fitted on the training rows and the outcomes, its card's 10 x 3 CV and one-setting nested CV.
        split_train, split_test = held_out_split(self.wdbc)
        all_rows, all_labels = np.vstack([self.wdbc.x, outcome_rows]), np.concatenate([self.wdbc.y, outcome_labels])
        final, held_out = fit_and_score(procedure, all_rows, all_labels, np.concatenate([split_train, len(self.wdbc.y) + np.arange(len(outcome_labels))]), split_test)
        folds = study_folds(labels, None, 10, card["model"]["seed"], repeats=3)
        card_cv = cross_validate("challenger", procedure, rows, labels, folds, operating_point=True, seed=card["model"]["seed"])
        nested = nested_cv(procedure, {"logisticregression__C": [1 / l2]}, rows, labels, folds)
        added_hash = sha256_rows(outcome_rows, outcome_labels)
        version = "logistic-regression-l2-" + hashlib.sha256("\n".join([card["data"]["training_rows_sha256"], added_hash, "logistic regression, L2", f"l2={l2!r}",
                                                                         str(card["model"]["seed"]), repr(TARGET_SENSITIVITY)]).encode()).hexdigest()[:12]
        new_card = dict(card, version=version, cross_validation={m: card_cv.summary(m) for m in METRICS}, nested={m: nested.summary(m) for m in METRICS},
                        held_out={m: held_out["metrics"][m] for m in METRICS},
                        threshold=dict(card["threshold"], threshold=held_out["op"]["threshold"],
                                       cross_validated=[card_cv.summary("sensitivity", "op"), card_cv.summary("specificity", "op")]),
                        features=[{"name": nm, "min": float(rows[:, f].min()), "max": float(rows[:, f].max()), "mean": float(rows[:, f].mean()),
                                   "sd": float(rows[:, f].std(ddof=1))} for f, nm in enumerate(self.wdbc.features)],
                        update={"champion": card["version"], "added_rows": len(outcome_labels), "added_sha256": added_hash, "comparison": compared, "promote": promote})
        current = card["version"]
        save_model(self.folder, version, final, new_card, added=(outcome_rows, outcome_labels))
        with open(os.path.join(self.folder, "current"), "w", encoding="utf-8") as handle:
            handle.write(current + "\n")
        return version, promote, compared

    def promote(self, version):
        self.load(version)
        with open(os.path.join(self.folder, "current"), "w", encoding="utf-8") as handle:
            handle.write(version + "\n")

    def rollback(self):
        self.snapshots.pop()
        with open(os.path.join(self.folder, "current"), "w", encoding="utf-8") as handle:
            handle.write(self.current["card"]["version"] + "\n")
        return self.current["card"]["version"]


def notebook_08_deployment_and_monitoring(data_dir, models_dir):
    wdbc = load(os.path.join(data_dir, "wdbc.csv"), "wdbc")
    _, test = held_out_split(wdbc)
    patients, diagnoses = wdbc.x[test], wdbc.y[test]
    workspace = tempfile.mkdtemp(prefix="bc-08-")
    try:
        clinic = Clinic(shutil.copytree(models_dir, os.path.join(workspace, "models")), wdbc)
        champion = clinic.current["card"]["version"]
        served = clinic.predict(patients)
        saved, _ = load_model(models_dir)
        gap = float(np.max(np.abs(np.array([s[1] for s in served]) - probability(saved, patients))))
        clinic.record(served, diagnoses)
        first = clinic.performance()
        quiet = clinic.drift_now()

        rescanned = patients * np.array([1.15 if f.split("_")[0] in ("radius", "perimeter") else 1.15 ** 2 if f.split("_")[0] == "area" else 1.0 for f in wdbc.features])
        served_again = clinic.predict(rescanned)
        clinic.record(served_again, diagnoses)
        biopsies = (sum(s[2] for s in served), sum(s[2] for s in served_again))
        drifted = clinic.drift_now()
        drift_timeline, performance_timeline = clinic.timeline()
        after = clinic.performance()

        version, promote, compared = clinic.retrain()
        if promote:
            clinic.promote(version)
        promoted = clinic.current["card"]["version"]
        restored = clinic.rollback() if promote else champion
    finally:
        shutil.rmtree(workspace)
    return {"gap": gap, "first": (first["sensitivity"][0], first["specificity"][0]), "quiet": quiet["drifting"], "drifted": drifted["drifting"],
            "biopsies": biopsies, "after": (after["sensitivity"][0], after["specificity"][0]), "timeline": (len(drift_timeline), len(performance_timeline)),
            "retrain": (promote, {k: [round(float(v), 4) for v in vals] for k, vals in compared.items()}), "promoted": promoted != champion, "restored": restored == champion}


def main(arguments):
    global SPLIT_OVERRIDE
    if len(arguments) not in (1, 2):
        print("usage: study.py DATA_DIR [SPLIT.json]", file=sys.stderr)
        return 1
    data_dir = arguments[0]
    try:
        for name in ("wdbc.csv", "wbco.csv"):
            if not os.path.isfile(os.path.join(data_dir, name)):
                raise DataError(f"no {name} in {os.path.abspath(data_dir)}")
        if len(arguments) == 2:
            with open(arguments[1], encoding="utf-8") as handle:
                split = json.load(handle)
            if not all(isinstance(split.get(k), list) and split[k] and all(isinstance(r, int) for r in split[k]) for k in ("train", "test")):
                raise DataError(f"the split file {arguments[1]} must be {{\"train\": [row indices], \"test\": [row indices]}}")
            SPLIT_OVERRIDE = (np.array(sorted(split["train"]), dtype=int), np.array(sorted(split["test"]), dtype=int))
        steps, results = {}, {}
        workspace = tempfile.mkdtemp(prefix="study-peer-")
        try:
            models_dir = os.path.join(workspace, "models")
            notebooks = [("01-data", notebook_01_data, ()), ("02-eda", notebook_02_eda, ()), ("03-correlation", notebook_03_correlation, ()),
                         ("04-features", notebook_04_features, ()), ("05-models", notebook_05_models, ()), ("06-tuning", notebook_06_tuning, (models_dir,)),
                         ("07-explanations", notebook_07_explanations, (models_dir,)), ("08-deployment-and-monitoring", notebook_08_deployment_and_monitoring, (models_dir,))]
            for name, notebook, extra in notebooks:
                start = time.perf_counter()
                results[name] = notebook(data_dir, *extra)
                steps[name] = time.perf_counter() - start
        finally:
            shutil.rmtree(workspace, ignore_errors=True)
    except DataError as error:
        print(f"study.py: {error}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        if len(arguments) == 2 and SPLIT_OVERRIDE is None:
            print(f"study.py: the split file {arguments[1]} is not usable: {error}", file=sys.stderr)
            return 1
        raise
    if os.environ.get("STUDY_PEER_DETAILS"):
        print(json.dumps(results, default=str, indent=1), file=sys.stderr)
    final = results["06-tuning"]["final"]
    json.dump({"Steps": steps, "HeldOut": {"Model": final["Model"], "Accuracy": final["Accuracy"], "RocAuc": final["RocAuc"]}}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    # Run as the module `study`, not as __main__, so that joblib's worker processes find its functions and classes by name.
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.dont_write_bytecode = True  # no __pycache__ left in bench/peer, by this process or by joblib's workers
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    import study

    sys.exit(study.main(sys.argv[1:]))
