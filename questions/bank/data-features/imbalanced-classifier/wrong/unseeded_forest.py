from sklearn.ensemble import RandomForestClassifier


def build_model():
    # No random_state: each training draws other bootstrap samples, so results cannot be reproduced.
    return RandomForestClassifier(n_estimators=30, min_samples_leaf=3)
