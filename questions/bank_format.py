"""Reading and validating the question bank on disk (the format is in DESIGN.md).

Nothing here writes to the database: `load_bank()` returns plain data or raises `BankError` listing every
problem found, each naming the file and what is wrong with it, so an author can fix them all at once.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from grader import frames
from questions.models import Difficulty, QuestionType
from questions.scoring import grade_multiple_choice, grade_numeric, tolerance_text
from questions.variants import PLACEHOLDER, VariantError, variant_for_seed, variant_wrong_answers

DIFFICULTIES = {d.label.lower(): d.value for d in Difficulty}
COMMON_KEYS = {"title", "type", "topics", "difficulty", "points"}
TYPE_KEYS = {
    QuestionType.SINGLE_CHOICE: {"options"},
    QuestionType.MULTIPLE_CHOICE: {"options"},
    QuestionType.NUMERIC: {"answer", "tolerance", "unit", "wrong_answers"},
    QuestionType.FREE_TEXT: {"rubric"},
    QuestionType.CODE: {"entry_point", "signature", "packages", "limits", "compare"},
    QuestionType.ML: {"entry_point", "signature", "packages", "limits", "metric", "baseline", "target", "pass_at", "predict",
                      "checks"},
}
KNOWN_PACKAGES = {"numpy", "scipy", "sklearn", "pandas"}
LIMIT_RANGES = {"time_seconds": (0.5, 60), "memory_mb": (64, 2048), "processes": (1, 64)}
COMPARE_KINDS = {"exact", "close", "checker", "frame"}
ML_METRICS = {"pr_auc": "higher", "roc_auc": "higher", "rmse": "lower"}
# ML tasks' method checks (grader/judging.py judges them): `checks: {name: points}` in question.yaml.
ML_CHECKS = ("batch_independence", "reproducible")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")  # a figure in a prompt: 8, 0.06, 5.0
POINTS_PARAGRAPH = re.compile(r"^Points:.*?(?=\n\s*\n|\Z)", re.MULTILINE | re.DOTALL)  # an ML task's scoring, told
VARIANT_SEEDS = 500  # variants drawn to check a numeric question: its answer accepted, its wrong answers not
TICK_ALL_LIMIT = 0.5  # a multiple-choice question where ticking every option scores more is refused


class BankError(Exception):
    """The bank cannot be loaded. `problems` holds one "path: what is wrong" line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class TopicData:
    slug: str
    title: str
    summary: str
    position: int


@dataclass
class StageData:
    slug: str
    title: str
    summary: str
    position: int
    topics: list[TopicData]


@dataclass
class QuestionData:
    slug: str
    stage: str
    topics: list[str]
    type: str
    title: str
    prompt: str
    explanation: str
    difficulty: int
    points: int
    spec: dict
    folder: Path
    content_hash: str = field(default="")

    def version_fields(self) -> dict:
        return {
            "type": self.type,
            "title": self.title,
            "prompt": self.prompt,
            "explanation": self.explanation,
            "difficulty": self.difficulty,
            "points": self.points,
            "spec": self.spec,
        }


@dataclass
class Bank:
    stages: list[StageData]
    questions: list[QuestionData]


@dataclass
class ChoiceBias:
    """How far a test-taker gets on the choice questions without knowing the answers (sync_bank reports it)."""

    single_choice: int
    longest_is_correct: list[str]  # single-choice questions whose correct option is strictly the longest
    multiple_choice: int
    tick_all_highest: float  # the best score that ticking every option earns on a multiple-choice question

    def text(self) -> str:
        share = len(self.longest_is_correct) / self.single_choice if self.single_choice else 0.0
        return (
            f"Length bias: the correct option is strictly the longest in {len(self.longest_is_correct)} of "
            f"{self.single_choice} single-choice questions ({share:.0%}). Ticking every option scores at most "
            f"{self.tick_all_highest:.0%} on the {self.multiple_choice} multiple-choice questions."
        )


