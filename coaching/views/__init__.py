"""The coaching pages, one module per part: each is imported by `coaching/urls.py`."""
