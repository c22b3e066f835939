"""StreamField blocks of the events app: the programme (agenda) and the documentation."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import DocumentListBlock, ImageBlock

TEMPLATE_DIR = "components/streamfield/blocks"


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Start time"), required=False)
    end_time = blocks.TimeBlock(label=_("End time"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=250)
    speakers = blocks.CharBlock(
        label=_("Speakers"),
        required=False,
        max_length=250,
        help_text=_(
            "Names and affiliations, e.g. “Hannah Schmidt (Kinder- und Jugendring Sachsen)”."
        ),
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "events/blocks/agenda_item_block.html"


class AgendaBlock(blocks.StreamBlock):
    item = AgendaItemBlock()


class DocumentationBlock(blocks.StreamBlock):
    """What remains after the event: a report, photos and presentation files."""

    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template=f"{TEMPLATE_DIR}/paragraph_block.html",
    )
    image = ImageBlock()
    documents = DocumentListBlock()
