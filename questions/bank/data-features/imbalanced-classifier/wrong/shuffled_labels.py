import numpy as np
from sklearn.linear_model import LogisticRegression


class ShuffledLabels:
    """Misaligns labels and rows (a broken join): it learns nothing real."""

    def __init__(self):
        self.model = LogisticRegression(max_iter=1000)

    def fit(self, X, y):
        self.model.fit(X, np.random.default_rng(0).permutation(np.asarray(y)))
        return self

    def predict_proba(self, X):
        return self.model.predict_proba(X)


def build_model():
    return ShuffledLabels()
