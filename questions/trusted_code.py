"""Running Python from the bank that we wrote ourselves (variants, references, case generators, checkers).

This is trusted content from the repository, run in the web or worker process like PrairieLearn's
server.py. Candidates' code never comes here: it runs only in the grader's sandbox.
"""

from functools import lru_cache
from types import MappingProxyType


class TrustedCodeError(Exception):
    """A bank file does not run or lacks what it must define."""


@lru_cache(maxsize=512)
def load_source(source: str, filename: str) -> MappingProxyType:
    """Execute `source` once per distinct text and return its (read-only view of the) namespace."""
    namespace: dict = {"__name__": f"bank:{filename}"}
    try:
        exec(compile(source, filename, "exec"), namespace)
    except Exception as exc:  # noqa: BLE001 - any failure means the file is broken
        raise TrustedCodeError(f"{filename} does not run: {type(exc).__name__}: {exc}") from exc
    return MappingProxyType(namespace)


def function_from(source: str, filename: str, name: str):
    """The function `name` defined by `source`; TrustedCodeError if it is missing."""
    fn = load_source(source, filename).get(name)
    if not callable(fn):
        raise TrustedCodeError(f"{filename} must define {name}()")
    return fn
