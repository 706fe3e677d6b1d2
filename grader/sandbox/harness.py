"""The in-sandbox harness. Runs as an unprivileged user inside bubblewrap; trusts nothing it is given.

It imports the candidate's /task/submission.py, calls the entry point on each case of /task/run.json and
writes one JSON record per case to the result channel (a pipe): the candidate's output as plain data, or the
exception it raised. It runs either as a fresh interpreter's main program (the cold path) or in a child
forked by the zygote (sandbox/zygote.py, the warm path), which calls `main` itself. It never sees expected values and never decides pass or fail: that happens outside,
on the trusted side, which treats anything missing, malformed or extra as a failed case.

This file is also imported by the trusted side for `to_plain`, so that both sides convert values the same way.
Standard library only (NumPy is used when the task allows it and it can be imported).
"""

import copy
import io
import json
import os
import sys
import traceback

SUBMISSION_PATH = "/task/submission.py"
RUN_PATH = "/task/run.json"
PACKAGES_PATH = "/packages"
MAX_STR = 100_000
MAX_ITEMS = 1_000_000
MAX_DEPTH = 20
MAX_CASE_STDOUT = 4_000


class NotPlain(TypeError):
    """A value the harness refuses to pass on: only plain data is ever compared."""


def _numpy():
    return sys.modules.get("numpy")


def to_plain(value, _depth=0, _budget=None):
    """Convert a value to JSON-ready plain data by its exact type, calling none of its own methods.

    Accepted: None, bool, int, float, str, lists and tuples (as lists), dicts with str keys, and NumPy
    arrays of numbers or booleans and NumPy scalars (exact NumPy types only). Anything else, subclasses
    included, raises NotPlain: an object is never compared by its own __eq__.
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
        if abs(value) > 10**30:
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
    raise NotPlain(f"returned a {kind.__name__}, which is not plain data (use numbers, str, lists, dicts or NumPy arrays)")


def _error_record(exc):
    """The exception as the candidate should see it: type, message and the frames of their own code."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == SUBMISSION_PATH]
    lines = [f'  line {f.lineno}, in {f.name}\n    {(f.line or "").strip()}' for f in frames[-8:]]
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
    # Keep a private copy of the result channel and the tools that write to it before any candidate code runs.
    out = os.fdopen(os.dup(result_fd), "w", buffering=1)
    os.close(result_fd)
    dumps, real_stdout, harness_pid, exit_now = json.dumps, sys.stdout, os.getpid(), os._exit

    def emit(record):
        if os.getpid() != harness_pid:
            exit_now(0)  # a process the candidate forked has no say in the results
        out.write(dumps(record, allow_nan=True) + "\n")

    with open(RUN_PATH) as f:
        run = json.load(f)
    if run.get("packages") and PACKAGES_PATH not in sys.path:
        sys.path.append(PACKAGES_PATH)
        if "numpy" in run["packages"]:
            import numpy  # noqa: F401  (imported before the submission so to_plain can recognise arrays)
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
                    outputs.append(entry(*_arrays(args, set(case.get("array_args", []))), **kwargs))
                value = outputs[0] if calls == 1 else outputs
            record = {"event": "case", "id": case["id"], "ok": True, "value": to_plain(value)}
        except BaseException as exc:  # noqa: BLE001 - SystemExit, KeyboardInterrupt and all: the case failed
            record = {"event": "case", "id": case["id"], "ok": False, "error": _error_record(exc)}
        finally:
            sys.stdout = real_stdout
        record["stdout"] = captured.getvalue()
        emit(record)
    out.close()


def _run_ml_case(build_model, case):
    """ML tasks: build the candidate's model, fit it on the training split, predict the test inputs."""
    np = _numpy()
    X_train = np.asarray(case["X_train"], dtype=float)
    y_train = np.asarray(case["y_train"])
    X_test = np.asarray(case["X_test"], dtype=float)
    model = build_model()
    model.fit(X_train, y_train)
    if case.get("predict") == "proba":
        predictions = model.predict_proba(X_test)
        predictions = np.asarray(predictions, dtype=float)
        if predictions.ndim == 2:
            predictions = predictions[:, -1]
    else:
        predictions = np.asarray(model.predict(X_test), dtype=float)
    if predictions.shape != (len(X_test),):
        raise ValueError(f"expected {len(X_test)} predictions, got an array of shape {predictions.shape}")
    return predictions


if __name__ == "__main__":
    main(int(sys.argv[1]))  # the cold path: a fresh interpreter per run, told the result channel's fd number
