import pandas as pd

NAN = float("nan")


def _frame(columns, start=0):
    """A frame from {name: (dtype, values)}, its index starting at `start` (a test split follows its train)."""
    length = len(next(iter(columns.values()))[1])
    return pd.DataFrame({name: pd.Series(values, dtype=dtype) for name, (dtype, values) in columns.items()}).set_axis(
        pd.RangeIndex(start, start + length))


def _pair(train, test):
    n = len(next(iter(train.values()))[1])
    return [_frame(train), _frame(test, start=n)]


def examples():
    return [
        {"category": "basic", "args": _pair(
            {"age": ("float64", [20.0, NAN, 40.0, 30.0]), "city": ("str", ["Paris", "Lyon", None, "Paris"])},
            {"age": ("float64", [NAN, 55.0]), "city": ("str", [None, "Nice"])})},
        {"category": "ties", "args": _pair({"colour": ("str", ["red", "blue", "red", "blue"])},
                                           {"colour": ("str", [None])})},
    ]


def hidden(rng):
    cases = [
        # The test set has drifted: its own statistics differ from train's.
        {"category": "train statistics only", "args": _pair(
            {"x": ("float64", [1.0, 2.0, 3.0, NAN]), "y": ("str", ["a", "a", "b", None])},
            {"x": ("float64", [100.0, NAN, 300.0, NAN, 500.0]), "y": ("str", ["z", "z", "z", None, None])})},
        # Median, not mean: a skewed column.
        {"category": "median", "args": _pair({"income": ("float64", [10.0, 11.0, 12.0, 1000.0, NAN])},
                                             {"income": ("float64", [NAN])})},
        {"category": "median", "args": _pair({"v": ("float64", [4.0, 1.0, NAN, 3.0, 2.0])},
                                             {"v": ("float64", [NAN, 0.5])})},
        # Ties: the value that sorts first, whatever the order in which values appear.
        {"category": "ties", "args": _pair({"c": ("str", ["pear", "fig", "pear", "fig", None, "kiwi"])},
                                           {"c": ("str", [None, "kiwi"])})},
        {"category": "ties", "args": _pair({"c": ("object", ["b", "c", "a", "c", "b", "a"])},
                                           {"c": ("object", [None, None])})},
        # A column with no value in train.
        {"category": "nothing observed in train", "args": _pair(
            {"x": ("float64", [NAN, NAN]), "t": ("str", [None, None]), "n": ("float64", [1.5, NAN])},
            {"x": ("float64", [7.0, NAN]), "t": ("str", ["seen", None]), "n": ("float64", [NAN, NAN])})},
        # Integer and boolean columns are left alone; missing values only in test.
        {"category": "other columns", "args": _pair(
            {"id": ("int64", [3, 1, 2]), "flag": ("bool", [True, False, True]), "x": ("float64", [0.5, 1.5, 2.5])},
            {"id": ("int64", [7, 8]), "flag": ("bool", [False, False]), "x": ("float64", [NAN, NAN])})},
        {"category": "no missing values", "args": _pair({"x": ("float64", [1.0, 2.0]), "s": ("str", ["u", "v"])},
                                                         {"x": ("float64", [3.0]), "s": ("str", ["w"])})},
    ]
    for _ in range(12):
        n_train, n_test = rng.randint(1, 40), rng.randint(1, 20)
        words = ["alpha", "beta", "gamma", "delta", "eps"][: rng.randint(1, 5)]
        drift = rng.uniform(-30, 30)

        def column(n, kind, shift):
            if kind == "float64":
                return [NAN if rng.random() < 0.25 else round(rng.gauss(50 + shift, 15), 2) for _ in range(n)]
            return [None if rng.random() < 0.25 else rng.choice(words if shift == 0 else words[::-1][:2]) for _ in range(n)]

        kinds = {f"f{i}": "float64" for i in range(rng.randint(1, 3))} | {f"s{i}": "str" for i in range(rng.randint(1, 3))}
        train = {name: (kind, column(n_train, kind, 0)) for name, kind in kinds.items()}
        test = {name: (kind, column(n_test, kind, drift)) for name, kind in kinds.items()}
        cases.append({"category": "random", "args": _pair(train, test)})
    return cases
