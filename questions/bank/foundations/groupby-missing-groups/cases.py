import pandas as pd

NAN = float("nan")


def _sales(rows):
    """A sales frame from (store, amount) pairs; None is a missing store."""
    return pd.DataFrame({"store": pd.Series([s for s, _ in rows], dtype="str"),
                         "amount": pd.Series([a for _, a in rows], dtype="float64")})


def examples():
    return [
        {"category": "basic", "args": [_sales([("north", 10.0), ("south", 4.0), ("north", 20.0)]), ["north", "south"]]},
        {"category": "missing groups", "args": [_sales([("north", 10.0), ("north", NAN)]), ["south", "north"]]},
    ]


def hidden(rng):
    cases = [
        # Stores without any sale, listed first, last and in the middle.
        {"category": "missing groups", "args": [_sales([("b", 1.5), ("b", 2.5), ("d", 7.0)]), ["a", "b", "c", "d", "e"]]},
        {"category": "missing groups", "args": [_sales([("x", 3.0)]), ["y"]]},
        # Missing amounts: not counted, not summed; a store whose only amounts are missing has no mean.
        {"category": "missing values", "args": [_sales([("a", NAN), ("a", NAN), ("b", 2.0), ("b", NAN), ("b", 4.0)]), ["a", "b"]]},
        # Missing stores are nobody's sales.
        {"category": "missing values", "args": [_sales([(None, 100.0), ("a", 1.0), (None, NAN), ("a", 3.0)]), ["a"]]},
        # Sales of stores nobody asked about are left out; the order of `stores` is kept.
        {"category": "unlisted stores", "args": [_sales([("z", 9.0), ("a", 1.0), ("m", 5.0), ("z", 1.0)]), ["z", "a"]]},
        {"category": "order", "args": [_sales([("a", 1.0), ("b", 2.0), ("c", 3.0), ("c", 3.0)]), ["c", "a", "b"]]},
        # Negative, zero and large amounts; counts above one.
        {"category": "values", "args": [_sales([("a", -5.0), ("a", 0.0), ("a", 5.0), ("b", 1e9), ("b", 1.0)]), ["a", "b"]]},
        {"category": "edge cases", "args": [_sales([]), ["a", "b"]]},
        {"category": "edge cases", "args": [_sales([("a", 2.0)]), ["a"]]},
        {"category": "errors", "args": [_sales([("a", 1.0)]), ["a", "b", "a"]]},
        {"category": "errors", "args": [_sales([]), ["x", "x"]]},
    ]
    for _ in range(12):
        names = [f"s{i:02d}" for i in range(rng.randint(2, 12))]
        listed = rng.sample(names, rng.randint(1, len(names)))
        rows = []
        for _ in range(rng.randint(0, 60)):
            store = None if rng.random() < 0.08 else rng.choice(names)
            amount = NAN if rng.random() < 0.15 else round(rng.uniform(-20, 200), 2)
            rows.append((store, amount))
        cases.append({"category": "random", "args": [_sales(rows), listed]})
    return cases
