from sklearn.dummy import DummyRegressor


def build_model():
    """Return an unfitted model with fit(X, y) and predict(X); X is a pandas DataFrame with NaN."""
    return DummyRegressor(strategy="mean")