def choice_bias(bank: Bank) -> ChoiceBias:
    """The bank's length bias and tick-all score (issue 12: choice questions a test-taker cannot game)."""
    singles = [q for q in bank.questions if q.type == QuestionType.SINGLE_CHOICE]
    multiples = [q for q in bank.questions if q.type == QuestionType.MULTIPLE_CHOICE]
    longest = []
    for q in singles:
        correct = next(o for o in q.spec["options"] if o["correct"])
        if all(len(correct["text"]) > len(o["text"]) for o in q.spec["options"] if o is not correct):
            longest.append(q.slug)
    tick_all = [grade_multiple_choice(q.spec, [o["key"] for o in q.spec["options"]]).fraction for q in multiples]
    return ChoiceBias(len(singles), longest, len(multiples), max(tick_all, default=0.0))


def content_hash(fields: dict) -> str:
    """A stable fingerprint of a version's content: equal content, equal hash."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def load_bank(bank_dir: Path) -> Bank:
    """Read and validate the whole bank under `bank_dir`; raise BankError with every problem found."""
    problems: list[str] = []
    stages = _load_roadmap(bank_dir / "roadmap.yaml", problems)
    stage_slugs = {s.slug for s in stages}
    topic_slugs = {t.slug for s in stages for t in s.topics}
    questions: list[QuestionData] = []
    seen: dict[str, Path] = {}
    for folder in sorted(p.parent for p in bank_dir.glob("*/*/question.yaml")):
        stage, slug = folder.parent.name, folder.name
        where = relative_path(folder, bank_dir)
        if stage not in stage_slugs:
            problems.append(f"{where}: folder {stage!r} is not a stage in roadmap.yaml")
            continue
        if not SLUG.match(slug):
            problems.append(f"{where}: the folder name {slug!r} is not a slug (lower-case words joined by '-')")
            continue
        if slug in seen:
            problems.append(f"{where}: slug {slug!r} is used by {seen[slug]} too")
            continue
        seen[slug] = where
        before = len(problems)
        question = _load_question(folder, stage, topic_slugs, bank_dir, problems)
        if question is not None and len(problems) == before:
            question.content_hash = content_hash(question.version_fields())
            questions.append(question)
    for stray in sorted(bank_dir.glob("*/*")):
        if stray.is_dir() and not (stray / "question.yaml").exists():
            problems.append(f"{relative_path(stray, bank_dir)}: a question folder needs a question.yaml")
    if problems:
        raise BankError(problems)
    return Bank(stages=stages, questions=questions)


def relative_path(path: Path, root: Path) -> Path:
    try:
        return Path(root.name) / path.relative_to(root)
    except ValueError:
        return path


def _read_yaml(path: Path, root: Path, problems: list[str]):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{relative_path(path, root)}: file is missing")
        return None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(f"{relative_path(path, root)}: not valid YAML: {exc}".replace("\n", " "))
        return None
    if not isinstance(data, dict):
        problems.append(f"{relative_path(path, root)}: expected a mapping of keys at the top level")
        return None
    return data


def _read_text(path: Path, root: Path, problems: list[str]) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        problems.append(f"{relative_path(path, root)}: file is missing")
        return ""
    except UnicodeDecodeError:
        problems.append(f"{relative_path(path, root)}: not UTF-8 text")
        return ""
    if not text:
        problems.append(f"{relative_path(path, root)}: file is empty")
    return text


def _load_roadmap(path: Path, problems: list[str]) -> list[StageData]:
    root = path.parent
    data = _read_yaml(path, root, problems)
    if data is None:
        return []
    where = relative_path(path, root)
    stages = []
    for i, raw in enumerate(data.get("stages") or []):
        if not isinstance(raw, dict) or not {"slug", "title"} <= raw.keys():
            problems.append(f"{where}: stage #{i + 1} needs a slug and a title")
            continue
        topics = []
        for j, t in enumerate(raw.get("topics") or []):
            if not isinstance(t, dict) or not {"slug", "title"} <= t.keys():
                problems.append(f"{where}: topic #{j + 1} of stage {raw['slug']!r} needs a slug and a title")
                continue
            topics.append(TopicData(t["slug"], t["title"], t.get("summary", ""), j + 1))
        if not topics:
            problems.append(f"{where}: stage {raw['slug']!r} has no topics")
        stages.append(StageData(raw["slug"], raw["title"], raw.get("summary", ""), i + 1, topics))
    if not stages:
        problems.append(f"{where}: no stages defined")
    all_topics = [t.slug for s in stages for t in s.topics]
    for dup in {t for t in all_topics if all_topics.count(t) > 1}:
        problems.append(f"{where}: topic {dup!r} is defined twice")
    return stages


def _load_question(folder, stage, topic_slugs, root, problems) -> QuestionData | None:
    meta_path = folder / "question.yaml"
    where = relative_path(meta_path, root)
    meta = _read_yaml(meta_path, root, problems)
    if meta is None:
        return None

    def bad(message: str) -> None:
        problems.append(f"{where}: {message}")

    qtype = meta.get("type")
    if qtype not in TYPE_KEYS:
        bad(f"type {qtype!r} is not one of {', '.join(TYPE_KEYS)}")
        return None
    missing = sorted(COMMON_KEYS - meta.keys())
    if missing:
        bad(f"missing {', '.join(missing)}")
        return None
    unknown = sorted(meta.keys() - COMMON_KEYS - TYPE_KEYS[qtype])
    if unknown:
        bad(f"unknown key(s) {', '.join(unknown)} for a {qtype} question")
    if not isinstance(meta["title"], str) or not meta["title"].strip():
        bad("title must be non-empty text")
    topics = meta["topics"]
    if not isinstance(topics, list) or not topics:
        bad("topics must be a non-empty list of topic slugs from roadmap.yaml")
        topics = []
    for t in topics:
        if t not in topic_slugs:
            bad(f"topic {t!r} is not in roadmap.yaml")
    difficulty = DIFFICULTIES.get(str(meta["difficulty"]).lower())
    if difficulty is None:
        bad(f"difficulty {meta['difficulty']!r} is not one of {', '.join(DIFFICULTIES)}")
    points = meta["points"]
    if not isinstance(points, int) or isinstance(points, bool) or not 1 <= points <= 100:
        bad(f"points must be a whole number from 1 to 100, not {points!r}")
        points = 1

    prompt = _read_text(folder / "prompt.md", root, problems)
    explanation = _read_text(folder / "explanation.md", root, problems)
    spec = SPEC_LOADERS[qtype](meta, folder, root, bad, problems, prompt, points)
    if spec is None:
        return None
    return QuestionData(
        slug=folder.name,
        stage=stage,
        topics=list(topics),
        type=qtype,
        title=str(meta["title"]).strip(),
        prompt=prompt,
        explanation=explanation,
        difficulty=difficulty or 1,
        points=points,
        spec=spec,
        folder=folder,
    )


def _choice_spec(meta, folder, root, bad, problems, prompt, points):
    options = meta.get("options")
    if not isinstance(options, list) or len(options) < 2:
        bad("options must be a list of at least two {text, correct} entries")
        return None
    parsed = []
    for i, opt in enumerate(options):
        if not isinstance(opt, dict) or not isinstance(opt.get("text"), str) or not opt["text"].strip():
            bad(f"option #{i + 1} needs a non-empty text")
            return None
        if not isinstance(opt.get("correct", False), bool):
            bad(f"option #{i + 1}: correct must be true or false")
            return None
        parsed.append({"key": chr(ord("a") + i), "text": opt["text"].strip(), "correct": opt.get("correct", False)})
    texts = [o["text"] for o in parsed]
    if len(set(texts)) != len(texts):
        bad("two options have the same text")
    correct = sum(o["correct"] for o in parsed)
    if meta["type"] == QuestionType.SINGLE_CHOICE and correct != 1:
        bad(f"a single_choice question needs exactly one correct option, found {correct}")
    if meta["type"] == QuestionType.MULTIPLE_CHOICE:
        if not 1 <= correct < len(parsed):
            bad(f"a multiple_choice question needs at least one correct and one wrong option, found {correct} correct")
            return None
        tick_all = grade_multiple_choice({"options": parsed}, [o["key"] for o in parsed]).fraction
        if tick_all > TICK_ALL_LIMIT:
            bad(f"ticking every option scores {tick_all:.0%}, more than {TICK_ALL_LIMIT:.0%}: add wrong options")
    return {"options": parsed}


def _numeric_spec(meta, folder, root, bad, problems, prompt, points):
    tolerance = meta.get("tolerance")
    if not isinstance(tolerance, dict) or len(tolerance) != 1 or not tolerance.keys() <= {"absolute", "relative"}:
        bad("tolerance must be {absolute: x} or {relative: x}")
        return None
    (kind, amount), = tolerance.items()
    if not isinstance(amount, (int, float)) or isinstance(amount, bool) or not 0 <= amount < 1e6:
        bad(f"tolerance {kind} must be a non-negative number")
        return None
    spec = {"tolerance": {"kind": kind, "amount": float(amount)}, "unit": str(meta.get("unit", ""))}
    variant_path = folder / "variant.py"
    if variant_path.exists():
        if "answer" in meta or "wrong_answers" in meta:
            bad("with a variant.py, the answer and the wrong answers come from variant.py's answer(**params) and "
                "wrong_answers(**params), not from question.yaml")
            return None
        spec["variant_source"] = variant_path.read_text(encoding="utf-8")
        where = relative_path(variant_path, root)
        # Draw many variants: every variant a candidate can get must be well-formed and tell the right answer
        # from the classic wrong ones.
        for seed in range(VARIANT_SEEDS):
            try:
                params, answer = variant_for_seed(spec["variant_source"], seed)
                if not math.isfinite(answer):
                    raise VariantError(f"seed {seed} gives the answer {answer}, which is not a finite number")
                wrong = variant_wrong_answers(spec["variant_source"], params)
            except VariantError as exc:
                problems.append(f"{where}: {exc}")
                return None
            missing = set(PLACEHOLDER.findall(prompt)) - params.keys()
            if missing:
                problems.append(f"{where}: prompt.md uses {{{{{sorted(missing)[0]}}}}} but parameters() does not set it")
                return None
            problem = _tolerance_problem(spec, answer, wrong)
            if problem:
                problems.append(f"{where}: the variant of seed {seed} ({params}): {problem}")
                return None
    else:
        answer = meta.get("answer")
        if not isinstance(answer, (int, float)) or isinstance(answer, bool) or not math.isfinite(answer):
            bad("a numeric question needs a finite number as answer, or a variant.py")
            return None
        spec["answer"] = float(answer)
        if PLACEHOLDER.search(prompt):
            bad("prompt.md has {{placeholders}} but there is no variant.py to fill them")
            return None
        wrong = _listed_wrong_answers(meta.get("wrong_answers"), bad)
        if wrong is None:
            return None
        problem = _tolerance_problem(spec, spec["answer"], wrong)
        if problem:
            bad(problem)
            return None
    return spec


def _listed_wrong_answers(listed, bad) -> dict[str, float] | None:
    """question.yaml's `wrong_answers: [{label, value}]` as {label: value}; None (and a problem) if malformed."""
    if not isinstance(listed, list) or not listed:
        bad('list the classic wrong answers: wrong_answers: [{label: "...", value: 0.62}]')
        return None
    wrong = {}
    for i, item in enumerate(listed):
        label, value = (item.get("label"), item.get("value")) if isinstance(item, dict) else (None, None)
        if not isinstance(label, str) or not label.strip():
            bad(f"wrong answer #{i + 1} needs a label (text saying what mistake gives it)")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            bad(f"wrong answer {label!r} needs a finite number as value")
            return None
        wrong[label] = float(value)
    return wrong


