from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler


def build_model():
    return make_pipeline(StandardScaler(), PolynomialFeatures(degree=3), Ridge(alpha=1.0))
