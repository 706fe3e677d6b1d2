import pandas as pd


def attach_customers(orders, customers):
    if orders["order_id"].duplicated().any():
        raise ValueError("order_id repeats")
    known = customers.dropna(subset=["customer_id"])
    merged = orders.merge(known, on="customer_id", how="left", validate="many_to_one", indicator="matched", sort=True)
    merged["matched"] = merged["matched"] == "both"
    return merged
