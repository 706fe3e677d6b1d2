from sklearn.ensemble import HistGradientBoostingClassifier


def build_model():
    return HistGradientBoostingClassifier(random_state=0)
