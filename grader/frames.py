"""pandas DataFrames and Series as plain data, on the trusted side: comparing them and showing them.

A frame arrives as the tagged plain structure that `harness.to_plain` makes of it (its columns, index,
dtypes and values; see harness.py). The expected one is the reference's; the candidate's is untrusted JSON,
so its shape is checked before anything reads it. A task chooses the rules in question.yaml:

    compare: {kind: frame, check_column_order: true, check_index: true, check_names: true,
              check_dtype: numeric-kind, check_row_order: true, rtol: 1.0e-9, atol: 1.0e-12}

- check_dtype: `strict` (the same dtype name), `numeric-kind` (the same kind: integer, float, bool, text,
  datetime, ...: an int64 count may come back as Int64 or int32, not as float64), or `off` (values by value);
- check_column_order: false matches columns by name; check_index: false ignores the index (rows by position);
- check_row_order: false sorts the rows of both frames (by index, when it is checked, then by values) first;
- rtol/atol: floats match when |expected - got| <= atol + rtol * |expected|; missing values (None, NaN)
  match missing values only.

`compare_values` returns None when the values match, else the first difference, in the manner of
pandas.testing.assert_frame_equal: which column, which rows, expected and got. That text shows values, so
feedback.py shows it for visible example cases only.
"""

from __future__ import annotations

import math

PANDAS_TAG = "__pandas__"  # the same key as harness.PANDAS_TAG (this module imports nothing of the sandbox)
CHECK_DTYPE = ("strict", "numeric-kind", "off")
RULE_DEFAULTS = {"check_column_order": True, "check_index": True, "check_names": True, "check_dtype": "numeric-kind",
                 "check_row_order": True, "rtol": 1e-9, "atol": 1e-12}
SHOWN_ROWS = 5  # differing rows listed in a message
TABLE_ROWS = 20  # rows of a frame shown as a table (the first and last half of them)
TABLE_COLUMNS = 12
SHOWN_TEXT = 60  # characters of a text value shown in a message or a table


