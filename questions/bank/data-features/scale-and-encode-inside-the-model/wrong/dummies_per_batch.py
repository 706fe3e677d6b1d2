import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

NUMERIC = ["income", "age", "tenure_days", "tickets"]


class DummiesLogistic:
    """One-hot encodes each batch on its own: the columns depend on which categories the batch holds."""

    def _features(self, X, fit=False):
        numeric = self.scaler_.fit_transform(X[NUMERIC]) if fit else self.scaler_.transform(X[NUMERIC])
        return np.hstack([numeric, pd.get_dummies(X[["plan", "region"]]).to_numpy(dtype=float)])

    def fit(self, X, y):
        self.scaler_ = StandardScaler()
        self.model_ = LogisticRegression(max_iter=1000).fit(self._features(X, fit=True), y)
        return self

    def predict_proba(self, X):
        return self.model_.predict_proba(self._features(X))


def build_model():
    return DummiesLogistic()
