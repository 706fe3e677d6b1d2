"""The in-sandbox harness. Runs as an unprivileged user inside bubblewrap; trusts nothing it is given.

It imports the candidate's /task/submission.py, calls the entry point on each case of /task/run.json and
writes one JSON record per case to the result channel (a pipe): the candidate's output as plain data, or the
exception it raised. It runs either as a fresh interpreter's main program (the cold path) or in a child
forked by the zygote (sandbox/zygote.py, the warm path), which calls `main` itself. It never sees expected values and never decides pass or fail: that happens outside,
on the trusted side, which treats anything missing, malformed or extra as a failed case.

This file is also imported by the trusted side for `to_plain` and `from_plain`, so that both sides convert
values the same way. Standard library only (NumPy and pandas are used when the task allows them and they can
be imported).
"""

import copy
import importlib
import io
import json
import linecache
import os
import sys

SUBMISSION_PATH = "/task/submission.py"
RUN_PATH = "/task/run.json"
PACKAGES_PATH = "/packages"
MAX_STR = 100_000
MAX_ITEMS = 1_000_000
MAX_DEPTH = 20
MAX_INT = 10**30  # a bigger returned integer is refused (the trusted side compares numbers as floats too)
MAX_CASE_STDOUT = 4_000
# The key that marks a DataFrame or Series in plain data (a plain dict may not use it).
PANDAS_TAG = "__pandas__"


class NotPlain(TypeError):
    """A value the harness refuses to pass on: only plain data is ever compared."""


def _numpy():
    return sys.modules.get("numpy")


def _pandas():
    return sys.modules.get("pandas")


def to_plain(value, _depth=0, _budget=None):
    """Convert a value to JSON-ready plain data by its exact type, calling none of its own methods.

    Accepted: None, bool, int, float, str, lists and tuples (as lists), dicts with str keys, NumPy arrays
    of numbers or booleans and NumPy scalars (exact NumPy types only), and pandas DataFrames and Series
    (exact types; see `_pandas_to_plain`). Anything else, subclasses included, raises NotPlain: an object is
    never compared by its own __eq__.
    """
    budget = _budget if _budget is not None else [MAX_ITEMS]
    budget[0] -= 1
    if budget[0] < 0:
        raise NotPlain("the returned value is too large")
    if _depth > MAX_DEPTH:
        raise NotPlain("the returned value is nested too deeply")
    kind = type(value)
    if value is None or kind is bool or kind is float:
        return value
    if kind is int:
        if abs(value) > MAX_INT:
            raise NotPlain("the returned integer is too large")
        return value
    if kind is str:
        if len(value) > MAX_STR:
            raise NotPlain("the returned string is too long")
        return value
    if kind is list or kind is tuple:
        return [to_plain(v, _depth + 1, budget) for v in value]
    if kind is dict:
        out = {}
        for k, v in value.items():
            if type(k) is not str:
                raise NotPlain("dict keys must be str")
            if k == PANDAS_TAG:
                raise NotPlain(f"a dict may not use the key {PANDAS_TAG!r}")
            out[k] = to_plain(v, _depth + 1, budget)
        return out
    np = _numpy()
    if np is not None:
        if kind is np.ndarray:
            if value.dtype.kind not in "biuf":
                raise NotPlain(f"a NumPy array of dtype {value.dtype} is not plain numbers")
            if value.size > MAX_ITEMS:
                raise NotPlain("the returned array is too large")
            return to_plain(np.ndarray.tolist(value), _depth, budget)
        if kind in (np.bool_, np.float64, np.float32, np.float16, np.int64, np.int32, np.int16, np.int8,
                    np.uint64, np.uint32, np.uint16, np.uint8):
            return to_plain(np.generic.item(value), _depth, budget)
    pd = _pandas()
    if pd is not None and np is not None and (kind is pd.DataFrame or kind is pd.Series):
        return _pandas_to_plain(value, pd, np, budget)
    raise NotPlain(f"returned a {kind.__name__}, which is not plain data (use numbers, str, lists, dicts or NumPy arrays)")


