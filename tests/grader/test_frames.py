"""pandas DataFrames and Series as plain data (issue 13): converted by exact type in the sandbox's harness,
rebuilt for inputs, compared on the trusted side by a task's rules, with diffs that say which column and
which rows."""

import json

import numpy as np
import pandas as pd
import pytest

from grader.frames import compare_values, frame_rules, rules_problem, shown_value
from grader.sandbox.harness import NotPlain, from_plain, to_plain


def travelled(value):
    """A value as the trusted side receives it: converted in the sandbox, then through the JSON channel."""
    return json.loads(json.dumps(to_plain(value), allow_nan=True))


def every_dtype() -> pd.DataFrame:
    frame = pd.DataFrame({
        "text": pd.Series(["a", None, "c"], dtype="str"),
        "objects": pd.Series(["x", None, "z"], dtype=object),
        "ints": [1, 2, 3],
        "floats": [1.5, np.nan, -2.0],
        "nullable_ints": pd.array([1, None, 3], dtype="Int64"),
        "nullable_bools": pd.array([True, None, False], dtype="boolean"),
        "bools": [True, False, True],
        "when": pd.to_datetime(["2024-01-01", "2024-01-02T10:30", None], format="ISO8601"),
        "when_in_paris": pd.to_datetime(["2024-01-01", "2024-06-02T10:00", None], format="ISO8601").tz_localize("Europe/Paris"),
        "category": pd.Categorical(["u", "v", None], categories=["v", "u", "w"], ordered=True),
        "duration": pd.to_timedelta([1, 2, None], unit="h"),
    })
    frame.index = pd.Index(["r1", "r2", "r3"], name="row")
    return frame


def test_a_frame_of_every_supported_dtype_survives_the_trip_and_is_rebuilt_exactly():
    frame = every_dtype()
    plain = travelled(frame)
    assert plain["data"][0] == {"dtype": "str", "values": ["a", None, "c"]}
    assert plain["data"][7]["values"] == ["2024-01-01T00:00:00", "2024-01-02T10:30:00", None]
    assert plain["data"][9]["values"] == ["u", "v", None]
    pd.testing.assert_frame_equal(from_plain(plain), frame)


def test_a_series_with_a_multiindex_from_a_groupby_is_rebuilt_exactly():
    sales = pd.DataFrame({"store": ["a", "a", "b", None], "day": [1, 2, 1, 1], "amount": [1.0, 2.0, 3.0, 4.0]})
    totals = sales.groupby(["store", "day"], dropna=False)["amount"].sum()
    pd.testing.assert_series_equal(from_plain(travelled(totals)), totals)


def test_a_default_index_comes_back_as_a_range_index():
    assert type(from_plain(travelled(pd.DataFrame({"a": [1, 2]}))).index) is pd.RangeIndex


@pytest.mark.parametrize("value, reason", [
    (type("Sub", (pd.DataFrame,), {})({"a": [1]}), "returned a Sub"),
    (type("SubSeries", (pd.Series,), {})([1.0]), "returned a SubSeries"),
    (pd.DataFrame({"a": [1, "x"]}), "column 'a' holds a value of type int: object columns may hold only str"),
    (pd.DataFrame({"a": [object()]}), "holds a value of type object"),
    (pd.DataFrame({"a": pd.period_range("2024-01", periods=2, freq="M")}), "has dtype period[M]"),
    (pd.Series([1.0], index=pd.Index([object()])), "holds a value of type object"),
    ({"__pandas__": "DataFrame", "data": []}, "may not use the key '__pandas__'"),
])
def test_anything_but_plain_frames_is_refused(value, reason):
    with pytest.raises(NotPlain) as info:
        to_plain(value)
    assert reason in str(info.value)


def test_frames_count_against_the_size_cap():
    with pytest.raises(NotPlain, match="too large"):
        to_plain(pd.DataFrame({"a": np.zeros(600_000), "b": np.zeros(600_000)}))


# ------------------------------------------------------------------ comparing

SALES = pd.DataFrame({"store": ["a", "b", "c"], "total": [1.5, 2.0, 3.25], "n": [1, 2, 3]})


def difference(got, expected=SALES, **rules):
    return compare_values(travelled(expected), travelled(got), frame_rules(rules))


def test_equal_frames_match():
    assert difference(SALES.copy()) is None


def test_a_wrong_value_names_the_column_and_the_rows():
    problem = difference(SALES.assign(total=[1.5, 2.5, 3.0]))
    assert problem == ("the result: column 'total' is different in 2 of 3 rows (66.7 %):\n"
                       "  row 1 (index 1): expected 2.0, got 2.5\n"
                       "  row 2 (index 2): expected 3.25, got 3.0")


