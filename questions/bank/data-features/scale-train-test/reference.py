import numpy as np
from sklearn.preprocessing import StandardScaler


def scale_train_test(X_train, X_test):
    X_train, X_test = np.asarray(X_train, dtype=float), np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_train.shape[1] != X_test.shape[1]:
        raise ValueError("shapes")
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train).tolist(), scaler.transform(X_test).tolist()