# ------------------------------------------------------------------ pandas as plain data
#
# A DataFrame: {"__pandas__": "DataFrame", "columns": AXIS, "index": AXIS, "data": [COLUMN, ...]} (by column);
# a Series: {"__pandas__": "Series", "name": LABEL, "index": AXIS, "data": COLUMN}.
# AXIS = {"names": [LABEL per level], "levels": [COLUMN per level]} (one level unless a MultiIndex);
# COLUMN = {"dtype": the dtype's name, "values": [...]}, plus "categories" (a COLUMN) and "ordered" for a
# categorical. Values: numbers and bools as such (NaN kept in float columns), missing values of other
# columns as None, datetimes as ISO 8601 text, timedeltas as text, categoricals as their categories' values.

PANDAS_INDEXES = ("Index", "RangeIndex", "DatetimeIndex", "TimedeltaIndex", "CategoricalIndex")
NULLABLE_DTYPES = ("Int8Dtype", "Int16Dtype", "Int32Dtype", "Int64Dtype", "UInt8Dtype", "UInt16Dtype", "UInt32Dtype",
                   "UInt64Dtype", "Float32Dtype", "Float64Dtype", "BooleanDtype", "StringDtype")


def _pandas_to_plain(value, pd, np, budget):
    if type(value) is pd.Series:
        return {PANDAS_TAG: "Series", "name": _label(value.name, np), "index": _axis(value.index, pd, np, budget),
                "data": _column(value, pd, np, budget, "the Series")}
    columns = _axis(value.columns, pd, np, budget)
    data = [_column(value.iloc[:, i], pd, np, budget, f"column {value.columns[i]!r}") for i in range(value.shape[1])]
    return {PANDAS_TAG: "DataFrame", "columns": columns, "index": _axis(value.index, pd, np, budget), "data": data}


def _label(label, np):
    """A column or index name: a number, str, bool or None (a tuple of them for a MultiIndex's labels)."""
    if type(label) is tuple:
        return [_label(part, np) for part in label]
    if np is not None and isinstance(label, np.generic) and type(label) in (np.int64, np.float64, np.bool_):
        label = np.generic.item(label)
    if label is None or type(label) in (str, int, float, bool):
        return label
    raise NotPlain(f"a column or index name of type {type(label).__name__} is not plain data")


def _axis(index, pd, np, budget):
    if type(index) is pd.MultiIndex:
        levels = [index.get_level_values(i) for i in range(index.nlevels)]
    elif type(index).__name__ in PANDAS_INDEXES and type(index) is getattr(pd, type(index).__name__):
        levels = [index]
    else:
        raise NotPlain(f"an index of type {type(index).__name__} is not plain data")
    return {"names": [_label(n, np) for n in index.names],
            "levels": [_column(level, pd, np, budget, "the index") for level in levels]}


def _cell(v, np):
    """One value of a numeric, boolean or nullable column, by exact type."""
    if v is None or type(v) in (bool, int, float):
        return v
    if type(v) in (np.bool_, np.float64, np.float32, np.int64, np.int32, np.int16, np.int8, np.uint64, np.uint32,
                   np.uint16, np.uint8):
        return np.generic.item(v)
    raise NotPlain(f"a value of type {type(v).__name__} in a column is not plain data")


