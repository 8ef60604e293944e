"""telereader: an offline reader for the daily Cailian Press (财联社) telegraph digests."""

__version__ = "0.1.0"
APP_NAME = "telereader"