def rules_problem(compare: dict) -> str | None:
    """What is wrong with a task's `compare: {kind: frame, ...}` (None when it is well-formed)."""
    unknown = set(compare) - set(RULE_DEFAULTS) - {"kind"}
    if unknown:
        return f"compare for kind frame does not know {', '.join(sorted(unknown))} (known: {', '.join(RULE_DEFAULTS)})"
    for key in ("check_column_order", "check_index", "check_names", "check_row_order"):
        if not isinstance(compare.get(key, True), bool):
            return f"compare.{key} must be true or false"
    if compare.get("check_dtype", "numeric-kind") not in CHECK_DTYPE:
        return f"compare.check_dtype must be one of {', '.join(CHECK_DTYPE)}"
    for key in ("rtol", "atol"):
        value = compare.get(key, 0.0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 1:
            return f"compare.{key} must be a number from 0 to 1"
    return None


def frame_rules(compare: dict) -> dict:
    return {**RULE_DEFAULTS, **{k: v for k, v in compare.items() if k in RULE_DEFAULTS}}


def is_pandas(value) -> bool:
    return type(value) is dict and PANDAS_TAG in value


def holds_pandas(value) -> bool:
    """Whether a plain value is, or contains, a DataFrame or a Series."""
    if is_pandas(value):
        return True
    if type(value) is list:
        return any(holds_pandas(v) for v in value)
    if type(value) is dict:
        return any(holds_pandas(v) for v in value.values())
    return False


# ------------------------------------------------------------------ comparing

def compare_values(expected, got, rules: dict, where: str = "the result") -> str | None:
    """None when `got` matches `expected` under the rules, else the first difference as a sentence.

    `expected` may be a frame or Series, or a list or dict holding some (a function may return a pair of
    frames); other values compare like cells of a frame.
    """
    if is_pandas(expected):
        problem = _malformed(got, expected[PANDAS_TAG])
        if problem:
            return f"{where}: expected a {expected[PANDAS_TAG]}, got {problem}"
        if expected[PANDAS_TAG] == "Series":
            return _compare_series(expected, got, rules, where)
        return _compare_frame(expected, got, rules, where)
    if type(expected) is list:
        if type(got) is not list or len(got) != len(expected):
            return f"{where}: expected a list of {len(expected)} items, got {_describe(got)}"
        for i, (e, g) in enumerate(zip(expected, got)):
            if problem := compare_values(e, g, rules, f"{where}[{i}]"):
                return problem
        return None
    if type(expected) is dict:
        if type(got) is not dict or is_pandas(got) or got.keys() != expected.keys():
            return f"{where}: expected a dict with keys {sorted(expected)}, got {_describe(got)}"
        for key in expected:
            if problem := compare_values(expected[key], got[key], rules, f"{where}[{key!r}]"):
                return problem
        return None
    if not _same_cell(expected, got, rules):
        return f"{where}: expected {_cell_text(expected)}, got {_cell_text(got)}"
    return None


def _missing(v) -> bool:
    return v is None or (type(v) is float and math.isnan(v))


def _same_cell(e, g, rules: dict) -> bool:
    """One value against another: missing matches missing; floats within atol + rtol * |expected|."""
    if _missing(e) or _missing(g):
        return _missing(e) and _missing(g)
    if type(e) is bool or type(g) is bool:
        return type(e) is type(g) and e == g
    if type(e) in (int, float) and type(g) in (int, float):
        if type(e) is not type(g) and rules["check_dtype"] != "off":
            return False
        if math.isinf(e) or math.isinf(g):
            return e == g
        return abs(e - g) <= rules["atol"] + rules["rtol"] * abs(e)
    if type(e) is list and type(g) is list:  # a MultiIndex label
        return len(e) == len(g) and all(_same_cell(a, b, rules) for a, b in zip(e, g))
    return type(e) is type(g) and e == g


def dtype_kind(dtype: str) -> str:
    """The kind of a dtype, by its name: what check_dtype numeric-kind compares."""
    name = dtype.lower()
    if name in ("bool", "boolean"):
        return "bool"
    if name.startswith(("int", "uint")):
        return "integer"
    if name.startswith("float"):
        return "float"
    if name.startswith("datetime64"):
        return "datetime with a time zone" if "," in name else "datetime"
    if name.startswith("timedelta64"):
        return "timedelta"
    if name in ("object", "str", "string"):
        return "text"
    return name


def _dtype_problem(expected: str, got: str, rules: dict) -> str | None:
    if rules["check_dtype"] == "strict" and expected != got:
        return f"dtype is {got}, expected {expected}"
    if rules["check_dtype"] == "numeric-kind" and dtype_kind(expected) != dtype_kind(got):
        return f"dtype is {got} ({dtype_kind(got)}), expected {expected} ({dtype_kind(expected)})"
    return None


def _column_ok(column, rows: int | None) -> bool:
    return (type(column) is dict and type(column.get("dtype")) is str and type(column.get("values")) is list
            and (rows is None or len(column["values"]) == rows))


def _axis_ok(axis, rows: int | None) -> bool:
    return (type(axis) is dict and type(axis.get("names")) is list and type(axis.get("levels")) is list
            and len(axis["levels"]) >= 1 and len(axis["names"]) == len(axis["levels"])
            and all(_column_ok(level, rows) for level in axis["levels"]))


def _malformed(value, kind: str) -> str | None:
    """None when `value` is a well-formed frame or Series of the expected kind, else what it is."""
    if not is_pandas(value) or value.get(PANDAS_TAG) != kind:
        return _describe(value)
    index = value.get("index")
    rows = len(index["levels"][0]["values"]) if _axis_ok(index, None) else None
    if rows is None or not _axis_ok(index, rows):
        return f"a {kind} whose index is malformed"
    if kind == "Series":
        return None if _column_ok(value.get("data"), rows) else "a Series whose values are malformed"
    data = value.get("data")
    if type(data) is not list or not _axis_ok(value.get("columns"), len(data)):
        return "a DataFrame whose columns are malformed"
    return None if all(_column_ok(c, rows) for c in data) else "a DataFrame whose columns are malformed"


def _describe(value) -> str:
    if is_pandas(value) and value.get(PANDAS_TAG) == "DataFrame" and _malformed(value, "DataFrame") is None:
        return f"a DataFrame ({_rows(value)} rows × {len(value['data'])} columns)"
    if is_pandas(value) and value.get(PANDAS_TAG) == "Series" and _malformed(value, "Series") is None:
        return f"a Series of {_rows(value)} values"
    if value is None:
        return "None"
    return f"a {'float' if type(value) is float else type(value).__name__}"


def _rows(value) -> int:
    return len(value["index"]["levels"][0]["values"])


def _labels(axis) -> list:
    """An axis's labels: its values, or lists of the levels' values for a MultiIndex."""
    levels = [level["values"] for level in axis["levels"]]
    return levels[0] if len(levels) == 1 else [list(t) for t in zip(*levels)]


def _reorder_columns(expected, got) -> dict:
    """`got` with its columns in the order of `expected`'s (both have the same labels)."""
    got_labels, taken, order = _labels(got["columns"]), set(), []
    for label in _labels(expected["columns"]):
        position = next(i for i, g in enumerate(got_labels) if i not in taken and g == label)
        taken.add(position)
        order.append(position)
    columns = {**got["columns"], "levels": [{**level, "values": [level["values"][i] for i in order]}
                                            for level in got["columns"]["levels"]]}
    return {**got, "columns": columns, "data": [got["data"][i] for i in order]}


def _sort_key(cell):
    if _missing(cell):
        return (2, 0, "")
    if type(cell) in (bool, int, float):
        return (0, float(cell), "")
    if type(cell) is list:
        return (1, 0, repr(cell))
    return (1, 0, str(cell))


def _sorted_rows(columns: list[dict], index: dict | None) -> list[int]:
    """Row positions in sorted order: by the index (when it counts), then by exact columns before floats."""
    keyed = ([level for level in index["levels"]] if index else []) + sorted(
        columns, key=lambda c: dtype_kind(c["dtype"]) == "float")
    rows = len(columns[0]["values"]) if columns else len(index["levels"][0]["values"]) if index else 0
    return sorted(range(rows), key=lambda r: [_sort_key(c["values"][r]) for c in keyed])


def _take_rows(value: dict, order: list[int]) -> dict:
    def take(column):
        return {**column, "values": [column["values"][i] for i in order]}

    index = {**value["index"], "levels": [take(level) for level in value["index"]["levels"]]}
    data = [take(c) for c in value["data"]] if value[PANDAS_TAG] == "DataFrame" else take(value["data"])
    return {**value, "index": index, "data": data}


def _row_name(expected, position: int, rules: dict) -> str:
    if not rules["check_index"]:
        return f"row {position}"
    return f"row {position} (index {_cell_text(_labels(expected['index'])[position])})"


def _differences(what: str, expected: list, got: list, expected_value, rules: dict) -> str | None:
    """The rows where two columns of equal length differ, listed in a sentence (None when none do)."""
    differing = [i for i, (e, g) in enumerate(zip(expected, got)) if not _same_cell(e, g, rules)]
    if not differing:
        return None
    share = 100 * len(differing) / len(expected)
    lines = [f"{what} is different in {len(differing)} of {len(expected)} rows ({share:.1f} %):"]
    for i in differing[:SHOWN_ROWS]:
        lines.append(f"  {_row_name(expected_value, i, rules)}: expected {_cell_text(expected[i])}, got {_cell_text(got[i])}")
    if len(differing) > SHOWN_ROWS:
        lines.append(f"  ... and {len(differing) - SHOWN_ROWS} more rows")
    return "\n".join(lines)


def _compare_index(expected, got, rules: dict, where: str) -> str | None:
    if not rules["check_index"]:
        return None
    e_index, g_index = expected["index"], got["index"]
    if len(e_index["levels"]) != len(g_index["levels"]):
        return (f"{where}: the index has {len(g_index['levels'])} level(s), expected {len(e_index['levels'])} "
                f"(names {e_index['names']})")
    if rules["check_names"] and not _same_cell(e_index["names"], g_index["names"], rules):
        return f"{where}: the index's names are {_cell_text(g_index['names'])}, expected {_cell_text(e_index['names'])}"
    for level, (e, g) in enumerate(zip(e_index["levels"], g_index["levels"])):
        what = "the index" if len(e_index["levels"]) == 1 else f"level {level} of the index"
        if rules["check_dtype"] != "off" and (problem := _dtype_problem(e["dtype"], g["dtype"], rules)):
            return f"{where}: {what}: {problem}"
        if problem := _differences(what, e["values"], g["values"], expected, {**rules, "check_index": False}):
            return f"{where}: {problem}"
    return None


def _compare_frame(expected, got, rules: dict, where: str) -> str | None:
    e_labels, g_labels = _labels(expected["columns"]), _labels(got["columns"])
    if sorted(map(repr, e_labels)) != sorted(map(repr, g_labels)):
        missing = [c for c in e_labels if c not in g_labels]
        extra = [c for c in g_labels if c not in e_labels]
        detail = "; ".join(part for part in (f"missing {_cell_text(missing)}" if missing else "",
                                             f"not expected {_cell_text(extra)}" if extra else "") if part)
        return f"{where}: the columns are {_cell_text(g_labels)}, expected {_cell_text(e_labels)}" + (
            f" ({detail})" if detail else "")
    if e_labels != g_labels:
        if rules["check_column_order"]:
            return f"{where}: the columns are in the order {_cell_text(g_labels)}, expected {_cell_text(e_labels)}"
        got = _reorder_columns(expected, got)
    if rules["check_names"] and not _same_cell(expected["columns"]["names"], got["columns"]["names"], rules):
        return (f"{where}: the columns' names (columns.names) are {_cell_text(got['columns']['names'])}, expected "
                f"{_cell_text(expected['columns']['names'])}")
    if _rows(expected) != _rows(got):
        return f"{where}: the DataFrame has {_rows(got)} rows, expected {_rows(expected)}"
    if rules["check_dtype"] != "off":
        for label, e, g in zip(e_labels, expected["data"], got["data"]):
            if problem := _dtype_problem(e["dtype"], g["dtype"], rules):
                return f"{where}: column {_cell_text(label)}: {problem}"
    if not rules["check_row_order"]:
        index = expected["index"] if rules["check_index"] else None
        expected = _take_rows(expected, _sorted_rows(expected["data"], index))
        got = _take_rows(got, _sorted_rows(got["data"], got["index"] if rules["check_index"] else None))
    if problem := _compare_index(expected, got, rules, where):
        return problem
    for label, e, g in zip(e_labels, expected["data"], got["data"]):
        if problem := _differences(f"column {_cell_text(label)}", e["values"], g["values"], expected, rules):
            return f"{where}: {problem}"
    return None


def _compare_series(expected, got, rules: dict, where: str) -> str | None:
    if rules["check_names"] and not _same_cell(expected["name"], got["name"], rules):
        return f"{where}: the Series is named {_cell_text(got['name'])}, expected {_cell_text(expected['name'])}"
    if _rows(expected) != _rows(got):
        return f"{where}: the Series has {_rows(got)} values, expected {_rows(expected)}"
    if rules["check_dtype"] != "off" and (problem := _dtype_problem(expected["data"]["dtype"], got["data"]["dtype"], rules)):
        return f"{where}: {problem}"
    if not rules["check_row_order"]:
        index = expected["index"] if rules["check_index"] else None
        expected = _take_rows(expected, _sorted_rows([expected["data"]], index))
        got = _take_rows(got, _sorted_rows([got["data"]], got["index"] if rules["check_index"] else None))
    if problem := _compare_index(expected, got, rules, where):
        return problem
    if problem := _differences("the values", expected["data"]["values"], got["data"]["values"], expected, rules):
        return f"{where}: {problem}"
    return None


# ------------------------------------------------------------------ showing (visible cases only)

def _cell_text(v) -> str:
    if type(v) is float:
        if not math.isfinite(v):
            return "NaN" if math.isnan(v) else repr(v)
        text = format(v, ".10g")
        return text if any(c in text for c in ".e") else text + ".0"  # a float shows as one: 2.0, not 2
    if type(v) is list:
        return "[" + ", ".join(_cell_text(x) for x in v[:SHOWN_ROWS * 4]) + (", ...]" if len(v) > SHOWN_ROWS * 4 else "]")
    if type(v) is str and len(v) > SHOWN_TEXT:
        return repr(v[:SHOWN_TEXT]) + "..."
    return repr(v)


def short_text(value) -> str:
    """A frame or Series named in one line (in a call's text), anything else as its repr."""
    if is_pandas(value):
        return _describe(value).removeprefix("a ")
    if type(value) is list and holds_pandas(value):
        return "[" + ", ".join(short_text(v) for v in value) + "]"
    return repr(value)


def table_text(value) -> str:
    """A frame or Series as a text table, like pandas prints one (long ones cut in the middle)."""
    if not is_pandas(value) or _malformed(value, value.get(PANDAS_TAG)):
        return short_text(value)
    index = value["index"]
    rows = _rows(value)
    shown = list(range(rows)) if rows <= TABLE_ROWS else (
        list(range(TABLE_ROWS // 2)) + [None] + list(range(rows - TABLE_ROWS // 2, rows)))
    if value[PANDAS_TAG] == "Series":
        names, data, dtypes = [value["name"]], [value["data"]], f"dtype: {value['data']['dtype']}"
    else:
        names, data = _labels(value["columns"])[:TABLE_COLUMNS], value["data"][:TABLE_COLUMNS]
        dtypes = "dtypes: " + ", ".join(f"{_shown_cell(n)} {c['dtype']}" for n, c in zip(names, data))
    header = ["" if all(n is None for n in index["names"]) else " ".join(_shown_cell(n) for n in index["names"])]
    header += ["" if value[PANDAS_TAG] == "Series" and n is None else _shown_cell(n) for n in names]
    lines = [header]
    for r in shown:
        if r is None:
            lines.append(["..."] * len(header))
            continue
        label = " ".join(_shown_cell(level["values"][r]) for level in index["levels"])
        lines.append([label] + [_shown_cell(c["values"][r]) for c in data])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = "\n".join("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths))).rstrip()
                     for line in lines)
    more = f"\n[{rows} rows × {len(value['data'])} columns]" if value[PANDAS_TAG] == "DataFrame" and (
        rows > TABLE_ROWS or len(value["data"]) > TABLE_COLUMNS) else ""
    return f"{text}{more}\n{dtypes}"


def _shown_cell(v) -> str:
    if v is None:
        return "None"
    if type(v) is str:
        return v if len(v) <= SHOWN_TEXT else v[: SHOWN_TEXT - 3] + "..."
    return _cell_text(v)


def shown_value(value):
    """A value as an example case shows it: frames and Series as tables, a value holding NaN or an infinity as
    the text the page would show for it (JSON, and so the stored verdict, has no NaN), anything else unchanged."""
    if is_pandas(value):
        return table_text(value)
    if type(value) is list and holds_pandas(value):
        return "\n\n".join(f"[{i}]:\n{shown_value(v) if holds_pandas(v) else _cell_text(v)}" for i, v in enumerate(value))
    if not _all_finite(value):
        return str(value)
    return value


def _all_finite(value) -> bool:
    if type(value) is float:
        return math.isfinite(value)
    if type(value) is list:
        return all(_all_finite(v) for v in value)
    if type(value) is dict:
        return all(_all_finite(v) for v in value.values())
    return True
