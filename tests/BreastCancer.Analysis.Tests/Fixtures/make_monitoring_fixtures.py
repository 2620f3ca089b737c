#!/usr/bin/python3
"""Reference values for the Monitoring tests, computed with Debian's SciPy 1.10.1.

Run from the repository root:  /usr/bin/python3 tests/BreastCancer.Analysis.Tests/Fixtures/make_monitoring_fixtures.py
It writes monitoring.json beside this script. The tests compare the library's numbers with these.
"""
import csv
import json
import math
import os

import numpy as np
import scipy
from scipy import stats

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", "..", ".."))


def ks_case(name, a, b):
    result = stats.ks_2samp(a, b, alternative="two-sided", method="auto")
    return {"name": name, "a": list(map(float, a)), "b": list(map(float, b)), "d": float(result.statistic), "p": float(result.pvalue)}


rng = np.random.default_rng(20261124)
a = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 6.1, 3.3, 4.0, 2.2]
b = [4.8, 5.9, 6.3, 3.3, 7.2, 5.5, 6.6, 4.1, 5.9, 6.0, 5.5, 7.7, 6.9]

with open(os.path.join(root, "data", "wdbc.csv")) as f:
    rows = list(csv.reader(f))
names = rows[0][1:]
X = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
malignant = np.array([r[0] == "M" for r in rows[1:]])
concavity = X[:, names.index("concavity_mean")]
smoothness = X[:, names.index("smoothness_mean")]

ks_cases = [
    ks_case("small unequal sizes", a, b),
    ks_case("ties within and across samples", rng.integers(0, 6, 20), rng.integers(1, 7, 15)),
    ks_case("equal sizes", rng.normal(0, 1, 25).round(3), rng.normal(0.4, 1, 25).round(3)),
    ks_case("training-sized against window-sized, no drift", rng.normal(0, 1, 455), rng.normal(0, 1, 114)),
    ks_case("training-sized against window-sized, shifted", rng.normal(0, 1, 455), rng.normal(0.3, 1.2, 114)),
    ks_case("wdbc concavity_mean benign against malignant (zeros tie)", concavity[~malignant], concavity[malignant]),
    ks_case("wdbc smoothness_mean benign against malignant", smoothness[~malignant], smoothness[malignant]),
    ks_case("one sample of one", [0.5], [0.1, 0.2, 0.7, 0.9]),
    ks_case("identical samples", [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),
]

# Samples too large for the exact method: evenly spaced grids, a_i = i / n1 and b_j = j / n2 + shift, which C#
# rebuilds bit for bit. SciPy's 'asymp' is kstwo.sf(D, round(n1 n2 / (n1 + n2))); the Kolmogorov limit is
# kstwobign.sf(sqrt(n1 n2 / (n1 + n2)) D).
large = []
for n1, n2, shift in [(12000, 9000, 0.03), (20000, 10001, 0.012), (15000, 15000, 0.02)]:
    xa = np.arange(n1) / n1
    xb = np.arange(n2) / n2 + shift
    result = stats.ks_2samp(xa, xb, method="auto")
    en = n1 * n2 / (n1 + n2)
    large.append({"n1": n1, "n2": n2, "shift": shift, "d": float(result.statistic), "scipy_asymp_p": float(result.pvalue),
                  "kolmogorov_limit_p": float(stats.kstwobign.sf(math.sqrt(en) * result.statistic))})

kolmogorov = [{"x": x, "sf": float(stats.kstwobign.sf(x))} for x in [0.2, 0.5, 0.8, 1.0, 1.18, 1.36, 1.63, 2.0, 3.0, 5.0]]

# Wilson (1927) score intervals, 95 %, from SciPy's binomtest
wilson = []
for k, n in [(81, 263), (15, 148), (0, 20), (1, 29), (29, 29), (57, 60)]:
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    wilson.append({"successes": k, "trials": n, "low": float(ci.low), "high": float(ci.high)})

# Two-proportion z-test with the pooled variance: z^2 is Pearson's chi-square of the 2x2 table without continuity correction.
proportions = []
for x1, n1, x2, n2 in [(60, 114, 170, 455), (41, 114, 170, 455), (5, 40, 30, 60)]:
    chi2, p, _, _ = stats.chi2_contingency([[x1, n1 - x1], [x2, n2 - x2]], correction=False)
    proportions.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "chi2": float(chi2), "p": float(p)})

fixtures = {
    "versions": {"scipy": scipy.__version__, "numpy": np.__version__},
    "ks_2samp": ks_cases,
    "ks_2samp_large": large,
    "kolmogorov_sf": kolmogorov,
    "wilson": wilson,
    "two_proportion": proportions,
}
with open(os.path.join(here, "monitoring.json"), "w") as f:
    json.dump(fixtures, f, indent=1)
print("wrote", os.path.join(here, "monitoring.json"))
