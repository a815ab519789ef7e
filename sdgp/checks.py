from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def check_mail_and_broker(app_configs, **kwargs):
    """In production, mail should leave the machine and tasks should have a worker."""
    problems = []
    backend = settings.MAILERS["default"]["BACKEND"]
    if backend.endswith(("console.EmailBackend", "locmem.EmailBackend")):
        problems.append(
            Warning(
                "Mail is printed on the console instead of being sent.",
                hint="Set EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587.",
                id="sdgp.W001",
            )
        )
    if not settings.REDIS_URL:
        problems.append(
            Warning(
                "REDIS_URL is not set: background jobs run inside web requests.",
                hint="Set REDIS_URL and start a Celery worker.",
                id="sdgp.W002",
            )
        )
    return problems
