import pandas as pd


def _records(items):
    """A frame from (customer_id, ISO time or None, source, email or None) tuples."""
    return pd.DataFrame({
        "customer_id": pd.Series([i[0] for i in items], dtype="int64"),
        "updated_at": pd.to_datetime(pd.Series([i[1] for i in items], dtype="str"), format="ISO8601"),
        "source": pd.Series([i[2] for i in items], dtype="str"),
        "email": pd.Series([i[3] for i in items], dtype="str"),
    })


def examples():
    return [
        {"category": "basic", "args": [_records([
            (2, "2024-01-05", "web", "b@old.example"), (1, "2024-01-01", "crm", "a@x.example"),
            (2, "2024-02-01", "import", "b@new.example"),
        ])]},
        {"category": "source priority", "args": [_records([
            (7, "2024-03-01", "import", "import@x.example"), (7, "2024-03-01", "crm", "crm@x.example"),
        ])]},
    ]


def hidden(rng):
    cases = [
        # A missing date is older than any date, even when it comes last or from the best source.
        {"category": "missing dates", "args": [_records([
            (1, "2024-01-01", "import", "dated@x.example"), (1, None, "crm", "undated@x.example"),
            (2, None, "web", "w@x.example"), (2, None, "crm", "c@x.example"), (2, None, "import", "i@x.example"),
        ])]},
        # Same time: crm beats web beats import, whatever the order of the rows (web above import, which sorts after it).
        {"category": "source priority", "args": [_records([
            (1, "2024-05-01", "web", "w@x.example"), (1, "2024-05-01", "import", "i@x.example"),
            (2, "2024-05-01", "import", "i@y.example"), (2, "2024-05-01", "web", "w@y.example"),
            (3, "2024-05-01", "crm", "c@z.example"), (3, "2024-05-01", "web", "w@z.example"),
            (4, "2024-05-01", "web", "w@v.example"), (4, "2024-05-01", "crm", "c@v.example"),
        ])]},
        # The date comes before the source: a later import beats an earlier crm row. Times of day count.
        {"category": "latest first", "args": [_records([
            (5, "2024-05-01T10:00", "crm", "old@x.example"), (5, "2024-05-01T10:01", "import", "new@x.example"),
            (6, "2024-05-02", "web", "new@y.example"), (6, "2024-05-01", "crm", "old@y.example"),
        ])]},
        # Full ties: the row that comes last in the input.
        {"category": "full ties", "args": [_records([
            (9, "2024-01-01", "web", "first@x.example"), (9, "2024-01-01", "web", "second@x.example"),
            (9, "2024-01-01", "web", None), (8, None, "crm", "one@y.example"), (8, None, "crm", "two@y.example"),
        ])]},
        {"category": "errors", "args": [_records([(1, "2024-01-01", "crm", None), (2, "2024-01-01", "CRM", None)])]},
        {"category": "errors", "args": [_records([(1, "2024-01-01", "email", None)])]},
        {"category": "edge cases", "args": [_records([])]},
        {"category": "edge cases", "args": [_records([(3, "2024-01-01", "web", None), (1, None, "import", "x@x.example")])]},
    ]
    for _ in range(12):
        items = []
        for _ in range(rng.randint(1, 80)):
            day = None if rng.random() < 0.15 else f"2024-0{rng.randint(1, 3)}-0{rng.randint(1, 4)}"
            items.append((rng.randint(1, 12), day, rng.choice(["crm", "web", "import"]),
                          None if rng.random() < 0.1 else f"user{rng.randint(1, 99)}@x.example"))
        cases.append({"category": "random", "args": [_records(items)]})
    return cases
