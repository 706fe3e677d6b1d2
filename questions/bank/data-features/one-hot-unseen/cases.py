def examples():
    return [
        {"category": "basic", "args": [["red", "green", "red"], ["green", "red"]]},
        {"category": "unseen", "args": [["a", "b"], ["c", "a"]]},
    ]


def hidden(rng):
    cases = [
        {"category": "unseen", "args": [["x"], ["y", "z"]]},
        {"category": "unseen", "args": [[3, 1, 2], [4, 0, 2]]},
        {"category": "basic", "args": [["b", "a", "c", "a"], ["c", "b", "a"]]},
        {"category": "basic", "args": [["only"], []]},
        {"category": "sorting", "args": [["paris", "Berlin", "amsterdam"], ["paris"]]},
        {"category": "sorting", "args": [[10, 9, 100], [100, 9]]},
        {"category": "sorting", "args": [[-1, 3, 0, 3, -1], [0, 2, -1]]},  # an unseen value between categories
        {"category": "basic", "args": [["a", "a", "a"], ["a", "a"]]},  # one category
        {"category": "unseen", "args": [["b", "a"], ["", "B", "a "]]},  # near misses are unseen too
    ]
    words = ["north", "south", "east", "west", "centre", "coast", "hills"]
    for _ in range(12):
        train = [rng.choice(words[:5]) for _ in range(rng.randint(1, 20))]
        test = [rng.choice(words) for _ in range(rng.randint(1, 20))]
        cases.append({"category": "unseen", "args": [train, test]})
    return cases
