import pandas as pd


def sales_by_store(sales, stores):
    if len(set(stores)) != len(stores):
        raise ValueError("stores must not repeat a store")
    groups = sales.groupby("store")
    summary = pd.DataFrame({"n_sales": groups.size().reindex(stores, fill_value=0),
                            "total": groups["amount"].sum().reindex(stores, fill_value=0.0)})
    summary["mean_amount"] = summary["total"] / summary["n_sales"]
    return summary.rename_axis("store").reset_index()
