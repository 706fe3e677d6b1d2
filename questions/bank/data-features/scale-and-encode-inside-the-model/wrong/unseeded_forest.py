from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder


def build_model():
    features = ColumnTransformer([("categories", OneHotEncoder(handle_unknown="ignore"), ["plan", "region"])],
                                 remainder="passthrough")
    # No random_state: every training run draws other bootstrap samples and splits.
    return make_pipeline(features, RandomForestClassifier(n_estimators=30, min_samples_leaf=5))
