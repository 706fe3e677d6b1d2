def _pair(value, minimum):
    pair = value if isinstance(value, (list, tuple)) else [value, value]
    if len(pair) != 2 or min(pair) < minimum:
        raise ValueError(f"expected an integer >= {minimum} or a pair of them, got {value!r}")
    return pair


def conv2d_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, dilation=1):
    if len(input_shape) != 4 or min(input_shape) < 1 or out_channels < 1:
        raise ValueError("input_shape needs four values >= 1 and out_channels must be >= 1")
    kernel, strides, dilations = _pair(kernel_size, 1), _pair(stride, 1), _pair(dilation, 1)
    same = padding == "same"
    if same and max(strides) > 1:
        raise ValueError("padding='same' is only allowed with stride 1")
    if isinstance(padding, str) and padding not in ("same", "valid"):
        raise ValueError(f"unknown padding {padding!r}")
    pads = [0, 0] if isinstance(padding, str) else _pair(padding, 0)
    out = []
    for size, k, s, p, d in zip(input_shape[2:], kernel, strides, pads, dilations):
        span = d * (k - 1) + 1
        if same:
            out.append(size)  # 'same' pads span - 1 in total, so the kernel always fits
        elif span > size + p:
            raise ValueError("the dilated kernel does not fit in the padded input")
        else:
            out.append((size + p - span) // s + 1)
    return [input_shape[0], out_channels, out[0], out[1]]
