"""What waits for a transaction to commit, as the tests capture it."""

from partnerships import freshness


def without_freshness(callbacks):
    """The on-commit callbacks but the renewals of the data's token (partnerships/freshness.py),
    which every write adds."""
    return [callback for callback in callbacks if callback is not freshness.renew]
