import pandas as pd


def sales_by_store(sales, stores):
    if len(set(stores)) != len(stores):
        raise ValueError("stores must not repeat a store")
    amounts = sales.groupby("store")["amount"]
    summary = pd.DataFrame({"n_sales": amounts.count(), "total": amounts.sum()}).reindex(stores)
    summary = summary.fillna({"n_sales": 0, "total": 0.0})  # the counts stay floats after the reindex
    summary["mean_amount"] = summary["total"] / summary["n_sales"]
    return summary.rename_axis("store").reset_index()
