import math

import pandas as pd


def sales_by_store(sales, stores):
    """Plain Python: one pass over the rows, counting and summing per listed store."""
    stores = list(stores)
    if len(set(stores)) != len(stores):
        raise ValueError("a store is listed twice")
    counts = {store: 0 for store in stores}
    totals = {store: 0.0 for store in stores}
    for store, amount in zip(sales["store"].tolist(), sales["amount"].tolist()):
        if store in counts and not (amount is None or math.isnan(amount)):
            counts[store] += 1
            totals[store] += amount
    rows = [
        {"store": s, "n_sales": counts[s], "total": totals[s],
         "mean_amount": totals[s] / counts[s] if counts[s] else float("nan")}
        for s in stores
    ]
    return pd.DataFrame(rows, columns=["store", "n_sales", "total", "mean_amount"]).astype(
        {"n_sales": "int64", "total": "float64", "mean_amount": "float64"})
