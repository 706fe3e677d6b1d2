def conv2d_output_shape(input_shape, out_channels, kernel_size, stride=1, padding=0, dilation=1):
    """Return [N, out_channels, H_out, W_out] for nn.Conv2d with these settings."""
    raise NotImplementedError
