from sklearn.metrics import confusion_matrix as sklearn_confusion_matrix


def confusion_matrix(y_true, y_pred, *, labels=None):
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred differ in length")
    return sklearn_confusion_matrix(y_true, y_pred, labels=labels).tolist()
