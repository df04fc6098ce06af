"""The version, in one place: the package, the wheel's metadata and the SARIF report read it here."""
__version__ = "0.1.0"
