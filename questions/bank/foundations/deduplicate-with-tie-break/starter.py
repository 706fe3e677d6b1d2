import pandas as pd


def latest_records(records):
    """One row per customer_id: latest updated_at, then source priority crm > web > import, then the last row."""
    raise NotImplementedError
