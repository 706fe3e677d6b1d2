import numpy as np
from sklearn.preprocessing import StandardScaler


def scale_train_test(X_train, X_test):
    X_train, X_test = np.asarray(X_train, dtype=float), np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_train.shape[1] != X_test.shape[1] or len(X_train) == 0:
        raise ValueError("shapes")
    scaler = StandardScaler().fit(X_train)
    # The prompt's definition of a constant column: all its training values are equal. scikit-learn's own
    # tolerance on the variance agrees on those; stating it here keeps the task independent of that tolerance.
    constant = np.all(X_train == X_train[0], axis=0)
    scale = np.where(constant, 1.0, np.sqrt(scaler.var_))
    return ((X_train - scaler.mean_) / scale).tolist(), ((X_test - scaler.mean_) / scale).tolist()