def _column(values, pd, np, budget, what):
    """A Series or an Index level as {"dtype", "values"}: by the exact type of its dtype."""
    budget[0] -= len(values)
    if budget[0] < 0:
        raise NotPlain("the returned value is too large")
    dtype = values.dtype
    column = {"dtype": str(dtype)}
    if isinstance(dtype, np.dtype):  # NumPy's own dtypes (not subclassable from Python)
        if dtype.kind in "biuf":
            column["values"] = [_cell(v, np) for v in values.to_numpy().tolist()]
        elif dtype.kind == "M":
            column["values"] = [None if t is pd.NaT else t.isoformat() for t in pd.DatetimeIndex(values)]
        elif dtype.kind == "m":
            column["values"] = [None if t is pd.NaT else str(t) for t in pd.TimedeltaIndex(values)]
        elif dtype.kind == "O":
            column["values"] = [_text_cell(v, pd, what) for v in values.to_numpy().tolist()]
        else:
            raise NotPlain(f"{what} has dtype {dtype}, which is not plain data")
    elif type(dtype) is pd.DatetimeTZDtype:
        column["values"] = [None if t is pd.NaT else t.isoformat() for t in pd.DatetimeIndex(values)]
    elif type(dtype) is pd.CategoricalDtype:
        categories = _column(dtype.categories, pd, np, budget, what)
        codes = pd.Categorical(values).codes.tolist()
        column.update(values=[None if c < 0 else categories["values"][c] for c in codes], categories=categories,
                      ordered=bool(dtype.ordered))
    elif type(dtype).__name__ in NULLABLE_DTYPES and type(dtype) is getattr(pd, type(dtype).__name__):
        cells = values.to_numpy(dtype=object, na_value=None).tolist()
        column["values"] = [_text_cell(v, pd, what) for v in cells] if type(dtype) is pd.StringDtype else [
            _cell(v, np) for v in cells]
    else:
        raise NotPlain(f"{what} has dtype {dtype}, which is not plain data")
    return column


def _text_cell(v, pd, what):
    """A value of a text (object or string) column: str, or None for a missing value."""
    if type(v) is str:
        if len(v) > MAX_STR:
            raise NotPlain("a string in the returned value is too long")
        return v
    if v is None or v is pd.NA or (type(v) is float and v != v):
        return None
    raise NotPlain(f"{what} holds a value of type {type(v).__name__}: object columns may hold only str and missing values")


def from_plain(value):
    """A case's inputs as the entry point gets them: tagged plain data rebuilt into DataFrames and Series.

    Everything else is returned as it is. Inputs are the trusted side's own (never a candidate's output).
    """
    if type(value) is list:  # (scalars as they are, without a call each: inputs hold thousands of them)
        return [from_plain(v) if type(v) in _CONTAINERS else v for v in value]
    if type(value) is tuple:
        return tuple(from_plain(v) for v in value)
    if type(value) is dict:
        if PANDAS_TAG in value:
            return _pandas_from_plain(value, _pandas() or importlib.import_module("pandas"))
        return {k: from_plain(v) for k, v in value.items()}
    return value


_CONTAINERS = (list, tuple, dict)


def _pandas_from_plain(value, pd):
    index = _axis_from_plain(value["index"], pd)
    if value[PANDAS_TAG] == "Series":
        return _series_from_plain(value["data"], pd, index, _name(value["name"]))
    frame = pd.DataFrame({i: _series_from_plain(c, pd, index, None) for i, c in enumerate(value["data"])}, index=index)
    frame.columns = _axis_from_plain(value["columns"], pd)
    return frame


def _name(label):
    return tuple(label) if type(label) is list else label


def _axis_from_plain(axis, pd):
    names = [_name(n) for n in axis["names"]]
    levels = [_series_from_plain(level, pd, None, None) for level in axis["levels"]]
    if len(levels) > 1:
        return pd.MultiIndex.from_arrays(levels, names=names)
    only = axis["levels"][0]
    if only["dtype"] == "int64" and only["values"] == list(range(len(only["values"]))):
        return pd.RangeIndex(len(only["values"]), name=names[0])
    return pd.Index(levels[0], name=names[0], dtype=levels[0].dtype)


def _series_from_plain(column, pd, index, name):
    """One column (or index level) with its own dtype: pandas would read a column of str as dtype str."""
    dtype = pd.api.types.pandas_dtype(column["dtype"])
    values = column["values"]
    if column["dtype"] == "category":
        categories = _series_from_plain(column["categories"], pd, None, None)
        values = pd.Categorical(values, categories=pd.Index(categories, dtype=categories.dtype), ordered=column["ordered"])
    elif dtype.kind == "M":
        tz = getattr(dtype, "tz", None)
        stamps = pd.to_datetime(pd.Series(values, dtype=object), format="ISO8601", utc=tz is not None)
        values = (stamps.dt.tz_convert(tz) if tz is not None else stamps).astype(dtype).array
    elif dtype.kind == "m":
        values = pd.to_timedelta(pd.Series(values, dtype=object)).astype(dtype).array
    return pd.Series(values, index=index, name=name, dtype=dtype)


