"""The mutation check of a code task's hidden cases (`manage.py bank_mutants`).

Small deliberate bugs ("mutants") are made in the task's model solution (solution.py, or reference.py when
there is none): an operator swapped, a comparison shifted or flipped, a constant off by one, a check or a
branch removed, a statement dropped, a return value replaced. Each mutant is graded on the task's hidden
cases in the real sandbox, exactly as a candidate's code would be; a mutant that is not accepted (wrong
answer, error, time limit...) is killed. A survivor is a bug class the hidden cases let through, unless it
is equivalent to the solution (it computes the same function); those are listed, with the reason, in the
task folder's `equivalent_mutants.yaml` and left out of the score.

The mutator is a plain `ast` walk: mutants are generated in a fixed order, so the same solution always gives
the same mutants with the same descriptions.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from grader import judging
from grader.cases import HIDDEN, hidden_seed
from grader.models import Verdict
from questions.trusted_code import TrustedCodeError

EQUIVALENT_FILE = "equivalent_mutants.yaml"

BINARY_SWAPS = {
    ast.Add: [ast.Sub],
    ast.Sub: [ast.Add],
    ast.Mult: [ast.Div],
    ast.Div: [ast.Mult, ast.FloorDiv],
    ast.FloorDiv: [ast.Div],
    ast.Mod: [ast.FloorDiv],
    ast.Pow: [ast.Mult],
    ast.BitAnd: [ast.BitOr],
    ast.BitOr: [ast.BitAnd],
    ast.BitXor: [ast.BitAnd],
}
# For each comparison: the boundary moved, then the direction flipped.
COMPARE_SWAPS = {
    ast.Lt: [ast.LtE, ast.Gt],
    ast.LtE: [ast.Lt, ast.GtE],
    ast.Gt: [ast.GtE, ast.Lt],
    ast.GtE: [ast.Gt, ast.LtE],
    ast.Eq: [ast.NotEq],
    ast.NotEq: [ast.Eq],
    ast.In: [ast.NotIn],
    ast.NotIn: [ast.In],
    ast.Is: [ast.IsNot],
    ast.IsNot: [ast.Is],
}
# Built-ins, and functions or methods (np.maximum, x.mean()), that a slip of the mind swaps for a sibling.
BUILTIN_SWAPS = {"min": "max", "max": "min", "any": "all", "all": "any"}
ATTRIBUTE_SWAPS = {
    **BUILTIN_SWAPS,
    "minimum": "maximum", "maximum": "minimum", "argmin": "argmax", "argmax": "argmin",
    "mean": "sum", "sum": "mean", "floor": "ceil", "ceil": "floor",
}
# Calls that a slip leaves out: sorted(x) → x (never sorted), set(x) → x (duplicates kept), abs(x) → x.
DROPPABLE_CALLS = {"sorted", "set", "abs", "reversed"}
SHOWN_CHARS = 90


@dataclass(frozen=True)
class Mutant:
    line: int
    change: str  # "`a < b` → `a <= b`": what differs from the solution
    code: str

    @property
    def label(self) -> str:
        return f"line {self.line}: {self.change}"


@dataclass
class EquivalentEntry:
    change: str
    why: str
    line: int | None = None

    def matches(self, mutant: Mutant) -> bool:
        return self.change == mutant.change and (self.line is None or self.line == mutant.line)


@dataclass
class TaskMutation:
    """The outcome of the mutation check of one task."""

    slug: str
    mutated_file: str
    total: int = 0
    killed: int = 0
    survivors: list[Mutant] = field(default_factory=list)
    equivalent: list[Mutant] = field(default_factory=list)
    killed_but_listed: list[EquivalentEntry] = field(default_factory=list)
    stale_entries: list[EquivalentEntry] = field(default_factory=list)
    problem: str = ""  # the check could not run (the solution itself fails, or a broken file)

    @property
    def scored(self) -> int:
        """Mutants that count: all of them but the ones judged equivalent."""
        return self.total - len(self.equivalent)

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.scored if self.scored else 100.0


# ------------------------------------------------------------------ generating mutants

def _short(node: ast.AST) -> str:
    text = " ".join(ast.unparse(node).split())
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."


def _plus(node: ast.expr, amount: int) -> ast.expr:
    return ast.BinOp(left=node, op=ast.Add() if amount > 0 else ast.Sub(), right=ast.Constant(abs(amount)))


def _off_by_one(node: ast.expr) -> list[ast.expr]:
    """`x + 1` and `x - 1`, for a bound that is not a plain number (numbers are mutated on their own)."""
    if isinstance(node, ast.Constant) or (isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant)):
        return []
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)) and isinstance(node.right, ast.Constant):
        return []  # `j + 1`: its number is mutated already
    return [_plus(copy.deepcopy(node), 1), _plus(copy.deepcopy(node), -1)]


class _Sites(ast.NodeVisitor):
    """Every place a mutation applies, in a fixed order: (node, replacement, description)."""

    def __init__(self):
        self.sites: list[tuple[ast.AST, ast.AST, str]] = []
        self.parameters: set[str] = set()
        self.in_compare = 0
        self.ancestors: list[ast.AST] = []

    def visit(self, node):
        self.ancestors.append(node)
        try:
            return super().visit(node)
        finally:
            self.ancestors.pop()

    def add(self, node, replacement, change):
        self.sites.append((node, replacement, change))

    def expression(self, node, replacement):
        self.add(node, replacement, f"`{_short(node)}` → `{_short(replacement)}`")

    # Statements -------------------------------------------------------------
    def visit_FunctionDef(self, node):
        outer = self.parameters
        self.parameters = {a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs}
        self.generic_visit(node)
        self.parameters = outer

    def _statements(self, body):
        for statement in body:
            self._removal(statement)

    def _removal(self, statement):
        """A statement dropped: a call for its effect, an update, a conversion of an argument."""
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            removable = True
        elif isinstance(statement, ast.AugAssign):
            removable = True
        elif isinstance(statement, ast.Assign):
            targets = [t for target in statement.targets for t in (target.elts if isinstance(target, ast.Tuple) else [target])]
            # Re-binding an argument (y = np.asarray(y)) or writing into a container (a[i] = x).
            removable = all(isinstance(t, (ast.Subscript, ast.Attribute)) or (isinstance(t, ast.Name) and t.id in self.parameters)
                            for t in targets)
        else:
            removable = False
        if removable:
            self.add(statement, ast.Pass(), f"removed `{_short(statement)}`")

    def generic_visit(self, node):
        for name in ("body", "orelse", "finalbody"):
            body = getattr(node, name, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                self._statements(body)
        super().generic_visit(node)

    def visit_Expr(self, node):
        if isinstance(node.value, ast.Constant):
            return  # a docstring
        self.generic_visit(node)

    def visit_Raise(self, node):
        return  # the message is not behaviour; removing the check is the If mutation

    def visit_Import(self, node):
        return

    visit_ImportFrom = visit_Import

    def visit_If(self, node):
        test = _short(node.test)
        self.add(node.test, ast.Constant(False), f"`if {test}:` → `if False:` (branch removed)")
        self.add(node.test, ast.Constant(True), f"`if {test}:` → `if True:` (branch always taken)")
        self.generic_visit(node)

    def visit_While(self, node):
        self.generic_visit(node)

    def visit_Return(self, node):
        if node.value is not None and not (isinstance(node.value, ast.Constant) and node.value.value is None):
            self.add(node.value, ast.Constant(None), f"`return {_short(node.value)}` → `return None`")
        self.generic_visit(node)

    def visit_Break(self, node):
        self.add(node, ast.Continue(), "`break` → `continue`")

    def visit_Continue(self, node):
        self.add(node, ast.Break(), "`continue` → `break`")

    # Expressions ------------------------------------------------------------
    def visit_JoinedStr(self, node):
        return  # f-strings are messages

    def visit_BinOp(self, node):
        for op in BINARY_SWAPS.get(type(node.op), []):
            self.expression(node, ast.BinOp(left=copy.deepcopy(node.left), op=op(), right=copy.deepcopy(node.right)))
        if isinstance(node.op, (ast.BitOr, ast.BitAnd)):  # one set of a union, or one mask of a conjunction, dropped
            self.expression(node, copy.deepcopy(node.left))
            self.expression(node, copy.deepcopy(node.right))
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        for op in BINARY_SWAPS.get(type(node.op), []):
            mutated = ast.AugAssign(target=copy.deepcopy(node.target), op=op(), value=copy.deepcopy(node.value))
            self.add(node, mutated, f"`{_short(node)}` → `{_short(mutated)}`")
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        if isinstance(node.op, (ast.USub, ast.Not, ast.Invert)):
            self.expression(node, copy.deepcopy(node.operand))
        if isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
            return  # -1 is a number: its sign was mutated, not its value
        self.generic_visit(node)

    def visit_BoolOp(self, node):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        self.expression(node, ast.BoolOp(op=other, values=copy.deepcopy(node.values)))
        for i in range(len(node.values)):
            if len(node.values) == 2:  # one side of `a and b` dropped: a condition removed
                self.expression(node, copy.deepcopy(node.values[1 - i]))
        self.generic_visit(node)

    def visit_Compare(self, node):
        for i, op in enumerate(node.ops):
            for swapped in COMPARE_SWAPS.get(type(op), []):
                ops = list(node.ops)
                ops[i] = swapped()
                self.expression(node, ast.Compare(left=copy.deepcopy(node.left), ops=ops, comparators=copy.deepcopy(node.comparators)))
        self.in_compare += 1
        self.generic_visit(node)
        self.in_compare -= 1

    def visit_IfExp(self, node):
        self.expression(node, copy.deepcopy(node.body))
        self.expression(node, copy.deepcopy(node.orelse))
        self.generic_visit(node)

    def visit_comprehension(self, node):
        for condition in node.ifs:
            self.add(condition, ast.Constant(True), f"filter `if {_short(condition)}` removed")
        self.generic_visit(node)

    def visit_Slice(self, node):
        for bound in (node.lower, node.upper):
            if bound is not None:
                for replacement in _off_by_one(bound):
                    self.expression(bound, replacement)
        self.generic_visit(node)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id in DROPPABLE_CALLS and len(node.args) == 1 and not node.keywords:
            self.expression(node, copy.deepcopy(node.args[0]))
        if isinstance(node.func, ast.Name) and node.func.id == "range":
            for arg in node.args:
                for replacement in _off_by_one(arg):
                    self.expression(arg, replacement)
        for i, keyword in enumerate(node.keywords):  # an option forgotten: side="right", ddof=1, kind="stable"
            if keyword.arg is not None:
                without = copy.deepcopy(node)
                del without.keywords[i]
                first = f"{_short(node.args[0])}, ..." if node.args else "..."
                self.add(node, without, f"`{keyword.arg}={_short(keyword.value)}` removed from `{_short(node.func)}({first})`")
        self.generic_visit(node)

    def visit_Name(self, node):
        if node.id in BUILTIN_SWAPS and isinstance(node.ctx, ast.Load):
            self.expression(node, ast.Name(id=BUILTIN_SWAPS[node.id], ctx=ast.Load()))

    def visit_Attribute(self, node):
        if node.attr in ATTRIBUTE_SWAPS and isinstance(node.ctx, ast.Load):
            self.expression(node, ast.Attribute(value=copy.deepcopy(node.value), attr=ATTRIBUTE_SWAPS[node.attr], ctx=ast.Load()))
        self.generic_visit(node)

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, bool):
            replacements = [not value]
        elif isinstance(value, int):
            replacements = [value + 1, value - 1]
        elif isinstance(value, float):
            replacements = [value + 1.0] + ([0.0] if value != 0.0 else [])
        elif isinstance(value, str) and self.in_compare:
            replacements = [f"XX{value}XX"]
        else:
            replacements = []
        for replacement in replacements:
            self.add(node, ast.Constant(replacement), self._constant_change(node, replacement))

    def _constant_change(self, node, replacement) -> str:
        """The change shown in the smallest expression around the number (`j + 1` → `j + 2`, not `1` → `2`)."""
        simple = (ast.expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return)  # never a whole block
        context = next((a for a in reversed(self.ancestors[:-1]) if isinstance(a, simple)), None)
        if context is None:
            name = _default_of(self.ancestors[-2], node) if len(self.ancestors) > 1 else None
            prefix = f"{name}=" if name else ""
            return f"`{prefix}{_short(node)}` → `{prefix}{_short(ast.Constant(replacement))}`"
        before, original = _short(context), node.value
        node.value = replacement
        after = _short(context)
        node.value = original
        return f"`{before}` → `{after}`"


def _default_of(parent: ast.AST, node: ast.AST) -> str | None:
    """The parameter whose default value `node` is, if it is one."""
    if not isinstance(parent, ast.arguments):
        return None
    positional = parent.posonlyargs + parent.args
    for arg, default in zip(positional[len(positional) - len(parent.defaults):], parent.defaults):
        if default is node:
            return arg.arg
    for arg, default in zip(parent.kwonlyargs, parent.kw_defaults):
        if default is node:
            return arg.arg
    return None


class _Replace(ast.NodeTransformer):
    def __init__(self, target, replacement):
        self.target, self.replacement = target, replacement

    def visit(self, node):
        if node is self.target:
            return self.replacement
        return super().visit(node)


def make_mutants(source: str) -> list[Mutant]:
    """Every mutant of `source`, in a fixed order, without duplicates or mutants identical to the source."""
    original = ast.unparse(ast.parse(source))
    sites = _sites_of(ast.parse(source))
    # By line, so that the report reads top to bottom (the sort is stable: the order is fixed).
    order = sorted(range(len(sites)), key=lambda i: getattr(sites[i][0], "lineno", 0))
    mutants, seen, labels = [], {original}, {}
    for index in order:
        tree = ast.parse(source)  # a fresh tree per mutant: the sites are found again in the same order
        node, replacement, change = _sites_of(tree)[index]
        line = getattr(node, "lineno", 0)
        mutated = ast.fix_missing_locations(_Replace(node, replacement).visit(tree))
        code = ast.unparse(mutated)
        if code in seen:
            continue
        seen.add(code)
        labels[(line, change)] = labels.get((line, change), 0) + 1
        if labels[(line, change)] > 1:  # the same change twice on a line: number it, so each can be named
            change = f"{change} [{labels[(line, change)]}]"
        mutants.append(Mutant(line=line, change=change, code=code + "\n"))
    return mutants


def _sites_of(tree: ast.AST) -> list[tuple[ast.AST, ast.AST, str]]:
    visitor = _Sites()
    visitor.visit(tree)
    return visitor.sites


# ------------------------------------------------------------------ running them

def mutated_file_name(spec: dict) -> str:
    """The file whose mutants are made: the model solution the task ships."""
    return "solution.py" if spec["solution"] != spec["reference"] else "reference.py"


def load_equivalent(folder: Path) -> list[EquivalentEntry]:
    """The survivors a task's author judged equivalent (`equivalent_mutants.yaml`); ValueError if malformed."""
    path = Path(folder) / EQUIVALENT_FILE
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise ValueError(f"{path.name}: not valid YAML: {exc}".replace("\n", " ")) from None
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: expected a list of {{change, why}} entries")
    entries = []
    for i, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("change"), str) or not isinstance(item.get("why"), str):
            raise ValueError(f"{path.name}: entry #{i + 1} needs a change (as printed by bank_mutants) and a why")
        line = item.get("line")
        if line is not None and (not isinstance(line, int) or isinstance(line, bool)):
            raise ValueError(f"{path.name}: entry #{i + 1}: line must be a whole number")
        entries.append(EquivalentEntry(change=item["change"], why=item["why"], line=line))
    return entries


