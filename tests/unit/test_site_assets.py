"""reassurance.sphinxext.site: each page links the stylesheets it needs."""

from __future__ import annotations

from types import SimpleNamespace

from reassurance.sphinxext.site import arrange_assets


def asset(filename: str, priority: int = 500, **attributes: str) -> SimpleNamespace:
    """What arrange_assets reads of Sphinx's stylesheet and script entries."""
    return SimpleNamespace(filename=filename, priority=priority, attributes=attributes)


class Page:
    """A page's context, and an app whose add_css_file and add_js_file add
    to this page only, as Sphinx's do during html-page-context."""

    def __init__(self, body: str) -> None:
        self.context = {
            "body": body,
            "css_files": [asset("_static/pygments.css", 200), asset("_static/reassurance.css")],
            "script_files": [asset("_static/documentation_options.js", 200), asset("_static/reassurance.js")],
            "metatags": '<meta name="viewport" content="width=device-width, initial-scale=1" />\n<meta name="x" />',
        }

    def add_css_file(self, filename: str, priority: int = 500, **attributes: str) -> None:
        self.context["css_files"].append(asset(f"_static/{filename}", priority, **attributes))

    def add_js_file(self, filename: str, priority: int = 500, loading_method: str | None = None, **attributes: str) -> None:
        if loading_method:
            attributes[loading_method] = loading_method
        self.context["script_files"].append(asset(f"_static/{filename}", priority, **attributes))

    def arranged(self) -> dict:
        arrange_assets(self, self.context)
        for key in ("css_files", "script_files"):  # Sphinx sorts after the event
            self.context[key] = sorted(self.context[key], key=lambda a: a.priority)
        return self.context


def test_pages_without_code_leave_out_the_highlighting_stylesheet_and_the_theme_comes_first():
    prose, code = Page("<p>Text</p>").arranged(), Page('<div class="highlight"><pre>x</pre></div>').arranged()
    names = [css.filename for css in prose["css_files"]]
    assert names == ["_static/basic.css", "_static/styles/pydata-sphinx-theme.css", "_static/reassurance.css"]
    assert "_static/pygments.css" in [css.filename for css in code["css_files"]]
    assert "viewport" not in prose["metatags"] and '<meta name="x" />' in prose["metatags"]
    deferred = {js.filename: "defer" in js.attributes for js in prose["script_files"]}
    assert deferred == {"_static/documentation_options.js": False, "_static/reassurance.js": True,
                        "_static/scripts/pydata-sphinx-theme.js": True}
    assert prose["script_files"][-1].filename == "_static/scripts/pydata-sphinx-theme.js"
