import numpy as np


def ridge_fit(X, y, alpha):
    # No centring: solve the normal equations of [X, 1] with a penalty on the coefficients and none on the
    # intercept, i.e. (AᵀA + diag(α, …, α, 0)) θ = Aᵀy.
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D matrix")
    if X.shape[0] != y.shape[0]:
        raise ValueError("X and y need the same number of rows")
    if alpha < 0:
        raise ValueError("alpha cannot be negative")
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    penalty = np.diag([float(alpha)] * d + [0.0])
    theta = np.linalg.solve(A.T @ A + penalty, A.T @ y)
    return [float(v) for v in theta[:d]], float(theta[d])
