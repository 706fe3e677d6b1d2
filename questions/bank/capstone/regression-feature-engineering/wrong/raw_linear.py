from sklearn.linear_model import LinearRegression


def build_model():
    return LinearRegression()
