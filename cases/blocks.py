"""Blocks of the knowledge base; everything else comes from home.blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import ImageBlock

__all__ = ["CaseImageBlock", "StepBlock"]


class CaseImageBlock(ImageBlock):
    """An image of a procedure: alternative text and copyright line are both required."""

    copyright = blocks.CharBlock(
        label=_("Copyright"),
        max_length=120,
        help_text=_("Who holds the rights, e.g. “Stadt Pirna”."),
    )

    class Meta:
        icon = "image"
        label = _("Image")


class StepBlock(blocks.StructBlock):
    """One step of a method; the page renders the steps as an ordered list."""

    title = blocks.CharBlock(label=_("Step"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "cases/blocks/step_block.html"
