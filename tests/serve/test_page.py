"""What the dev server adds to a served page: one script allowed by its hash, and the error page."""

from __future__ import annotations

from pipeline.serve.page import SCRIPT_SOURCE, allow_script, error_page, with_reload

BUILT = ('<!DOCTYPE html>\n<html><head>\n<meta http-equiv="Content-Security-Policy" content="script-src '
         "'none'; object-src 'none'\">\n</head>\n<body><p>Hej</p></body>\n</html>\n")


def test_the_policy_allows_the_reload_script_instead_of_none_and_keeps_the_rest():
    assert allow_script("script-src 'none'; object-src 'none'") == f"script-src {SCRIPT_SOURCE}; object-src 'none'"


def test_a_page_script_allowed_already_stays_allowed_beside_ours():
    assert allow_script("script-src 'self'") == f"script-src 'self' {SCRIPT_SOURCE}"
    assert allow_script("default-src 'self'") == f"default-src 'self'; script-src 'self' {SCRIPT_SOURCE}"


def test_a_policy_without_a_rule_on_scripts_is_left_alone():
    assert allow_script("object-src 'none'") == "object-src 'none'"


def test_the_script_goes_at_the_end_of_the_body_with_the_version():
    page = with_reload(BUILT.encode(), 7).decode()
    assert page.index('<script data-version="7">') > page.index("<p>Hej</p>")
    assert page.index("</script>") < page.index("</body>")
    assert f"script-src {SCRIPT_SOURCE}; object-src 'none'" in page


def test_the_error_page_escapes_the_message():
    page = error_page("content/x.md:3: <b>fed</b> & \"citat\"", 2).decode()
    assert "content/x.md:3: &lt;b&gt;fed&lt;/b&gt; &amp; &quot;citat&quot;" in page
    assert "<b>" not in page
