import pandas as pd


def time_split(rows, cutoff):
    """(train, test): train holds rows labelled before the cutoff, test rows observed from the cutoff on."""
    raise NotImplementedError
