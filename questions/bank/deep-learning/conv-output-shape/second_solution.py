"""Counts the kernel's positions by sliding it, instead of using the closed formula."""


def _as_pair(value):
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise ValueError("a pair needs exactly two values")
        return tuple(value)
    return (value, value)


def _positions(size, kernel, stride, pad, dilation):
    padded = size + 2 * pad
    reach = dilation * (kernel - 1)  # distance from the first to the last tap of the kernel
    count, start = 0, 0
    while start + reach < padded:
        count += 1
        start += stride
    if count == 0:
        raise ValueError("the kernel does not fit in the padded input")
    return count


def conv2d_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, dilation=1):
    if len(input_shape) != 4:
        raise ValueError("input_shape must be (N, C_in, H, W)")
    for v in input_shape:
        if v < 1:
            raise ValueError("every input dimension must be at least 1")
    if out_channels < 1:
        raise ValueError("out_channels must be at least 1")
    kh, kw = _as_pair(kernel_size)
    sh, sw = _as_pair(stride)
    dh, dw = _as_pair(dilation)
    for v in (kh, kw, sh, sw, dh, dw):
        if v < 1:
            raise ValueError("kernel_size, stride and dilation must be at least 1")
    height, width = input_shape[2], input_shape[3]
    if isinstance(padding, str):
        if padding == "valid":
            ph = pw = 0
        elif padding == "same":
            if (sh, sw) != (1, 1):
                raise ValueError("padding='same' needs stride 1")
            return [input_shape[0], out_channels, height, width]
        else:
            raise ValueError("padding must be 'valid', 'same', an integer or a pair")
    else:
        ph, pw = _as_pair(padding)
        if ph < 0 or pw < 0:
            raise ValueError("padding must be at least 0")
    return [input_shape[0], out_channels, _positions(height, kh, sh, ph, dh), _positions(width, kw, sw, pw, dw)]
