"""reassurance.sphinx_site: each page links the stylesheets it needs."""

from __future__ import annotations

from reassurance.sphinx_site import arrange_assets


def test_pages_without_code_leave_out_the_highlighting_stylesheet_and_the_theme_comes_first():
    from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

    def context(body):
        return {
            "body": body,
            "css_files": [_CascadingStyleSheet("_static/pygments.css", priority=200),
                          _CascadingStyleSheet("_static/reassurance.css")],
            "script_files": [_JavaScript("_static/documentation_options.js"), _JavaScript("_static/reassurance.js")],
            "metatags": '<meta name="viewport" content="width=device-width, initial-scale=1" />\n<meta name="x" />',
        }

    prose, code = context("<p>Text</p>"), context('<div class="highlight"><pre>x</pre></div>')
    arrange_assets(prose)
    arrange_assets(code)
    names = [str(css.filename) for css in prose["css_files"]]
    assert names == ["_static/basic.css", "_static/styles/pydata-sphinx-theme.css", "_static/reassurance.css"]
    assert "_static/pygments.css" in [str(css.filename) for css in code["css_files"]]
    assert "viewport" not in prose["metatags"] and '<meta name="x" />' in prose["metatags"]
    deferred = {str(js.filename): "defer" in js.attributes for js in prose["script_files"]}
    assert deferred == {"_static/documentation_options.js": False, "_static/reassurance.js": True}
