import math


def check(case, expected, got):
    n, b = case["args"]
    runs = got if case.get("calls", 1) > 1 else [got]
    first = runs[0]
    if not isinstance(first, list) or len(first) != b:
        return f"expected {b} bootstrap samples"
    for sample in first:
        if not isinstance(sample, list) or len(sample) != n or not all(type(i) is int and 0 <= i < n for i in sample):
            return f"each sample must hold {n} indices from 0 to {n - 1}"
    if b >= 30 + math.log(n) and len({i for sample in first for i in sample}) < n:
        # Each index is missed by all n * b draws with chance (1 - 1/n)^(n b) <= e^-b: below 1e-12 here.
        return "every index from 0 to n_samples - 1 must be able to appear in a sample"
    if any(run != first for run in runs[1:]):
        return "the same random_state must give the same samples"
    if n >= 30 and any(len(set(s)) == n for s in first):
        # With replacement, 30 or more draws all distinct has a chance below 1e-11.
        return "samples must be drawn with replacement"
    if n >= 100:
        distinct = sum(len(set(s)) for s in first) / (n * b)
        if not 0.55 <= distinct <= 0.71:  # about 1 - 1/e = 0.632 of the rows appear in a bootstrap sample
            return "samples must be drawn uniformly with replacement (about 63% distinct rows)"
    if n <= 50 and n * b >= 20_000:
        # Each index's share of the draws, against 1/n: 15% off is more than ten standard deviations at 20,000
        # draws of n = 10, so only a biased draw (rounding a uniform number, favouring some rows) lands there.
        counts = [0] * n
        for sample in first:
            for i in sample:
                counts[i] += 1
        if any(abs(count / (n * b) - 1 / n) > 0.15 / n for count in counts):
            return "indices must be drawn uniformly: some indices are drawn far more often than others"
    if n >= 30 and b > 1 and len({tuple(s) for s in first}) < b:
        return "the bootstrap samples of one call must differ"
    return None
