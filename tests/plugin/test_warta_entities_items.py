"""An article's line in the entity lists is rendered once, however often shown."""

from warta_entities.pages import RenderedOnce


def test_each_key_is_rendered_once_and_kept():
    calls = []

    def render(key):
        calls.append(key)
        return f"<{key}>"

    rendered = RenderedOnce(render)
    assert rendered["a"] == "<a>"
    assert rendered["a"] == "<a>"
    assert rendered["b"] == "<b>"
    assert calls == ["a", "b"]
    assert dict(rendered) == {"a": "<a>", "b": "<b>"}
