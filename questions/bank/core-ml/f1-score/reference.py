import warnings

from sklearn.metrics import f1_score as sklearn_f1


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(sklearn_f1(y_true, y_pred, average=average, pos_label=pos_label, zero_division=0))