def check_task_mutants(*, task, progress=None) -> TaskMutation:
    """Make the mutants of one code task's model solution and grade each on the hidden cases in the sandbox.

    `task` is a bank_format.QuestionData of type code. `progress(done, total, mutant, killed)` is called after
    each mutant. Raises SandboxUnavailable without a sandbox.
    """
    spec = task.spec
    report = TaskMutation(slug=task.slug, mutated_file=mutated_file_name(spec))
    seed = hidden_seed(task.content_hash)

    def accepted(code: str) -> bool:
        result = judging.run_task(task.type, spec, code, which=HIDDEN, seed=seed, points=float(task.points))
        return result.verdict == Verdict.ACCEPTED

    try:
        equivalent = load_equivalent(task.folder)
        mutants = make_mutants(spec["solution"])
        if not accepted(spec["solution"]):
            report.problem = f"{report.mutated_file} itself is not accepted on the hidden cases"
            return report
    except (ValueError, SyntaxError, TrustedCodeError) as exc:
        report.problem = str(exc)
        return report
    matched: set[int] = set()
    report.total = len(mutants)
    for done, mutant in enumerate(mutants, start=1):
        killed = not accepted(mutant.code)
        listed = [i for i, entry in enumerate(equivalent) if entry.matches(mutant)]
        matched.update(listed)
        if killed:
            report.killed += 1
            report.killed_but_listed += [equivalent[i] for i in listed]
        elif listed:
            report.equivalent.append(mutant)
        else:
            report.survivors.append(mutant)
        if progress:
            progress(done, len(mutants), mutant, killed)
    report.stale_entries = [entry for i, entry in enumerate(equivalent) if i not in matched]
    return report
