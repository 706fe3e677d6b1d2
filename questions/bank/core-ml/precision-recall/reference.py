import warnings

from sklearn.metrics import precision_score, recall_score


def precision_recall(y_true, y_pred, *, pos_label=1):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return (
            float(precision_score(y_true, y_pred, pos_label=pos_label, zero_division=0)),
            float(recall_score(y_true, y_pred, pos_label=pos_label, zero_division=0)),
        )
