# Not from scratch: the sandbox of this task cannot see scikit-learn, so this is rejected.
from sklearn.metrics import f1_score as _f1


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return _f1(y_true, y_pred, average=average, pos_label=pos_label, zero_division=0)
