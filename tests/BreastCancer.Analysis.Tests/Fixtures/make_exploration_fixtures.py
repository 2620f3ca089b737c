#!/usr/bin/python3
"""Reference values for the Exploration tests, computed with Debian's SciPy 1.10.1 and scikit-learn 1.2.1.

Run from the repository root:  /usr/bin/python3 tests/BreastCancer.Analysis.Tests/Fixtures/make_exploration_fixtures.py
It writes exploration.json beside this script. The tests compare the library's numbers with these.
"""
import csv
import json
import os

import numpy as np
import scipy
import sklearn
from scipy import stats
from scipy.cluster import hierarchy
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))

a = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 6.1, 3.3, 4.0, 2.2]
b = [4.8, 5.9, 6.3, 3.3, 7.2, 5.5, 6.6, 4.1, 5.9, 6.0, 5.5, 7.7, 6.9]
welch = stats.ttest_ind(a, b, equal_var=False)
mw = stats.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=True)
ties_x = [1, 2, 2, 3, 3, 3, 4, 5, 5, 6]
ties_y = [2, 1, 3, 3, 5, 4, 4, 6, 5, 7]

with open(os.path.join(root, "data", "wdbc.csv")) as f:
    rows = list(csv.reader(f))
names = rows[0][1:]
X = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
pca = PCA().fit(StandardScaler().fit_transform(X))
m_rows = X[np.array([r[0] == "M" for r in rows[1:]])]
b_rows = X[np.array([r[0] == "B" for r in rows[1:]])]
welch_wdbc = stats.ttest_ind(m_rows[:, 0], b_rows[:, 0], equal_var=False)
mw_wdbc = stats.mannwhitneyu(m_rows[:, 0], b_rows[:, 0], alternative="two-sided", method="asymptotic", use_continuity=True)

# five features; distances 1 - |pearson r| of a small fixed sample
rng = np.random.default_rng(7)
base = rng.normal(size=(40, 2))
small = np.column_stack([base[:, 0], base[:, 0] + 0.3 * rng.normal(size=40), base[:, 1],
                         -base[:, 1] + 0.5 * rng.normal(size=40), rng.normal(size=40)])
corr = np.corrcoef(small, rowvar=False)
dist = 1 - np.abs(corr)
condensed = dist[np.triu_indices(5, k=1)]
average = hierarchy.linkage(condensed, method="average")
ward = hierarchy.linkage(condensed, method="ward")

fixtures = {
    "versions": {"scipy": scipy.__version__, "sklearn": sklearn.__version__},
    "welch": {"a": a, "b": b, "t": welch.statistic, "p": welch.pvalue},
    "mann_whitney": {"a": a, "b": b, "u": mw.statistic, "p": mw.pvalue},
    "spearman_ties": {"x": ties_x, "y": ties_y, "rho": stats.spearmanr(ties_x, ties_y).correlation},
    "wdbc_radius_mean": {"welch_t": welch_wdbc.statistic, "welch_p": welch_wdbc.pvalue, "mw_u": mw_wdbc.statistic, "mw_p": mw_wdbc.pvalue},
    "wdbc_pca_explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
    "clustering": {"data": small.tolist(), "average_heights": average[:, 2].tolist(), "ward_heights": ward[:, 2].tolist(),
                   "average_merges": average[:, :2].astype(int).tolist()},
}
with open(os.path.join(here, "exploration.json"), "w") as f:
    json.dump(fixtures, f, indent=1)
print("wrote", os.path.join(here, "exploration.json"))
