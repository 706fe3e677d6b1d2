"""Cases for conv-output-shape: visible examples, and hidden fixed edge cases plus seeded random ones."""


def _case(category, input_shape, out_channels, kernel_size, **kwargs):
    return {"category": category, "args": [input_shape, out_channels, kernel_size], "kwargs": kwargs}


def examples():
    return [
        _case("basic", [1, 3, 32, 32], 16, 3),
        _case("stride and padding", [8, 3, 28, 28], 32, 5, stride=2, padding=2),
        _case("invalid arguments", [1, 3, 4, 4], 8, 5),
    ]


def hidden(rng):
    cases = [
        _case("basic", [2, 3, 32, 32], 16, 3, padding=1),
        _case("basic", [4, 1, 10, 7], 1, 1),
        _case("basic", [1, 1, 1, 1], 5, 1),
        _case("stride and padding", [1, 3, 8, 8], 4, 3, stride=2),  # 2.5 rounds down
        _case("stride and padding", [1, 3, 31, 32], 4, 3, stride=2, padding=1),
        _case("stride and padding", [1, 3, 7, 9], 2, 2, stride=3, padding=1),
        _case("stride and padding", [1, 3, 5, 5], 2, 1, stride=10),  # stride larger than the input
        _case("dilation", [1, 1, 10, 10], 1, 3, dilation=2),
        _case("dilation", [1, 1, 12, 11], 2, 3, dilation=3, padding=1),
        _case("dilation", [1, 1, 30, 30], 2, 4, stride=3, padding=2, dilation=2),
        _case("per-axis pairs", [2, 3, 20, 9], 6, [3, 5], stride=[1, 2], padding=[0, 2], dilation=[2, 1]),
        _case("per-axis pairs", [1, 3, 16, 16], 6, (1, 3), stride=(2, 1), padding=(1, 0)),
        _case("per-axis pairs", [1, 3, 9, 20], 6, 3, padding=[2, 0], dilation=[1, 3]),
        _case("'same' and 'valid'", [1, 3, 17, 12], 8, 4, padding="same", dilation=2),
        _case("'same' and 'valid'", [1, 3, 6, 6], 8, 3, padding="same"),
        _case("'same' and 'valid'", [1, 3, 2, 2], 8, 7, padding="same"),  # kernel larger than the input
        _case("'same' and 'valid'", [1, 3, 6, 9], 8, [3, 4], padding="valid", stride=2),
        _case("'same' and 'valid'", [1, 3, 6, 6], 8, 2, padding="same", stride=[1, 1], dilation=[3, 1]),
        _case("kernel fills the input", [1, 1, 5, 5], 3, 5),
        _case("kernel fills the input", [1, 1, 3, 3], 3, 5, padding=1),
        _case("kernel fills the input", [1, 1, 7, 7], 3, 4, dilation=2, stride=5),
        _case("kernel fills the input", [1, 1, 4, 8], 3, [1, 9], padding=[0, 0]),  # too wide only
        _case("kernel fills the input", [1, 1, 4, 4], 3, 5),
        _case("kernel fills the input", [1, 1, 3, 3], 3, 6, padding=1),
        _case("kernel fills the input", [1, 1, 6, 6], 3, 4, dilation=2),
        _case("kernel fills the input", [1, 1, 8, 4], 3, 2, dilation=[1, 4]),  # too tall only after dilation
        _case("invalid arguments", [1, 3, 8, 8], 0, 3),
        _case("invalid arguments", [1, 3, 8, 8], 4, 0),
        _case("invalid arguments", [1, 3, 8, 8], 4, [3, 0]),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, stride=0),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, stride=[1, 0]),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, dilation=0),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, dilation=[0, 1]),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, padding=-1),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, padding=[0, -1]),
        _case("invalid arguments", [1, 3, 8, 8], 4, [3, 3, 3]),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, stride=[1]),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, padding=[1, 1, 1]),
        _case("invalid arguments", [3, 8, 8], 4, 3),
        _case("invalid arguments", [1, 3, 0, 8], 4, 1),
        _case("invalid arguments", [0, 3, 8, 8], 4, 1),
        _case("invalid arguments", [1, 0, 8, 8], 4, 1),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, padding="same", stride=2),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, padding="same", stride=[1, 2]),
        _case("invalid arguments", [1, 3, 8, 8], 4, 3, padding="full"),
    ]
    for _ in range(25):
        def value(low, high):
            return [rng.randint(low, high), rng.randint(low, high)] if rng.random() < 0.3 else rng.randint(low, high)
        kwargs = {"stride": value(1, 4), "dilation": value(1, 3)}
        roll = rng.random()
        kwargs["padding"] = "valid" if roll < 0.1 else value(0, 3)
        if roll > 0.9:
            kwargs.update(padding="same", stride=1)
        shape = [rng.randint(1, 16), rng.randint(1, 64), rng.randint(1, 64), rng.randint(1, 64)]
        cases.append(_case("random", shape, rng.randint(1, 256), value(1, 7), **kwargs))
    return cases