def test_floats_match_within_the_tolerance_only():
    assert difference(SALES.assign(total=[1.5 + 1e-12, 2.0, 3.25]), rtol=1e-9) is None
    assert "column 'total'" in difference(SALES.assign(total=[1.5 + 1e-6, 2.0, 3.25]), rtol=1e-9)


def test_missing_values_match_missing_values_only():
    with_gap = SALES.assign(total=[1.5, np.nan, 3.25])
    assert difference(with_gap, expected=with_gap) is None
    assert "expected NaN, got 2.0" in difference(SALES, expected=with_gap)


def test_column_order_matters_unless_the_task_says_otherwise():
    reordered = SALES[["n", "store", "total"]]
    assert difference(reordered) == ("the result: the columns are in the order ['n', 'store', 'total'], expected "
                                     "['store', 'total', 'n']")
    assert difference(reordered, check_column_order=False) is None
    assert "(missing ['n'])" in difference(SALES[["store", "total"]], check_column_order=False)


def test_numeric_kind_tells_a_count_from_a_float_but_not_int64_from_Int64():
    assert difference(SALES.astype({"n": "Int64"})) is None
    assert difference(SALES.astype({"n": "int32"})) is None
    assert difference(SALES.astype({"n": "float64"})) == (
        "the result: column 'n': dtype is float64 (float), expected int64 (integer)")
    assert difference(SALES.astype({"store": object})) is None  # text either way


def test_strict_dtypes_and_no_dtypes():
    assert "dtype is Int64, expected int64" in difference(SALES.astype({"n": "Int64"}), check_dtype="strict")
    assert difference(SALES.astype({"n": "float64"}), check_dtype="off") is None


def test_the_index_counts_unless_the_task_says_otherwise():
    shifted = SALES.set_axis([10, 11, 12])
    assert difference(shifted).startswith("the result: the index is different in 3 of 3 rows")
    assert difference(shifted, check_index=False) is None
    named = SALES.rename_axis("row")
    assert difference(named) == "the result: the index's names are ['row'], expected [None]"
    assert difference(named, check_names=False) is None


def test_row_order_matters_unless_the_task_says_otherwise():
    shuffled = SALES.iloc[[2, 0, 1]]
    assert difference(shuffled, check_index=False).startswith("the result: column 'store' is different in 3 of 3 rows")
    assert difference(shuffled, check_row_order=False) is None  # sorted by index, then values
    assert difference(shuffled.reset_index(drop=True), check_row_order=False, check_index=False) is None
    assert difference(SALES.iloc[[0, 0, 1]].reset_index(drop=True), check_row_order=False, check_index=False) is not None


def test_a_series_is_compared_with_its_name():
    totals = SALES.set_index("store")["total"]
    assert difference(totals, expected=totals) is None
    assert difference(totals.rename("sum"), expected=totals) == "the result: the Series is named 'sum', expected 'total'"
    assert difference(totals.iloc[:2], expected=totals) == "the result: the Series has 2 values, expected 3"


def test_a_pair_of_frames_is_compared_item_by_item():
    assert compare_values(travelled((SALES, SALES)), travelled((SALES, SALES.iloc[:1])), frame_rules({})) == (
        "the result[1]: the DataFrame has 1 rows, expected 3")


@pytest.mark.parametrize("got, said", [
    ([1, 2], "a list"),
    (None, "None"),
    ({"__pandas__": "DataFrame", "columns": "forged"}, "a DataFrame whose index is malformed"),
    ({"__pandas__": "DataFrame", "index": {"names": [None], "levels": [{"dtype": "int64", "values": [0]}]},
      "columns": {"names": [None], "levels": [{"dtype": "str", "values": ["a"]}]}, "data": [{"dtype": "int64", "values": [1, 2]}]},
     "a DataFrame whose columns are malformed"),
])
def test_what_is_not_a_well_formed_frame_fails_with_what_it_is(got, said):
    assert compare_values(travelled(SALES), got, frame_rules({})) == f"the result: expected a DataFrame, got {said}"


def test_frames_are_shown_as_tables():
    table = shown_value(travelled(SALES.set_index("store")))
    assert table.splitlines() == ["store  total  n", "a        1.5  1", "b        2.0  2", "c       3.25  3",
                                  "dtypes: total float64, n int64"]


@pytest.mark.parametrize("rules, problem", [
    ({"check_dtype": "loose"}, "compare.check_dtype must be one of strict, numeric-kind, off"),
    ({"rtol": "1e-9"}, "compare.rtol must be a number"),
    ({"check_index": "yes"}, "compare.check_index must be true or false"),
    ({"sort_rows": True}, "does not know sort_rows"),
])
def test_a_tasks_frame_rules_are_checked(rules, problem):
    assert problem in rules_problem({"kind": "frame", **rules})
