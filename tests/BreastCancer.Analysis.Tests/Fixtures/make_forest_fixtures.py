#!/usr/bin/python3
"""Reference values for the forest tests, computed with Debian's scikit-learn 1.2.1.

Run from the repository root:  /usr/bin/python3 tests/BreastCancer.Analysis.Tests/Fixtures/make_forest_fixtures.py
It writes forest.json beside this script: the rows of data/wdbc.csv as read (the first 400 to train on, the other 169
to score), then
- one tree, DecisionTreeClassifier(max_leaf_nodes=32, min_samples_leaf=2) grown on every training row with every
  feature at each split (no sampling: the tree is determined but for ties between features giving the same partition):
  its number of leaves, its probability of malignancy on the training and the scored rows, and its impurity
  importances (feature_importances_);
- one forest, RandomForestClassifier(n_estimators=1000, max_leaf_nodes=32, min_samples_leaf=2, max_features=0.3,
  random_state=1): its probability of malignancy on the scored rows and its impurity importances.
"""
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.tree import DecisionTreeClassifier

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))
with open(os.path.join(root, "data", "wdbc.csv"), newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = list(reader)
diagnosis = header.index("diagnosis")
y = np.array([1 if r[diagnosis] == "M" else 0 for r in rows])
x = np.array([[float(v) for i, v in enumerate(r) if i != diagnosis] for r in rows])
train, score = slice(0, 400), slice(400, len(rows))

tree = DecisionTreeClassifier(max_leaf_nodes=32, min_samples_leaf=2, random_state=0).fit(x[train], y[train])
forest = RandomForestClassifier(n_estimators=1000, max_leaf_nodes=32, min_samples_leaf=2, max_features=0.3, random_state=1).fit(x[train], y[train])

with open(os.path.join(here, "forest.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "x_train": x[train].tolist(), "y_train": y[train].tolist(),
               "x_score": x[score].tolist(), "y_score": y[score].tolist(),
               "tree_leaves": int(tree.get_n_leaves()),
               "tree_train": tree.predict_proba(x[train])[:, 1].tolist(), "tree_score": tree.predict_proba(x[score])[:, 1].tolist(),
               "tree_importances": tree.feature_importances_.tolist(),
               "forest_score": forest.predict_proba(x[score])[:, 1].tolist(),
               "forest_importances": forest.feature_importances_.tolist()}, f)