def _tolerance_problem(spec: dict, answer: float, wrong: dict[str, float]) -> str:
    """What is wrong with the tolerance for this answer and its classic wrong answers ("" when it separates them).

    The right answer must be accepted, also as the feedback prints it (6 significant digits), and every
    classic wrong answer refused.
    """
    shown = float(f"{answer:.6g}")
    if grade_numeric(spec, shown, answer).fraction < 1:
        return (f"the answer {answer!r} as the feedback shows it ({shown:.6g}) is not accepted "
                f"({tolerance_text(spec)}): loosen the tolerance in question.yaml")
    for label, value in wrong.items():
        if grade_numeric(spec, value, answer).fraction > 0:
            return (f"the wrong answer {label!r} ({value:.6g}) is accepted for the answer {answer:.6g} "
                    f"({tolerance_text(spec)}): tighten the tolerance in question.yaml, or change the parameters "
                    "so that this mistake gives a clearly different number")
    return ""


def _free_text_spec(meta, folder, root, bad, problems, prompt, points):
    reference = _read_text(folder / "reference.md", root, problems)
    rubric = meta.get("rubric")
    if not isinstance(rubric, list) or not rubric:
        bad("a free_text question needs a rubric: a list of {criterion, points}")
        return None
    for i, item in enumerate(rubric):
        if not isinstance(item, dict) or not isinstance(item.get("criterion"), str) or not isinstance(
            item.get("points"), int
        ):
            bad(f"rubric item #{i + 1} needs a criterion (text) and points (a whole number)")
            return None
    total = sum(item["points"] for item in rubric)
    if total != points:
        bad(f"the rubric's points add up to {total}, but the question is worth {points}")
    return {"reference_answer": reference, "rubric": [{"criterion": r["criterion"], "points": r["points"]} for r in rubric]}