def _error_record(exc):
    """The exception as the candidate should see it: type, message and the frames of their own code."""
    # Walked by hand: traceback.extract_tb also works out every frame's columns, a tenth of a millisecond each.
    frames, tb = [], exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == SUBMISSION_PATH:
            frames.append((tb.tb_lineno, tb.tb_frame.f_code.co_name))
        tb = tb.tb_next
    lines = [f"  line {number}, in {name}\n    {linecache.getline(SUBMISSION_PATH, number).strip()}"
             for number, name in frames[-8:]]
    message = str(exc)[:1000] if not isinstance(exc, MemoryError) else "out of memory"
    mro = [c.__name__ for c in type(exc).__mro__]
    text = "Traceback (your code):\n" + "\n".join(lines) + f"\n{type(exc).__name__}: {message}" if lines else (
        f"{type(exc).__name__}: {message}"
    )
    return {"type": type(exc).__name__, "mro": mro[:20], "message": message, "traceback": text[-3000:]}


class _CappedStdout(io.StringIO):
    def write(self, s):
        if self.tell() < MAX_CASE_STDOUT:
            super().write(s[: MAX_CASE_STDOUT - self.tell()])
        return len(s)


def _arrays(args, indices):
    np = _numpy()
    if np is None:
        return args
    return [np.asarray(a) if i in indices else a for i, a in enumerate(args)]


def main(result_fd):
    """Run /task/run.json against /task/submission.py, writing one record per line to `result_fd`."""
    with open(RUN_PATH) as f:
        run = json.load(f)
    _run_cases(run, result_fd)


def _run_cases(run, result_fd):
    """Import /task/submission.py and run `run`'s cases, one record per line to `result_fd`, which it closes."""
    # Keep a private copy of the result channel and the tools that write to it before any candidate code runs.
    out = os.dup(result_fd)
    os.close(result_fd)
    dumps, real_stdout, harness_pid, exit_now, write = json.dumps, sys.stdout, os.getpid(), os._exit, os.write

    def emit(record):
        if os.getpid() != harness_pid:
            exit_now(0)  # a process the candidate forked has no say in the results
        data = (dumps(record, allow_nan=True) + "\n").encode()
        while data:  # each record as its case ends: a run that dies next keeps what came before
            data = data[write(out, data):]

    if run.get("packages") and PACKAGES_PATH not in sys.path:
        sys.path.append(PACKAGES_PATH)
        if "numpy" in run["packages"]:
            import numpy  # noqa: F401  (imported before the submission so to_plain can recognise arrays)
        if "pandas" in run["packages"]:
            import pandas  # noqa: F401  (likewise for DataFrames, and to rebuild the DataFrames of the inputs)
    sys.setrecursionlimit(3000)
    namespace = {"__name__": "submission", "__file__": SUBMISSION_PATH}
    try:
        with open(SUBMISSION_PATH) as f:
            code = compile(f.read(), SUBMISSION_PATH, "exec")
        sys.stdout = _CappedStdout()
        exec(code, namespace)
        entry = namespace.get(run["entry_point"])
        if not callable(entry):
            raise NameError(f"your code does not define a function called {run['entry_point']}")
    except BaseException as exc:  # noqa: BLE001 - every failure of the candidate's module is reported
        sys.stdout = real_stdout
        emit({"event": "import", "ok": False, "error": _error_record(exc)})
        os.close(out)
        return
    sys.stdout = real_stdout
    emit({"event": "import", "ok": True})

    for case in run["cases"]:
        captured = _CappedStdout()
        sys.stdout = captured
        try:
            if run.get("mode") == "ml":
                value = _run_ml_case(entry, case)
            else:
                calls, outputs = case.get("calls", 1), []
                for _ in range(calls):
                    args, kwargs = case.get("args", []), case.get("kwargs", {})
                    if calls > 1:  # each call gets inputs of its own: an earlier call may have changed them
                        args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
                    args = _arrays(from_plain(args), set(case.get("array_args", [])))
                    outputs.append(entry(*args, **from_plain(kwargs)))
                value = outputs[0] if calls == 1 else outputs
            record = {"event": "case", "id": case["id"], "ok": True, "value": to_plain(value)}
        except BaseException as exc:  # noqa: BLE001 - SystemExit, KeyboardInterrupt and all: the case failed
            record = {"event": "case", "id": case["id"], "ok": False, "error": _error_record(exc)}
        finally:
            sys.stdout = real_stdout
        record["stdout"] = captured.getvalue()
        emit(record)
    os.close(out)


