#!/usr/bin/python3
"""Reference values for the Yeo-Johnson tests, computed with Debian's scikit-learn 1.2.1 and SciPy 1.10.1.

Run from the repository root:  /usr/bin/python3 tests/BreastCancer.Analysis.Tests/Fixtures/make_power_transform_fixtures.py
It writes power_transform.json beside this script: PowerTransformer(method="yeo-johnson") fitted on all 569 WDBC rows
of four features (a size, a texture whose lambda is above 0, and two standard errors measured in hundredths, one with
zeros), and on a small column with negative values; for each, the fitted lambda and the transformed values without
standardisation, and for concavity_se also with it (standardize=True, the default); and for every WDBC feature on all
rows, its skewness as measured, after log(1 + x) and after Yeo-Johnson (SciPy's skew with bias=False, the adjusted
sample skewness).
"""
import csv
import json
import os

import numpy as np
import sklearn
from scipy.stats import skew
from sklearn.preprocessing import PowerTransformer

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))
with open(os.path.join(root, "data", "wdbc.csv")) as f:
    rows = list(csv.reader(f))
names = rows[0][1:]
X = np.array([[float(v) for v in r[1:]] for r in rows[1:]])


def fit(values, standardize):
    transformer = PowerTransformer(method="yeo-johnson", standardize=standardize).fit(values.reshape(-1, 1))
    return float(transformer.lambdas_[0]), transformer.transform(values.reshape(-1, 1))[:, 0].tolist()


columns = {}
for name in ["area_mean", "texture_worst", "concavity_se", "fractal_dimension_se"]:
    values = X[:, names.index(name)]
    lam, transformed = fit(values, standardize=False)
    columns[name] = {"lambda": lam, "transformed": transformed}
columns["concavity_se"]["standardized"] = fit(X[:, names.index("concavity_se")], standardize=True)[1]

skewness = {}
for j, name in enumerate(names):
    values = X[:, j]
    transformed = fit(values, standardize=False)[1]
    skewness[name] = [float(skew(values, bias=False)), float(skew(np.log1p(values), bias=False)), float(skew(transformed, bias=False))]

mixed = np.array([-4.2, -2.5, -1.1, -0.6, -0.2, 0.0, 0.3, 0.7, 1.2, 1.9, 2.8, 4.5, 7.3, 12.6, 25.0])
lam, transformed = fit(mixed, standardize=False)
with open(os.path.join(here, "power_transform.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "wdbc": columns, "skewness": skewness,
               "mixed": {"values": mixed.tolist(), "lambda": lam, "transformed": transformed}}, f, indent=1)
print("wrote", os.path.join(here, "power_transform.json"))
