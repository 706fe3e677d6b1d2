import random


def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    """Shuffles which block comes first, not the samples: every test fold is still a consecutive run."""
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("n_splits must be between 2 and n_samples")
    sizes = [n_samples // n_splits + (1 if i < n_samples % n_splits else 0) for i in range(n_splits)]
    blocks, start = [], 0
    for size in sizes:
        blocks.append(list(range(start, start + size)))
        start += size
    if shuffle:
        random.Random(random_state).shuffle(blocks)
    return [([i for other in blocks if other is not block for i in other], block) for block in blocks]
