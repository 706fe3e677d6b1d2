from sklearn.dummy import DummyRegressor


def build_model():
    return DummyRegressor(strategy="mean")
