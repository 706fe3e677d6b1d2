"""Benchmarks that print figures (never assert on time): `python -m bench <name>`.

    grader   sandbox cost, grading throughput and submit-to-verdict latency (`make bench`)
    web      the roadmap, profile and history pages at 100 requests/s over 10,000 candidates and 1,000,000 results
    api      the recruiter API's candidate list filtered by topic mastery at 100 requests/s over 10,000 candidates
"""

import importlib
import sys

BENCHES = {"grader": "bench.grader", "web": "bench.web", "api": "bench.api"}


def main(argv: list[str]) -> None:
    name = argv[0] if argv else "grader"
    if name not in BENCHES:
        raise SystemExit(f"unknown bench {name!r}; choose one of: {', '.join(BENCHES)}")
    importlib.import_module(BENCHES[name]).main()


if __name__ == "__main__":
    main(sys.argv[1:])
