import numpy as np
from sklearn.linear_model import Ridge


def ridge_fit(X, y, alpha):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or len(X) != len(y) or alpha < 0:
        raise ValueError("bad input")
    model = Ridge(alpha=alpha, solver="cholesky").fit(X, y)
    return model.coef_.tolist(), float(model.intercept_)
