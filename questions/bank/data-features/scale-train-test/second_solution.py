import statistics


def _rows(X):
    try:
        return [[float(v) for v in row] for row in X]
    except TypeError:  # a row that is a number: the input is not 2-D
        raise ValueError("expected a 2-D matrix: a list of rows") from None


def scale_train_test(X_train, X_test):
    # Plain Python, column by column; statistics.fmean/pstdev instead of NumPy.
    train, test = _rows(X_train), _rows(X_test)
    if not train:
        raise ValueError("X_train needs at least one row")
    width = len(train[0])
    if any(len(row) != width for row in train + test):
        raise ValueError("every row of X_train and X_test must have the same number of columns")
    means, scales = [], []
    for j in range(width):
        column = [row[j] for row in train]
        means.append(statistics.fmean(column))
        scales.append(1.0 if len(set(column)) == 1 else statistics.pstdev(column))
    scale = lambda rows: [[(row[j] - means[j]) / scales[j] for j in range(width)] for row in rows]
    return scale(train), scale(test)
