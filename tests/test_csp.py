"""Content-Security-Policy: every page carries one without inline code, the templates need none,
and the deploy check refuses a policy that is missing or allows inline code."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils.csp import CSP
from django.views.defaults import server_error

from learning import charts
from learning.sdg import GOALS
from sdgp.checks import check_content_security_policy

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))


def directives(response):
    header = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_the_login_page_has_a_policy_without_inline_code(client):
    policy = directives(client.get(reverse("login")))
    for directive in ("script-src", "style-src"):
        assert "'self'" in policy[directive]
        assert "'unsafe-inline'" not in policy[directive]
        assert "'unsafe-eval'" not in policy[directive]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_pages_of_a_logged_in_person_have_the_policy(client, focal_point, partnership):
    client.force_login(focal_point)
    for url in (reverse("home"), partnership.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


# Templates under a `pdf/` folder are rendered by WeasyPrint only, never sent to a browser: they
# may place text with style attributes (a chart's labels, a timeline's bands).
SERVED = [path for path in TEMPLATES if "pdf" not in path.relative_to(ROOT).parts]


def test_pdf_only_templates_are_included_only_from_pdf_branches():
    """A `pdf/` template is never reached by a page: each include of one sits in a branch that
    only the PDF takes (`{% if drawing %}` or `{% elif pdf %}`)."""
    for path in SERVED:
        text = path.read_text()
        for match in re.finditer(r'{% include "[^"]*/pdf/[^"]*"', text):
            before = text[: match.start()]
            branch = before[before.rfind("{% ") :]
            assert "drawing" in branch or "pdf" in branch, (path, branch)


@pytest.mark.parametrize("template", SERVED, ids=lambda path: str(path.relative_to(ROOT)))
def test_templates_have_no_inline_script_or_style_attribute(template):
    text = template.read_text()
    assert not re.search(r"\sstyle\s*=", text), "use a class in static/css instead"
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", text), "use a file in static/js"
    assert not re.search(r"\son[a-z]+\s*=", text), "use an event listener in static/js"
    assert "javascript:" not in text


def test_the_strategy_chart_has_no_style_attribute():
    svg = charts.strategy_chart([("Walk with residents", 6, 8)])
    assert "style=" not in svg
    assert 'class="strategy-chart"' in svg


def test_each_sdg_goal_has_its_colour_class():
    """In tools.css, which the pages and the print view both link."""
    stylesheet = "tools.css"
    css = (ROOT / "static" / "css" / stylesheet).read_text()
    for number, goal in GOALS.items():
        rule = re.search(rf"\.sdg-goal-{number} \{{([^}}]*)\}}", css)
        assert rule, f".sdg-goal-{number} is missing from {stylesheet}"
        assert f"background-color: {goal.colour};" in rule.group(1)
        assert f"color: {goal.text_colour};" in rule.group(1)


def test_the_500_pages_style_block_is_allowed_by_its_hash():
    content = server_error(RequestFactory().get("/")).content.decode()
    block = re.search(r"<style>(.*?)</style>", content, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in settings.SECURE_CSP["style-src"]


def test_the_deploy_check_accepts_the_configured_policy():
    assert check_content_security_policy(None) == []


def test_the_deploy_check_fails_without_the_middleware(settings):
    settings.MIDDLEWARE = [
        name
        for name in settings.MIDDLEWARE
        if name != "django.middleware.csp.ContentSecurityPolicyMiddleware"
    ]
    assert [problem.id for problem in check_content_security_policy(None)] == ["sdgp.W003"]


def test_the_deploy_check_fails_without_a_policy(settings):
    settings.SECURE_CSP = {}
    assert [problem.id for problem in check_content_security_policy(None)] == ["sdgp.W003"]


def test_the_deploy_check_fails_when_scripts_are_unrestricted(settings):
    settings.SECURE_CSP = {"style-src": [CSP.SELF], "img-src": [CSP.SELF]}
    assert [problem.id for problem in check_content_security_policy(None)] == ["sdgp.W003"]


@pytest.mark.parametrize("directive", ["script-src", "style-src", "default-src"])
@pytest.mark.parametrize("source", [CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL, "*"])
def test_the_deploy_check_fails_when_the_policy_allows_inline_code(settings, directive, source):
    settings.SECURE_CSP = {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF],
        "style-src": [CSP.SELF],
    }
    settings.SECURE_CSP[directive] = [CSP.SELF, source]
    problems = check_content_security_policy(None)
    if directive == "default-src":  # script-src and style-src override it
        assert problems == []
    else:
        assert [problem.id for problem in problems] == ["sdgp.W004"]
        assert source in problems[0].msg
