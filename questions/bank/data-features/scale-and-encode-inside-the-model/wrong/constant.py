from sklearn.dummy import DummyClassifier


def build_model():
    return DummyClassifier(strategy="prior")
