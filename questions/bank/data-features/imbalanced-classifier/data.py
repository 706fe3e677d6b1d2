"""The data of the task, generated: the seed is the grader's secret, so the split cannot be looked up."""

from sklearn.datasets import make_classification


def make_data(seed):
    X, y = make_classification(
        n_samples=4000, n_features=12, n_informative=6, n_redundant=2, weights=[0.94], flip_y=0.01,
        class_sep=1.2, random_state=seed % (2**32),
    )
    return {"X_train": X[:2800], "y_train": y[:2800], "X_test": X[2800:], "y_test": y[2800:]}
