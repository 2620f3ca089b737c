#!/usr/bin/python3
"""Reference values for the Features tests, computed with Debian's scikit-learn 1.2.1.

Run from the repository root:  /usr/bin/python3 tests/BreastCancer.Analysis.Tests/Fixtures/make_feature_fixtures.py
It writes features.json beside this script: ANOVA F scores and p-values (f_classif) and mutual information
(mutual_info_classif, 3 neighbours, random_state 0) of every WDBC feature against the diagnosis (1 = malignant).
"""
import csv
import json
import os

import numpy as np
import sklearn
from sklearn.feature_selection import f_classif, mutual_info_classif

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))
with open(os.path.join(root, "data", "wdbc.csv")) as f:
    rows = list(csv.reader(f))
names = rows[0][1:]
X = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
y = np.array([1 if r[0] == "M" else 0 for r in rows[1:]])
f_scores, p_values = f_classif(X, y)
mi = mutual_info_classif(X, y, n_neighbors=3, random_state=0)
with open(os.path.join(here, "features.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "features": names, "anova_f": f_scores.tolist(), "anova_p": p_values.tolist(),
               "mutual_information": mi.tolist()}, f, indent=1)
print("wrote", os.path.join(here, "features.json"))
