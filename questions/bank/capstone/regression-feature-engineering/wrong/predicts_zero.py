import numpy as np


class Zero:
    def fit(self, X, y):
        return self

    def predict(self, X):
        return np.zeros(len(X))


def build_model():
    return Zero()
