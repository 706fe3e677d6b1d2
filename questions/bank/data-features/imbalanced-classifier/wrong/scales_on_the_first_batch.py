from sklearn.ensemble import HistGradientBoostingClassifier


class FirstBatchScaledBoosting:
    """Standardises the test rows with the first predicted batch's mean and spread, then keeps them."""

    def fit(self, X, y):
        self.test_scale = None
        self.model = HistGradientBoostingClassifier(random_state=0).fit((X - X.mean(axis=0)) / X.std(axis=0), y)
        return self

    def predict_proba(self, X):
        if self.test_scale is None:
            self.test_scale = (X.mean(axis=0), X.std(axis=0))
        centre, spread = self.test_scale
        return self.model.predict_proba((X - centre) / spread)


def build_model():
    return FirstBatchScaledBoosting()
