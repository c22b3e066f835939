"""Models of the knowledge base, split by role. Other apps import from here; inside `cases`,
modules below the index pages (views, filters, finder, export) import the submodules
directly, so that nothing imports back into .indexes (no import cycles)."""

from .cases import CasePage
from .funding import FundingIndexPage, FundingProgrammePage
from .indexes import CaseIndexPage, MethodIndexPage
from .methods import MethodPage
from .settings import KnowledgeBaseSettings
from .taxonomies import Organisation, Region, TargetGroup, Topic

__all__ = [
    "CaseIndexPage",
    "CasePage",
    "FundingIndexPage",
    "FundingProgrammePage",
    "KnowledgeBaseSettings",
    "MethodIndexPage",
    "MethodPage",
    "Organisation",
    "Region",
    "TargetGroup",
    "Topic",
]
