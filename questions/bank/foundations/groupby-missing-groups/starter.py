import pandas as pd


def sales_by_store(sales, stores):
    """One row per store of `stores`, in that order: store, n_sales, total, mean_amount."""
    raise NotImplementedError
