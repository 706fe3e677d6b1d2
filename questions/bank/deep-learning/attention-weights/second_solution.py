"""Plain Python, one query at a time (NumPy only to read array inputs)."""
import math


def _rows(matrix):
    try:
        rows = [[float(x) for x in row] for row in matrix]
    except TypeError:  # a row that is a number (1-D input) or a number that is a list (3-D input)
        raise ValueError("expected a 2-D matrix") from None
    if not rows or not rows[0] or any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("expected a non-empty 2-D matrix")
    return rows


def attention(Q, K, V, mask=None):
    Q, K, V = _rows(Q), _rows(K), _rows(V)
    d_k = len(Q[0])
    if len(K[0]) != d_k or len(K) != len(V):
        raise ValueError("shapes do not fit together")
    if mask is not None:
        mask = [[bool(m) for m in row] for row in mask]
        if len(mask) != len(Q) or any(len(row) != len(K) for row in mask):
            raise ValueError("the mask must be n_q x n_k")
    scale = math.sqrt(d_k)
    weights, output = [], []
    for i, q in enumerate(Q):
        allowed = [j for j in range(len(K)) if mask is None or mask[i][j]]
        if not allowed:
            raise ValueError("a query may attend to no key")
        scores = {j: sum(a * b for a, b in zip(q, K[j])) / scale for j in allowed}
        top = max(scores.values())
        exps = {j: math.exp(s - top) for j, s in scores.items()}
        total = sum(exps.values())
        row = [exps.get(j, 0.0) / total for j in range(len(K))]
        weights.append(row)
        output.append([sum(row[j] * V[j][c] for j in range(len(K))) for c in range(len(V[0]))])
    return {"weights": weights, "output": output}
