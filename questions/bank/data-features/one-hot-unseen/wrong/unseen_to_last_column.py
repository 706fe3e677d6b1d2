def one_hot_encode(train_values, test_values):
    categories = sorted(set(train_values))
    index = {value: i for i, value in enumerate(categories)}
    rows = []
    for value in test_values:
        row = [0] * len(categories)
        row[index.get(value, len(categories) - 1)] = 1
        rows.append(row)
    return categories, rows
