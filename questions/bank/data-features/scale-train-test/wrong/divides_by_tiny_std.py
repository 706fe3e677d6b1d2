import numpy as np


def scale_train_test(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_train.shape[1] != X_test.shape[1]:
        raise ValueError("X_train and X_test must be 2-D with the same number of columns")
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    # Wrong: 0.1 repeated has a computed std of about 1e-17, not exactly 0, so this column is divided by 1e-17.
    std[std == 0] = 1.0
    return ((X_train - mean) / std).tolist(), ((X_test - mean) / std).tolist()
