from collections import Counter


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    # Plain Python, counting (true, predicted) pairs once instead of masking per class.
    if average not in {"binary", "micro", "macro", "weighted"}:
        raise ValueError("average must be binary, micro, macro or weighted")
    y_true, y_pred = list(y_true), list(y_pred)
    if not y_true or len(y_true) != len(y_pred):
        raise ValueError("need two non-empty label sequences of the same length")
    pairs = Counter(zip(y_true, y_pred))
    true_count, pred_count = Counter(y_true), Counter(y_pred)
    classes = set(true_count) | set(pred_count)

    def tp_fp_fn(c):
        tp = pairs[(c, c)]
        return tp, pred_count[c] - tp, true_count[c] - tp

    def f1(tp, fp, fn):
        denominator = 2 * tp + fp + fn
        return 2 * tp / denominator if denominator > 0 else 0.0

    if average == "binary":
        if len(classes) > 2 or (len(classes) == 2 and pos_label not in classes):
            raise ValueError("average='binary' needs two classes, one of them pos_label")
        return f1(*tp_fp_fn(pos_label))
    if average == "micro":
        tp = sum(pairs[(c, c)] for c in classes)
        wrong = len(y_true) - tp  # each wrong prediction is one FP (for its predicted class) and one FN
        return f1(tp, wrong, wrong)
    per_class = {c: f1(*tp_fp_fn(c)) for c in classes}
    if average == "macro":
        return sum(per_class.values()) / len(per_class)
    return sum(per_class[c] * true_count[c] for c in classes) / len(y_true)
