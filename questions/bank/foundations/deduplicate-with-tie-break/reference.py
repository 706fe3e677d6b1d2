import pandas as pd

PRIORITY = ["crm", "web", "import"]  # first is best


def latest_records(records):
    rank = records["source"].map({source: i for i, source in enumerate(PRIORITY)})
    if rank.isna().any():
        raise ValueError("unknown source")
    # The row to keep sorts last in its customer: missing dates oldest, then the best source. A sort on several
    # columns is stable (a lexsort), so full ties keep their input order and keep="last" takes the later row.
    ordered = records.assign(_rank=rank).sort_values(
        ["customer_id", "updated_at", "_rank"], ascending=[True, True, False], na_position="first")
    return ordered.drop_duplicates("customer_id", keep="last").drop(columns="_rank").reset_index(drop=True)
