import numpy as np
from sklearn.linear_model import LogisticRegression


class FirstFeatureOnly:
    def __init__(self):
        self.model = LogisticRegression(max_iter=1000)

    def fit(self, X, y):
        self.model.fit(np.asarray(X)[:, :1], y)
        return self

    def predict_proba(self, X):
        return self.model.predict_proba(np.asarray(X)[:, :1])


def build_model():
    return FirstFeatureOnly()
