def one_hot_encode(train_values, test_values):
    # Wrong: the rows hold True/False (a boolean comparison never converted to int).
    categories = sorted(set(train_values))
    rows = [[value == category for category in categories] for value in test_values]
    return categories, rows
