"""Trusted oracle: PyTorch's Conv2d shape rule, written out (PyTorch is not installed on the grader)."""


def _pair(value, name, minimum):
    pair = list(value) if isinstance(value, (list, tuple)) else [value, value]
    if len(pair) != 2 or any(v < minimum for v in pair):
        raise ValueError(f"{name} must be an integer >= {minimum} or a pair of them, got {value!r}")
    return pair


def conv2d_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, dilation=1):
    if len(input_shape) != 4 or any(v < 1 for v in input_shape):
        raise ValueError(f"input_shape must be four integers >= 1, got {input_shape!r}")
    if out_channels < 1:
        raise ValueError("out_channels must be at least 1")
    n, _, height, width = input_shape
    kernel = _pair(kernel_size, "kernel_size", 1)
    strides = _pair(stride, "stride", 1)
    dilations = _pair(dilation, "dilation", 1)
    if padding == "valid":
        pads = [0, 0]
    elif padding == "same":
        if strides != [1, 1]:
            raise ValueError("padding='same' needs stride 1")
        pads = None
    elif isinstance(padding, str):
        raise ValueError(f"unknown padding {padding!r}")
    else:
        pads = _pair(padding, "padding", 0)
    out = []
    for i, size in enumerate((height, width)):
        span = dilations[i] * (kernel[i] - 1) + 1
        if pads is None:
            # 'same' pads span - 1 in total (split unevenly when it is odd), so the size is kept.
            padded, out_size = size + span - 1, size
        else:
            padded = size + 2 * pads[i]
            out_size = (padded - span) // strides[i] + 1
        if span > padded:
            raise ValueError("the dilated kernel is larger than the padded input")
        out.append(out_size)
    return [n, out_channels, out[0], out[1]]
