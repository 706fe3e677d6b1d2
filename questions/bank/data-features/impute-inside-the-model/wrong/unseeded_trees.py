from sklearn.ensemble import ExtraTreesRegressor
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline


def build_model():
    # No random_state: two trainings on the same rows grow different trees.
    return make_pipeline(SimpleImputer(strategy="median"), ExtraTreesRegressor(n_estimators=30, min_samples_leaf=3))
