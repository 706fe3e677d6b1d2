import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


class HardLabels:
    """Returns 0/1 'probabilities': the ranking is thrown away."""

    def __init__(self):
        self.model = make_pipeline(StandardScaler(), LogisticRegression(class_weight="balanced", max_iter=1000))

    def fit(self, X, y):
        self.model.fit(X, y)
        return self

    def predict_proba(self, X):
        labels = self.model.predict(X).astype(float)
        return np.column_stack([1 - labels, labels])


def build_model():
    return HardLabels()
