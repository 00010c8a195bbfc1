"""govinfo — the information division's tool for the network of direct-reporting points."""

__version__ = "0.1.0"