def _run_ml_case(build_model, case):
    """ML tasks: build the candidate's model, fit it on the training split, predict the test inputs.

    Returns {"predictions": [...]}, plus what the task's method checks need (the trusted side compares; the
    harness decides nothing):
    - "batch_independence": the same fitted model predicts the test rows again in the batches the case lists
      (shuffled halves, single rows): "batches" holds each batch's predictions, or None if predicting it
      raised. A model that fits anything on the rows it is asked to predict answers differently.
    - "reproducible": a second model, built and trained the same way, predicts every test row: "again".
    Each batch is predicted by its own copy of the model as fit left it: a model that learns from the first rows
    it predicts (statistics taken at its first predict call) answers each batch from that batch, not from the
    whole test split predicted before.
    These catch a leaky method, not a cheat: the sandbox necessarily holds the whole test split.
    """
    X_train, X_test = _ml_inputs(case["X_train"]), _ml_inputs(case["X_test"])
    y_train = _numpy().asarray(case["y_train"])
    model = build_model()
    model.fit(X_train, y_train)
    checks = case.get("checks", [])
    fitted = _ml_fitted_copy(model, build_model, X_train, y_train) if "batch_independence" in checks else None
    result = {"predictions": _ml_predict(model, X_test, case.get("predict"))}
    if "batch_independence" in checks:
        result["batches"] = [_ml_attempt(fitted, _ml_rows(X_test, rows), case.get("predict")) for rows in case["batches"]]
    if "reproducible" in checks:
        again = build_model()
        again.fit(X_train, y_train)
        result["again"] = _ml_attempt(lambda: again, X_test, case.get("predict"))
    return result


def _ml_fitted_copy(model, build_model, X_train, y_train):
    """A maker of fresh copies of the fitted `model` as it is now, before it has predicted anything: deep copies
    of a snapshot, or, for a model that cannot be copied, a new one built and trained the same way."""
    try:
        snapshot = copy.deepcopy(model)
        return lambda: copy.deepcopy(snapshot)
    except Exception:  # noqa: BLE001 - a model holding something uncopyable is trained again instead

        def trained_again():
            again = build_model()
            again.fit(X_train, y_train)
            return again

        return trained_again


def _ml_inputs(value):
    """A split's features: a DataFrame when the task's data are one (tagged plain data), else a float array."""
    if type(value) is dict:
        return from_plain(value)
    return _numpy().asarray(value, dtype=float)


def _ml_rows(X, rows):
    return X.iloc[rows] if type(X) is not _numpy().ndarray else X[rows]


def _ml_predict(model, X, predict):
    np = _numpy()
    if predict == "proba":
        predictions = np.asarray(model.predict_proba(X), dtype=float)
        if predictions.ndim == 2:
            predictions = predictions[:, -1]
    else:
        predictions = np.asarray(model.predict(X), dtype=float)
    if predictions.shape != (len(X),):
        raise ValueError(f"expected {len(X)} predictions, got an array of shape {predictions.shape}")
    return predictions


def _ml_attempt(model, X, predict):
    """Predictions for a method check by the model that `model()` gives, or None when that fails (the check
    fails, not the run)."""
    try:
        return _ml_predict(model(), X, predict)
    except Exception:  # noqa: BLE001 - any failure on a smaller batch fails the check
        return None


if __name__ == "__main__":
    main(int(sys.argv[1]))  # the cold path: a fresh interpreter per run, told the result channel's fd number
