import numpy as np
from sklearn.linear_model import Ridge


class CompleteRowsOnly:
    """Trains on the complete rows only, and predicts the training mean for any incomplete row."""

    def fit(self, X, y):
        complete = X.notna().all(axis=1).to_numpy()
        self.model_ = Ridge(alpha=1.0).fit(X[complete], np.asarray(y)[complete])
        self.mean_ = float(np.mean(y))
        return self

    def predict(self, X):
        complete = X.notna().all(axis=1).to_numpy()
        predictions = np.full(len(X), self.mean_)
        if complete.any():
            predictions[complete] = self.model_.predict(X[complete])
        return predictions


def build_model():
    return CompleteRowsOnly()
