from datetime import datetime, timedelta

import pandas as pd


def _rows(items):
    """A frame from (customer, observed_at, label_at, label) tuples; times as ISO text."""
    return pd.DataFrame({
        "customer": pd.Series([i[0] for i in items], dtype="str"),
        "observed_at": pd.to_datetime(pd.Series([i[1] for i in items], dtype="str"), format="ISO8601"),
        "label_at": pd.to_datetime(pd.Series([i[2] for i in items], dtype="str"), format="ISO8601"),
        "label": pd.Series([i[3] for i in items], dtype="int64"),
    })


def examples():
    return [
        {"category": "basic", "args": [_rows([
            ("ann", "2024-01-10", "2024-02-10", 0), ("bob", "2024-02-20", "2024-03-20", 1),
            ("cat", "2024-03-05", "2024-04-05", 0), ("dan", "2024-01-05", "2024-02-05", 1),
        ]), "2024-03-01"]},
        {"category": "errors", "args": [_rows([("ann", "2024-01-10", "2024-01-09", 0)]), "2024-03-01"]},
    ]


def hidden(rng):
    cases = [
        # Observed before the cutoff but labelled after it: in neither set (the look-ahead the task is about).
        {"category": "labels from the future", "args": [_rows([
            ("a", "2024-02-01", "2024-02-15", 0), ("b", "2024-02-20", "2024-03-15", 1),
            ("c", "2024-02-27", "2024-04-01", 1), ("d", "2024-03-02", "2024-03-30", 0),
        ]), "2024-03-01"]},
        # Exactly at the cutoff: a label known at the cutoff is not known before it; an observation at the
        # cutoff is a test row. Times of day count.
        {"category": "boundaries", "args": [_rows([
            ("a", "2024-02-01", "2024-03-01", 1), ("b", "2024-03-01", "2024-03-01", 0),
            ("c", "2024-02-28T23:59", "2024-02-29T23:59", 1), ("d", "2024-02-29T12:00", "2024-03-01T11:59", 0),
            ("e", "2024-03-01T12:00", "2024-03-02", 1), ("f", "2024-03-01T11:59", "2024-03-01T11:59", 0),
            ("g", "2024-02-20", "2024-03-01T12:00", 1),
        ]), "2024-03-01T12:00"]},
        # Unsorted input, equal timestamps: sorted by observed_at, ties in input order.
        {"category": "order", "args": [_rows([
            ("z", "2024-01-03", "2024-01-04", 1), ("y", "2024-01-01", "2024-01-02", 0),
            ("x", "2024-01-03", "2024-01-05", 0), ("w", "2024-04-01", "2024-04-02", 1),
            ("v", "2024-01-01", "2024-01-03", 1), ("u", "2024-03-03", "2024-03-04", 0),
        ]), "2024-02-01"]},
        {"category": "errors", "args": [_rows([
            ("a", "2024-01-01", "2024-01-02", 0), ("b", "2024-01-05", "2024-01-04T23:00", 1),
            ("c", "2024-01-06", "2024-01-07", 0)]), "2024-01-03"]},
        {"category": "edge cases", "args": [_rows([("a", "2024-01-01", "2024-01-02", 0)]), "2023-12-01"]},
        {"category": "edge cases", "args": [_rows([("a", "2024-01-01", "2024-01-01", 1)]), "2024-01-01T00:00:01"]},
    ]
    start = datetime(2024, 1, 1)
    # Many equal timestamps in a longer frame (quicksort keeps short runs in order by chance): fixed rows.
    items = [(f"c{i}", (start + timedelta(days=i % 5)).isoformat(), (start + timedelta(days=i % 5 + 3)).isoformat(),
              i % 2) for i in range(60)]
    cases.append({"category": "order", "args": [_rows(items[::-1]), "2024-01-03"]})
    for size in [rng.randint(40, 200) for _ in range(10)] + [rng.randint(1, 12) for _ in range(2)]:
        items = []
        for _ in range(size):
            observed = start + timedelta(days=rng.randint(0, 90), hours=rng.choice([0, 0, 0, 6, 12]))
            label = observed + timedelta(days=rng.choice([0, 7, 30, 45]))
            items.append((rng.choice(["ann", "bob", "cat", "dan", "eve", "fay"]), observed.isoformat(),
                          label.isoformat(), rng.randint(0, 1)))
        cutoff = start + timedelta(days=rng.randint(10, 80))
        cases.append({"category": "random", "args": [_rows(items), cutoff.date().isoformat()]})
    return cases
