import pandas as pd


def attach_customers(orders, customers):
    if orders["order_id"].duplicated().any():
        raise ValueError("order_id repeats")
    known = customers.dropna(subset=["customer_id"])
    merged = orders.merge(known, on="customer_id", validate="many_to_one")  # inner: unknown customers vanish
    merged["matched"] = True
    return merged
