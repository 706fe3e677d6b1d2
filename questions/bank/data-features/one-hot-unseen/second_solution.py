import numpy as np


def one_hot_encode(train_values, test_values):
    # NumPy: np.unique sorts the categories, and broadcasting compares every test value with every category.
    categories = np.unique(np.asarray(list(train_values)))
    test = list(test_values)
    if not test:
        return categories.tolist(), []
    hits = np.asarray(test)[:, None] == categories[None, :]
    return categories.tolist(), hits.astype(int).tolist()
