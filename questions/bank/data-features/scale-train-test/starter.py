import numpy as np


def scale_train_test(X_train, X_test):
    raise NotImplementedError
