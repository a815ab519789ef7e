"""`make bench`: what users get, measured on a production-like server (see docs/benchmarks.md)."""
