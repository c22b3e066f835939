"""Only content is indexed: StreamField block labels, type names and choice labels never reach
the search index or the result excerpts (issue 15). Runs on SQLite and PostgreSQL."""

import pytest
from django.utils import translation
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index

pytestmark = pytest.mark.django_db


def choice_blocks(block):
    """Every ChoiceBlock inside a block definition."""
    if isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock)):
        yield block
    children = getattr(block, "child_blocks", None) or {}
    for child in children.values():
        yield from choice_blocks(child)
    child = getattr(block, "child_block", None)  # ListBlock
    if child is not None:
        yield from choice_blocks(child)


def labels_of_block_definitions():
    """Choice labels (in both languages) and type names of every StreamField's blocks."""
    labels = set()
    for model in get_page_models():
        for field in model._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            for name in field.stream_block.child_blocks:
                labels.add(name)
            for block in choice_blocks(field.stream_block):
                for language in ("de", "en"):
                    with translation.override(language):
                        labels.update(str(label) for _, label in block.field.choices)
    return {label for label in labels if label}


def indexed_text(page):
    """What the search backends index for the page's own search fields."""
    texts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField):
            value = field.get_value(page)
            texts.extend(value if isinstance(value, list) else [str(value or "")])
    return " | ".join(texts)


def test_no_block_label_or_type_name_is_indexed():
    labels = labels_of_block_definitions()
    assert "Überschrift 2" in labels and "Heading 2" in labels and "paragraph" in labels
    pages = [p.specific for p in Page.objects.live().filter(depth__gt=1)]
    with_headings = 0
    for page in pages:
        text = indexed_text(page)
        for label in labels:
            assert f"| {label} |" not in f"| {text} |", (page.url_path, label)
            assert f", {label}," not in text, (page.url_path, label)
        body = getattr(page, "body", None)
        if body is not None and any(block.block_type == "heading" for block in body):
            with_headings += 1
            heading = next(block.value["text"] for block in body if block.block_type == "heading")
            assert heading in text  # the heading's own words are still indexed
    assert with_headings >= 4  # the demo content has pages with heading blocks in both languages


@pytest.mark.parametrize(
    ("url", "query"),
    # Pages used to be indexed with the level labels of the language active while indexing.
    [("/de/suche/", "Überschrift"), ("/en/search/", "Überschrift"), ("/en/search/", "paragraph")],
)
def test_block_labels_find_nothing(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    assert not response.context["items"] or response.context["fuzzy"]
    assert "Überschrift 2" not in response.text and "Heading 2" not in response.text


def test_excerpts_show_text_not_labels(client):
    response = client.get("/de/suche/", {"q": "Netzwerk"})
    assert response.context["items"]
    for item in response.context["items"]:
        assert "Überschrift" not in item["excerpt"] and "Heading" not in item["excerpt"]
