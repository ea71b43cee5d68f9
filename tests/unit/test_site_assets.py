"""reassurance.sphinxext.site: the theme's script loses its progress messages but
keeps its errors, and each page links the stylesheets it needs."""

from __future__ import annotations

from reassurance.sphinxext.site import arrange_assets, quiet_theme_script


def test_the_theme_script_keeps_its_errors_but_not_its_progress_messages(tmp_path):
    script = tmp_path / "pydata-sphinx-theme.js"
    script.write_text(
        'function s(e,n){console.log(`[PST]: Changed to ${e} mode using the ${n} theme.`),m.onchange=h}'
        'try{x()}catch(e){console.log("[PST] Error setting up collapse sidebar button"),console.error(e)}'
        'else e.scrollTop=t,console.log("[PST]: Scrolled sidebar using stored browser position...");'
        'console.error(`Got invalid theme mode: ${e}. Resetting to auto.`)\n'
        "//# sourceMappingURL=pydata-sphinx-theme.js.map",
        encoding="utf-8",
    )
    quiet_theme_script(script)
    text = script.read_text(encoding="utf-8")
    assert "[PST]" not in text
    assert "console.log" not in text
    assert text.count("console.error") == 2
    assert "void 0,m.onchange=h" in text
    assert "sourceMappingURL" not in text
    quiet_theme_script(script)
    assert script.read_text(encoding="utf-8") == text, "a second build changes nothing"


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
