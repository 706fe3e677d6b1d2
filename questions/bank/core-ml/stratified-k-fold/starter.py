def stratified_k_fold(y, n_splits=5):
    raise NotImplementedError
