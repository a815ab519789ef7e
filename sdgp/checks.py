from django.conf import settings
from django.core.checks import Warning, register
from django.utils.csp import CSP


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


CSP_MIDDLEWARE = "django.middleware.csp.ContentSecurityPolicyMiddleware"
UNSAFE_SOURCES = {
    CSP.UNSAFE_INLINE,
    CSP.UNSAFE_EVAL,
    CSP.UNSAFE_HASHES,
    "*",
    "data:",
    "http:",
    "https:",
}


@register(deploy=True)
def check_content_security_policy(app_configs, **kwargs):
    """Pages carry a Content-Security-Policy that keeps scripts and styles to our own files."""
    policy = settings.SECURE_CSP or {}
    if CSP_MIDDLEWARE not in settings.MIDDLEWARE or not policy:
        return [
            Warning(
                "No Content-Security-Policy header is sent.",
                hint=f"Add {CSP_MIDDLEWARE} to MIDDLEWARE and set SECURE_CSP.",
                id="sdgp.W003",
            )
        ]
    problems = []
    for directive in ("script-src", "style-src"):
        values = policy.get(directive, policy.get("default-src"))
        if not values:
            problems.append(
                Warning(
                    f"The Content-Security-Policy does not restrict {directive}.",
                    hint=f"Set {directive} (or default-src) to CSP.SELF in SECURE_CSP.",
                    id="sdgp.W003",
                )
            )
            continue
        values = {values} if isinstance(values, str) else set(values)
        if unsafe := values & UNSAFE_SOURCES:
            problems.append(
                Warning(
                    f"The Content-Security-Policy allows {', '.join(sorted(unsafe))} in "
                    f"{directive}.",
                    hint="Move inline scripts and style attributes into static files.",
                    id="sdgp.W004",
                )
            )
    return problems
