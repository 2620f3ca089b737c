"""The scikit-learn side of the grid rows of `bench all` (rows.py): GridSearchCV over the grids and folds the
C# side wrote, scored by ROC AUC on every core (n_jobs=-1). The SVM grid of notebook 06 is SVC (RBF) over C x gamma on
standardised features; the random-forest grid is RandomForestClassifier (min_samples_leaf=2, as ours) over
n_estimators x max_leaf_nodes x max_features (our trees x leaves x feature_fraction).
The input is the JSON our side writes: x, y, folds and grid ({our parameter name: values}).
"""
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from common import folds


def svm_search(data, x, y):
    """The fitted GridSearchCV of the RBF SVM over C x gamma."""
    grid = {"svc__C": data["grid"]["C"], "svc__gamma": data["grid"]["gamma"]}
    return GridSearchCV(make_pipeline(StandardScaler(), SVC()), grid, scoring="roc_auc", cv=folds(data["folds"]), n_jobs=-1).fit(x, y)


def forest_search(data, x, y):
    """The fitted GridSearchCV of the random forest over trees x leaves x feature_fraction."""
    ours = data["grid"]
    grid = {"n_estimators": [int(t) for t in ours["trees"]], "max_leaf_nodes": [int(v) for v in ours["leaves"]], "max_features": ours["feature_fraction"]}
    forest = RandomForestClassifier(min_samples_leaf=2, random_state=1)
    return GridSearchCV(forest, grid, scoring="roc_auc", cv=folds(data["folds"]), n_jobs=-1).fit(x, y)

