from datetime import datetime, timedelta

import pandas as pd

NAN = float("nan")


def _events(items, index=None):
    """A frame from (entity, ISO time, value) tuples, with an index of its own when given."""
    frame = pd.DataFrame({
        "entity": pd.Series([i[0] for i in items], dtype="str"),
        "timestamp": pd.to_datetime(pd.Series([i[1] for i in items], dtype="str"), format="ISO8601"),
        "value": pd.Series([i[2] for i in items], dtype="float64"),
    })
    return frame if index is None else frame.set_axis(index)


def examples():
    return [
        {"category": "basic", "args": [_events([
            ("a", "2024-01-01", 1.0), ("a", "2024-01-02", 2.0), ("a", "2024-01-03", 4.0), ("a", "2024-01-04", 8.0),
        ]), 2]},
        {"category": "several entities", "args": [_events([
            ("b", "2024-01-02", 10.0), ("a", "2024-01-01", 1.0), ("b", "2024-01-01", 20.0), ("a", "2024-01-02", 3.0),
        ]), 3]},
    ]


def hidden(rng):
    cases = [
        # Entities interleaved and out of time order; each entity's first row has no history.
        {"category": "several entities", "args": [_events([
            ("x", "2024-01-03", 3.0), ("y", "2024-01-01", 100.0), ("x", "2024-01-01", 1.0), ("y", "2024-01-02", 200.0),
            ("x", "2024-01-02", 2.0), ("z", "2024-01-05", 7.0), ("y", "2024-01-03", 300.0), ("x", "2024-01-04", 4.0),
        ]), 2]},
        # Sorted by entity already: an entity's first row must not see the previous entity's last value.
        {"category": "several entities", "args": [_events([
            ("a", "2024-01-01", 5.0), ("a", "2024-01-02", 6.0), ("b", "2024-01-01", 50.0), ("b", "2024-01-02", 60.0),
        ]), 1]},
        # window = 1 is the previous value; a window longer than the history uses what there is.
        {"category": "window", "args": [_events([("a", f"2024-01-0{d}", float(d * d)) for d in range(1, 8)]), 1]},
        {"category": "window", "args": [_events([("a", f"2024-01-0{d}", float(d)) for d in range(1, 6)]), 10]},
        {"category": "window", "args": [_events([("a", f"2024-01-0{d}", float(2 ** d)) for d in range(1, 9)][::-1]), 3]},
        # Missing values are skipped by the mean, not counted as zero; a window of only missing values is NaN.
        {"category": "missing values", "args": [_events([
            ("a", "2024-01-01", NAN), ("a", "2024-01-02", 4.0), ("a", "2024-01-03", NAN), ("a", "2024-01-04", NAN),
            ("a", "2024-01-05", NAN), ("a", "2024-01-06", 10.0), ("a", "2024-01-07", 1.0),
        ]), 2]},
        # The input's own index is kept (not 0, 1, 2...), rows in their input order; times of day count.
        {"category": "index", "args": [_events([
            ("a", "2024-01-01T18:00", 3.0), ("b", "2024-01-01", 1.0), ("a", "2024-01-01T06:00", 9.0),
            ("b", "2024-01-02", 5.0), ("a", "2024-01-02", 6.0),
        ], index=[40, 10, 30, 20, 50]), 2]},
        {"category": "errors", "args": [_events([("a", "2024-01-01", 1.0)]), 0]},
        {"category": "errors", "args": [_events([("a", "2024-01-01", 1.0)]), -2]},
        {"category": "edge cases", "args": [_events([("a", "2024-01-01", 1.0)]), 3]},
        {"category": "edge cases", "args": [_events([]), 2]},
    ]
    start = datetime(2024, 1, 1)
    for _ in range(12):
        items = []
        for entity in rng.sample(["ann", "bob", "cat", "dan", "eve", "fay", "gus"], rng.randint(1, 6)):
            days = rng.sample(range(60), rng.randint(1, 15))
            items += [(entity, (start + timedelta(days=d)).isoformat(),
                       NAN if rng.random() < 0.15 else round(rng.uniform(-50, 50), 3)) for d in days]
        rng.shuffle(items)
        index = rng.sample(range(1000), len(items)) if rng.random() < 0.5 else None
        cases.append({"category": "random", "args": [_events(items, index), rng.randint(1, 5)]})
    return cases
