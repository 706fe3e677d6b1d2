import pandas as pd


def attach_customers(orders, customers):
    if orders["order_id"].duplicated().any():
        raise ValueError("order_id repeats")
    known = customers.dropna(subset=["customer_id"])  # pandas would match a missing id with a missing id
    # many_to_one raises MergeError (a ValueError) on a repeated customer_id instead of repeating orders.
    merged = orders.merge(known, on="customer_id", how="left", validate="many_to_one", indicator="matched")
    merged["matched"] = merged["matched"] == "both"
    return merged
