"""Ligetil: Danish citizen guides as accessible HTML and PDF in every language."""

__version__ = "0.1.0"