def _task_spec(meta, folder, root, bad, problems, prompt, points):
    """Code and ML tasks: the entry point, limits, packages, and the task's files read into the spec."""
    entry = meta.get("entry_point")
    if not isinstance(entry, str) or not IDENTIFIER.match(entry):
        bad("entry_point must be the name of a Python function")
        return None
    packages = meta.get("packages", [])
    if not isinstance(packages, list) or not set(packages) <= KNOWN_PACKAGES:
        bad(f"packages must be a list drawn from {', '.join(sorted(KNOWN_PACKAGES))}")
        return None
    limits = meta.get("limits", {})
    if not isinstance(limits, dict) or not limits.keys() <= LIMIT_RANGES.keys():
        bad(f"limits may set {', '.join(LIMIT_RANGES)}")
        return None
    for key, value in limits.items():
        low, high = LIMIT_RANGES[key]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
            bad(f"limits.{key} must be between {low} and {high}")
            return None
    files = {}
    needed = ["starter.py", "reference.py"] + (["data.py"] if meta["type"] == QuestionType.ML else ["cases.py"])
    for name in needed + ["solution.py", "checker.py", "second_solution.py"]:
        path = folder / name
        if path.exists():
            files[name] = path.read_text(encoding="utf-8")
        elif name in needed:
            problems.append(f"{relative_path(path, root)}: file is missing")
            return None
    wrong = {p.name: p.read_text(encoding="utf-8") for p in sorted((folder / "wrong").glob("*.py"))}
    if not wrong:
        problems.append(f"{relative_path(folder / 'wrong', root)}: a task needs known-wrong solutions in wrong/*.py")
        return None
    spec = {
        "entry_point": entry,
        "signature": str(meta.get("signature", "")),
        "packages": packages,
        "limits": limits,
        "starter": files["starter.py"],
        "reference": files["reference.py"],
        "solution": files.get("solution.py", files["reference.py"]),
        "wrong": wrong,
    }
    if meta["type"] == QuestionType.CODE:
        compare = meta.get("compare", {"kind": "exact"})
        if not isinstance(compare, dict) or compare.get("kind") not in COMPARE_KINDS:
            bad(f"compare.kind must be one of {', '.join(sorted(COMPARE_KINDS))}")
            return None
        if not isinstance(compare.get("ints_match_floats", False), bool):
            bad("compare.ints_match_floats must be true or false")
            return None
        if compare["kind"] == "frame" and (problem := frames.rules_problem(compare)):
            bad(problem)
            return None
        if (compare["kind"] == "checker") != ("checker.py" in files):
            bad("compare.kind checker goes with a checker.py, and a checker.py with compare.kind checker")
            return None
        spec.update(compare=compare, cases=files["cases.py"], checker=files.get("checker.py", ""))
        second = _second_solution(files, folder, root, problems)
        if second is None:
            return None
        spec["second_solution"] = second
        return spec
    metric = meta.get("metric")
    if metric not in ML_METRICS:
        bad(f"metric must be one of {', '.join(ML_METRICS)}")
        return None
    numbers = {k: meta.get(k) for k in ("baseline", "target", "pass_at")}
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers.values()):
        bad("baseline, target and pass_at must be numbers")
        return None
    better = (lambda a, b: a > b) if ML_METRICS[metric] == "higher" else (lambda a, b: a < b)
    if not (better(numbers["target"], numbers["pass_at"]) or numbers["target"] == numbers["pass_at"]) or not better(
        numbers["pass_at"], numbers["baseline"]
    ):
        bad(f"for {metric}, pass_at must lie between baseline and target")
        return None
    scoring = POINTS_PARAGRAPH.search(prompt)
    stated = set(NUMBER.findall(scoring.group(0))) if scoring else set()  # as written in question.yaml: 5.0, not 5
    if unstated := [f"{k} ({v})" for k, v in numbers.items() if str(v) not in stated]:
        bad(f"prompt.md's paragraph beginning \"Points:\" does not state {', '.join(unstated)}: candidates are told "
            "the figures they are scored by")
        return None
    if meta.get("predict", "predict") not in ("predict", "proba"):
        bad("predict must be predict or proba")
        return None
    checks = meta.get("checks", {})
    if not isinstance(checks, dict) or not set(checks) <= set(ML_CHECKS) or not all(
        isinstance(p, int) and not isinstance(p, bool) and p >= 1 for p in checks.values()
    ):
        bad(f"checks must map method checks ({', '.join(ML_CHECKS)}) to their points (whole numbers from 1)")
        return None
    if sum(checks.values()) >= points:
        bad(f"the checks' points ({sum(checks.values())}) must leave some of the question's {points} points to the metric")
        return None
    spec.update(metric=metric, direction=ML_METRICS[metric], data=files["data.py"], predict=meta.get("predict", "predict"),
                checks=checks, **numbers)
    return spec


def _second_solution(files, folder, root, problems) -> str | None:
    """A code task's second, independent correct solution (another approach), which sync_bank also runs."""
    where = relative_path(folder / "second_solution.py", root)
    source = files.get("second_solution.py")
    if source is None:
        problems.append(f"{where}: file is missing: a code task needs a second correct solution, written another way")
        return None
    try:
        second = ast.dump(ast.parse(source))
    except SyntaxError as exc:
        problems.append(f"{where}: not valid Python: {exc.msg} (line {exc.lineno})")
        return None
    for name in ("solution.py", "reference.py"):
        try:
            same = name in files and ast.dump(ast.parse(files[name])) == second
        except SyntaxError:
            same = False  # the other file's own problem is reported when it runs
        if same:
            problems.append(f"{where}: is the same code as {name}: write it another way")
            return None
    return source


SPEC_LOADERS = {
    QuestionType.SINGLE_CHOICE: _choice_spec,
    QuestionType.MULTIPLE_CHOICE: _choice_spec,
    QuestionType.NUMERIC: _numeric_spec,
    QuestionType.FREE_TEXT: _free_text_spec,
    QuestionType.CODE: _task_spec,
    QuestionType.ML: _task_spec,
}

