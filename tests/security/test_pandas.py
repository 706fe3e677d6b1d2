"""The key attacks again with pandas mounted (issue 13): a task allowing [numpy, pandas] is no weaker.

Self-contained on purpose (its own run helpers): only the autouse fixtures of conftest.py (a canary secret
in the worker's environment and /tmp, and no process outliving its run) are shared with the other modules.
"""

import textwrap

from django.conf import settings

from grader import judging
from grader.cases import HIDDEN, hidden_seed
from grader.models import Verdict
from grader.sandbox.launcher import Limits, run_sandboxed
from questions.bank_format import load_bank
from tests.security.conftest import CANARY

PANDAS = ["numpy", "pandas"]
TASK = "groupby-missing-groups"  # a pandas task: DataFrames in, a DataFrame out


def probe(body: str, limits: Limits | None = None):
    """Run `def probe(): <body>` with pandas mounted; the value it returned (it must return one)."""
    code = "def probe():\n" + textwrap.indent(textwrap.dedent(body), "    ")
    outcome = run_sandboxed(
        submission=code,
        run={"entry_point": "probe", "mode": "function", "cases": [{"id": "p", "args": []}], "packages": PANDAS},
        packages=PANDAS,
        limits=limits or Limits(time_seconds=10),
    )
    records = [r for r in outcome.records if r.get("event") == "case"]
    assert records and records[0]["ok"], (outcome.output, records)
    return records[0]["value"]


def grade(code: str) -> judging.Judgement:
    task = next(q for q in load_bank(settings.BANK_DIR).questions if q.slug == TASK)
    return judging.run_task(task.type, task.spec, textwrap.dedent(code), which=HIDDEN,
                            seed=hidden_seed(task.content_hash), points=float(task.points))


def test_pandas_is_mounted_and_nothing_else_comes_with_it():
    found = probe("""
        import importlib, pandas
        out = {"pandas": pandas.__version__}
        for name in ("sklearn", "scipy", "django", "psycopg", "pyarrow"):
            try:
                importlib.import_module(name)
                out[name] = "imported"
            except ImportError:
                out[name] = "missing"
        return out
    """)
    assert found.pop("pandas").startswith("3.")
    assert set(found.values()) == {"missing"}, found


def test_pandas_readers_cannot_reach_the_network_or_the_database():
    result = probe("""
        import pandas as pd
        out = {}
        for name, source in (("http", "http://127.0.0.1:8000/"), ("postgres", "http://127.0.0.1:5432/"),
                             ("redis", "http://127.0.0.1:6379/"), ("outside", "https://pypi.org/simple/")):
            try:
                pd.read_csv(source)
                out[name] = "read"
            except Exception as exc:
                out[name] = type(exc).__name__
        return out
    """)
    assert "read" not in result.values(), result


def test_pandas_readers_cannot_read_secrets_or_project_files():
    paths = [str(settings.BASE_DIR / "mlassess" / "settings.py"), str(settings.VAR_DIR / "secret_key"),
             f"/tmp/{CANARY}.txt", "/proc/1/environ", "/etc/shadow", str(settings.BANK_DIR / "roadmap.yaml")]
    result = probe(f"""
        import os
        import pandas as pd
        out = {{}}
        for path in {paths!r}:
            try:
                out[path] = pd.read_csv(path, header=None, sep="\\x01", engine="python").to_string()
            except Exception as exc:
                out[path] = type(exc).__name__
        out["environment"] = " ".join(os.environ.values())
        return out
    """)
    assert CANARY not in str(list(result.values()))
    assert all(value in ("FileNotFoundError", "PermissionError", "EmptyDataError") for key, value in result.items()
               if key != "environment"), result


def test_a_frame_that_lies_about_equality_is_never_compared_by_its_own_methods():
    result = grade("""
        import pandas as pd
        class Agreeable(pd.DataFrame):
            def __eq__(self, other):
                return True
            def equals(self, other):
                return True
        def sales_by_store(sales, stores):
            return Agreeable({"store": list(stores)})
    """)
    assert result.verdict == Verdict.WRONG_ANSWER and result.passed == 0


def test_objects_inside_a_real_frame_and_forged_frame_data_are_not_plain():
    result = grade("""
        import pandas as pd
        class Anything(float):
            def __eq__(self, other):
                return True
        def sales_by_store(sales, stores):
            frame = pd.DataFrame({"store": list(stores), "n_sales": [Anything(0)] * len(stores)}, dtype=object)
            return frame if len(stores) % 2 else {"__pandas__": "DataFrame", "columns": [], "index": [], "data": []}
    """)
    assert result.verdict == Verdict.WRONG_ANSWER and result.passed == 0
    assert "not plain data" in result.feedback["message"]


def test_a_pandas_memory_bomb_is_a_memory_limit():
    result = grade("""
        import numpy as np
        import pandas as pd
        def sales_by_store(sales, stores):
            frames = []
            while True:
                frames.append(pd.DataFrame(np.ones((4_000_000, 8))))
    """)
    assert result.verdict == Verdict.MEMORY_LIMIT


def test_a_huge_frame_returned_is_refused_not_carried():
    result = grade("""
        import numpy as np
        import pandas as pd
        def sales_by_store(sales, stores):
            return pd.DataFrame(np.zeros((400_000, 4)))
    """)
    assert result.verdict != Verdict.ACCEPTED and result.passed == 0
