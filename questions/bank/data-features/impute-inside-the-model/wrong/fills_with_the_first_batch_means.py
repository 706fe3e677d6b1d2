from sklearn.linear_model import Ridge


class FirstBatchMeanRidge:
    """Takes its fill values from the first rows it is asked to predict and keeps them: every later batch is
    filled the same way, so predicting in batches looks consistent, but the means come from the test rows."""

    def fit(self, X, y):
        self.fill_ = None
        self.model_ = Ridge(alpha=1.0).fit(X.fillna(X.mean()), y)
        return self

    def predict(self, X):
        if self.fill_ is None:
            self.fill_ = X.mean()
        return self.model_.predict(X.fillna(self.fill_))


def build_model():
    return FirstBatchMeanRidge()
