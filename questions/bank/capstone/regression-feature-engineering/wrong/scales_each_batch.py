from sklearn.linear_model import Ridge
from sklearn.preprocessing import PolynomialFeatures


class ScalesEachBatch:
    """Standardises the rows it is given with their own mean and spread, when fitting and when predicting:
    on the full test split that looks harmless, but a row's prediction depends on the rows predicted with it."""

    def fit(self, X, y):
        self.poly = PolynomialFeatures(degree=5)
        self.model = Ridge(alpha=1.0).fit(self.poly.fit_transform((X - X.mean(axis=0)) / X.std(axis=0)), y)
        return self

    def predict(self, X):
        return self.model.predict(self.poly.transform((X - X.mean(axis=0)) / X.std(axis=0)))


def build_model():
    return ScalesEachBatch()
