import pandas as pd


def sales_by_store(sales, stores):
    if len(set(stores)) != len(stores):
        raise ValueError("stores must not repeat a store")
    listed = sales[sales["store"].isin(stores)]
    summary = listed.groupby("store")["amount"].agg(n_sales="count", total="sum", mean_amount="mean")
    order = [s for s in stores if s in summary.index]
    return summary.loc[order].rename_axis("store").reset_index()
