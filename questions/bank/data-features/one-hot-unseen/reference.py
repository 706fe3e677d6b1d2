import numpy as np
from sklearn.preprocessing import OneHotEncoder


def one_hot_encode(train_values, test_values):
    encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False, dtype=int)
    encoder.fit(np.asarray(list(train_values), dtype=object).reshape(-1, 1))
    rows = encoder.transform(np.asarray(list(test_values), dtype=object).reshape(-1, 1)) if len(test_values) else []
    return [v.item() if hasattr(v, "item") else v for v in encoder.categories_[0]], [list(map(int, r)) for r in rows]
