"""The scikit-learn side of `bench serve`: a Flask app answering POST /api/predict for one patient, the body ours takes
({"features": {"radius_mean": 17.99, ...}}), with StandardScaler + LogisticRegression trained at start on the training
rows the C# side wrote (BC_SERVE_DATA names the JSON file: x, y, the 30 feature names, C and the decision threshold).

The regularisation is ours: the default model is ML.NET's L-BFGS logistic regression with λ₂/2‖w‖² on the summed log
loss and λ₂ = 3, which is scikit-learn's ½‖w‖² + C·Σ loss with C = 1/λ₂ (neither penalises the intercept). Our
standardiser divides by the sample SD (n − 1), StandardScaler by the population SD, a factor √(454/455) on the inputs.

Per request it does what ours does short of the extras: it checks the body is an object holding only "features", that
every one of the 30 features is there, a JSON number, finite and ≥ 0, and no other field (400 with the errors by field
otherwise), computes the probability of malignancy and the decision at the threshold, and answers JSON. Ours also
computes the SHAP contributions, the conformal prediction set and the range warnings, and records the prediction in
SQLite before answering.

Run under gunicorn (Debian's gunicorn and python3-flask, python3-sklearn 1.2.1):
BC_SERVE_DATA=bench/out/serve.json gunicorn -w 2 -b 127.0.0.1:8000 --chdir bench/peer serve:app
"""
import json
import math
import os

import numpy as np
from flask import Flask, jsonify, request
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

data = json.load(open(os.environ["BC_SERVE_DATA"]))
names = data["names"]
known = set(names)
threshold = data["threshold"]
model = make_pipeline(StandardScaler(), LogisticRegression(C=data["c"], max_iter=1000))
model.fit(np.array(data["x"]), np.array(data["y"], dtype=int))

app = Flask(__name__)


def validate(body):
    """The 30 values in the model's order and the errors by field."""
    errors = {}
    if not isinstance(body, dict) or not isinstance(body.get("features"), dict):
        return None, {"body": ["must be a JSON object { \"features\": { ... } }"]}
    for field in body:
        if field != "features":
            errors[field] = ["is not a field of the request"]
    features = body["features"]
    for field in features:
        if field not in known:
            errors["features." + field] = ["is not a feature of the model"]
    values = []
    for name in names:
        value = features.get(name)
        if value is None:
            errors["features." + name] = ["is required"]
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            errors["features." + name] = ["must be a finite number ≥ 0"]
        else:
            values.append(float(value))
    return (values if not errors else None), errors


@app.post("/api/predict")
def predict():
    values, errors = validate(request.get_json(silent=True))
    if errors:
        return jsonify({"title": "The request is not valid", "status": 400, "errors": errors}), 400
    probability = float(model.predict_proba(np.array([values]))[0, 1])
    biopsy = probability >= threshold
    return jsonify({
        "probability": probability,
        "biopsyRecommended": biopsy,
        "decision": "biopsy recommended" if biopsy else "biopsy not recommended",
        "threshold": threshold,
    })


@app.get("/health")
def health():
    return jsonify({"status": "ok"})
