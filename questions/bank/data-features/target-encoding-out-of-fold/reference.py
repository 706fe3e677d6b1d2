def target_encode(categories, y, *, n_splits=5, smoothing=10.0):
    categories, y = list(categories), [float(v) for v in y]
    n = len(categories)
    if n != len(y):
        raise ValueError("categories and y differ in length")
    if n_splits < 2 or n_splits > n:
        raise ValueError("n_splits must be between 2 and the number of rows")
    sizes = [n // n_splits + (1 if k < n % n_splits else 0) for k in range(n_splits)]
    encoded, start = [], 0
    for size in sizes:
        fold = range(start, start + size)
        others = [i for i in range(n) if not start <= i < start + size]
        prior = sum(y[i] for i in others) / len(others)
        sums, counts = {}, {}
        for i in others:  # statistics from the other folds only: a row never sees its own target
            sums[categories[i]] = sums.get(categories[i], 0.0) + y[i]
            counts[categories[i]] = counts.get(categories[i], 0) + 1
        for i in fold:
            c = categories[i]
            if c in counts:
                encoded.append((sums[c] + smoothing * prior) / (counts[c] + smoothing))
            else:  # absent from the other folds: the prior, also when smoothing is 0 (no 0 / 0)
                encoded.append(prior)
        start += size
    return encoded
