import pandas as pd


def sales_by_store(sales, stores):
    if len(set(stores)) != len(stores):
        raise ValueError("stores must not repeat a store")
    amounts = sales.groupby("store")["amount"]
    summary = pd.DataFrame({"n_sales": amounts.count().reindex(stores, fill_value=0),
                            "total": amounts.sum().reindex(stores, fill_value=0.0)})
    summary["mean_amount"] = summary["total"] / summary["n_sales"]
    return summary.sort_index().rename_axis("store").reset_index()
