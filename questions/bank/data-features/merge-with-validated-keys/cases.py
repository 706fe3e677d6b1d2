import pandas as pd

NAN = float("nan")


def _orders(rows):
    return pd.DataFrame({"order_id": pd.Series([r[0] for r in rows], dtype="int64"),
                         "customer_id": pd.Series([r[1] for r in rows], dtype="str"),
                         "amount": pd.Series([r[2] for r in rows], dtype="float64")})


def _customers(rows):
    return pd.DataFrame({"customer_id": pd.Series([r[0] for r in rows], dtype="str"),
                         "segment": pd.Series([r[1] for r in rows], dtype="str"),
                         "country": pd.Series([r[2] for r in rows], dtype="str")})


def examples():
    return [
        {"category": "basic", "args": [_orders([(1, "c1", 10.0), (2, "c2", 5.0), (3, "c1", 7.5)]),
                                       _customers([("c1", "retail", "FR"), ("c2", "pro", "DE")])]},
        {"category": "unmatched orders", "args": [_orders([(1, "c9", 10.0), (2, "c1", 5.0)]),
                                                  _customers([("c1", "retail", "FR")])]},
    ]


def hidden(rng):
    cases = [
        # Orders whose customer is unknown are kept, in place, with matched False.
        {"category": "unmatched orders", "args": [_orders([(5, "x", 1.0), (3, "c1", 2.0), (9, "y", 3.0)]),
                                                  _customers([("c1", "pro", "ES")])]},
        {"category": "unmatched orders", "args": [_orders([(1, "a", 1.0)]), _customers([])]},
        # A known customer without a segment is still a match.
        {"category": "missing values", "args": [_orders([(1, "c1", 1.0), (2, "c2", 2.0)]),
                                                _customers([("c1", None, "FR"), ("c2", "pro", "IT")])]},
        # Missing ids identify nobody, on either side (pandas itself would match them with each other).
        {"category": "missing keys", "args": [_orders([(1, None, 4.0), (2, "c1", 2.0)]),
                                              _customers([(None, "ghost", "XX"), ("c1", "retail", "FR")])]},
        {"category": "missing keys", "args": [_orders([(1, None, 4.0), (2, None, 1.0), (3, "c2", 2.0)]),
                                              _customers([(None, "ghost", "XX"), (None, "other", "YY"), ("c2", "pro", "DE")])]},
        # The order of the orders is kept, whatever the order of the customers.
        {"category": "order", "args": [_orders([(30, "c3", 3.0), (10, "c1", 1.0), (20, "c2", 2.0), (40, "c1", 4.0)]),
                                       _customers([("c2", "b", "DE"), ("c1", "a", "FR"), ("c3", "c", "IT")])]},
        # Many orders to one customer is fine; one customer twice is not.
        {"category": "errors", "args": [_orders([(1, "c1", 1.0), (2, "c2", 2.0)]),
                                        _customers([("c1", "a", "FR"), ("c1", "b", "DE")])]},
        {"category": "errors", "args": [_orders([(1, "c1", 1.0)]),
                                        _customers([("c1", "a", "FR"), ("c2", "b", "DE"), ("c2", "b", "DE")])]},
        {"category": "errors", "args": [_orders([(1, "c1", 1.0), (2, "c1", 2.0), (1, "c2", 3.0)]),
                                        _customers([("c1", "a", "FR"), ("c2", "b", "DE")])]},
        {"category": "edge cases", "args": [_orders([]), _customers([("c1", "a", "FR")])]},
    ]
    for _ in range(12):
        ids = [f"c{i}" for i in range(rng.randint(1, 15))]
        known = rng.sample(ids, rng.randint(1, len(ids)))
        customers = [(cid, rng.choice(["retail", "pro", "public", None]), rng.choice(["FR", "DE", "IT", "ES"]))
                     for cid in known]
        customers += [(None, "ghost", "XX")] * rng.randint(0, 2)
        rng.shuffle(customers)
        order_ids = rng.sample(range(1, 1000), rng.randint(0, 40))
        orders = [(oid, None if rng.random() < 0.1 else rng.choice(ids + ["unknown"]), round(rng.uniform(1, 500), 2))
                  for oid in order_ids]
        cases.append({"category": "random", "args": [_orders(orders), _customers(customers)]})
    return cases
