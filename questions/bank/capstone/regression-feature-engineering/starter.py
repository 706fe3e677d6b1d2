from sklearn.linear_model import LinearRegression


def build_model():
    """Return an unfitted regressor with fit(X, y) and predict(X)."""
    return LinearRegression()
