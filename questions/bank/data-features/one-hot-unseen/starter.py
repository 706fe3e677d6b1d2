def one_hot_encode(train_values, test_values):
    raise NotImplementedError
