"""The Redis cache (`sdgp.cache`) shares one client per connection pool, between threads too.
It needs Redis (REDIS_URL), as in CI."""

import threading

import pytest
from django.conf import settings

from sdgp.cache import RedisCache
from tests.reports.test_worker import unavailable


@pytest.fixture
def redis_cache():
    import redis

    url = settings.CELERY_BROKER_URL  # this test process's own Redis database
    if not url.startswith("redis://"):
        unavailable("needs Redis: REDIS_URL is not set")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.exceptions.RedisError as error:
        unavailable(f"needs Redis at {url}: {error}")
    cache = RedisCache(url, {"KEY_PREFIX": "test-cache"})
    yield cache
    cache.clear()


def test_one_client_serves_every_operation(redis_cache):
    client = redis_cache._cache.get_client()
    redis_cache.set("answer", {"kept": [1, 2]}, 30)
    assert redis_cache.get("answer") == {"kept": [1, 2]}
    assert redis_cache._cache.get_client(write=True) is client
    assert redis_cache._cache.get_client("answer") is client


def test_threads_share_the_client_safely(redis_cache):
    failures = []

    def work(number):
        for round_ in range(50):
            key = f"thread-{number}-{round_}"
            redis_cache.set(key, (number, round_), 30)
            if redis_cache.get(key) != (number, round_):
                failures.append(key)

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert redis_cache.get_many([f"thread-{n}-49" for n in range(8)]) == {
        f"thread-{n}-49": (n, 49) for n in range(8)
    }
