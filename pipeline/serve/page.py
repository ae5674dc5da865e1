"""What the dev server adds to the pages it serves: the reload script, and the error page.

Nothing here is ever written into output/: the built pages keep their strict policy,
``script-src 'none'``. A served page's policy allows exactly one more script, ours, by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

VERSION_PATH = "/__ligetil/version"

# Polls the version the server reports and reloads the page when it is no longer the one the page
# was served with; silent while the server is stopped.
RELOAD_SCRIPT = """(function () {
  var served = document.currentScript.dataset.version;
  setInterval(function () {
    fetch("%s", {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (version) { if (version !== served) { location.reload(); } })
      .catch(function () {});
  }, 1000);
})();""" % VERSION_PATH

SCRIPT_SOURCE = "'sha256-%s'" % base64.b64encode(hashlib.sha256(RELOAD_SCRIPT.encode()).digest()).decode()

_CSP_META = re.compile(r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")', re.IGNORECASE)
_BODY_END = re.compile(r"</body\s*>(?![\s\S]*</body\s*>)", re.IGNORECASE)

ERROR_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build failed — ligetil serve</title>
<style>
body {{ font: 1.1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; }}
pre {{ background: #fdecea; border-left: .4rem solid #b3261e; padding: 1rem; white-space: pre-wrap; }}
</style>
</head>
<body>
<main>
<h1>The build failed</h1>
<pre class="ligetil-build-error">{message}</pre>
<p>Fix it and save: this page shows the site again after the next build that succeeds.</p>
</main>
</body>
</html>
"""


def allow_script(policy: str, source: str = SCRIPT_SOURCE) -> str:
    """Return a Content-Security-Policy that also allows one script ``source`` (and no other)."""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    names = [part.split()[0].lower() for part in directives]
    fallback = "script-src" if "script-src" in names else "default-src" if "default-src" in names else None
    if fallback is None:
        return policy  # no rule on scripts: ours runs already
    sources = [s for s in directives[names.index(fallback)].split()[1:] if s != "'none'"]
    allowed = " ".join(["script-src", *sources, source])
    if fallback == "script-src":
        directives[names.index("script-src")] = allowed
    else:
        directives.append(allowed)
    return "; ".join(directives)


def with_reload(page: bytes, version: int) -> bytes:
    """Return a served page with the reload script at the end of its body, allowed by its policy."""
    text = page.decode("utf-8", errors="surrogateescape")
    # A policy's sources hold no '"' or '&', so the attribute's text is the policy itself.
    text = _CSP_META.sub(lambda m: m.group(1) + allow_script(m.group(2)) + m.group(3), text, count=1)
    script = f'<script data-version="{version}">{RELOAD_SCRIPT}</script>\n'
    text, found = _BODY_END.subn(lambda m: script + m.group(0), text, count=1)
    if not found:
        text += script
    return text.encode("utf-8", errors="surrogateescape")


def error_page(message: str, version: int) -> bytes:
    """Return the page shown for every HTML request while the build is broken."""
    return with_reload(ERROR_PAGE.format(message=html.escape(message)).encode("utf-8"), version)
