from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures


def build_model():
    return make_pipeline(PolynomialFeatures(degree=2), Ridge(alpha=1.0))
