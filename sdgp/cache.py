"""Django's Redis cache with one Redis client per connection pool.

Django's `RedisCacheClient` makes a new `redis.Redis` for every operation, and redis-py fills
each new client's table of some 170 response callbacks: on a kept page (`{% kept %}`), which
asks the cache for the data's token, the reader's access and the page, that took longer than
the operations themselves. A client only holds its pool, and is safe to share between threads.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
