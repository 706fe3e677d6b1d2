from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["income", "age", "tenure_days", "tickets"]
CATEGORIES = ["plan", "region"]


def build_model():
    # Everything learned from data (means, scales, the categories) is learned in fit(), from training rows.
    features = ColumnTransformer([
        ("numeric", StandardScaler(), NUMERIC),
        ("categories", OneHotEncoder(handle_unknown="ignore"), CATEGORIES),
    ])
    return make_pipeline(features, LogisticRegression(max_iter=1000))
