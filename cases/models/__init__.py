"""Models of the knowledge base, split by role."""

from .cases import CaseIndexPage, CasePage
from .funding import FundingIndexPage, FundingProgrammePage
from .methods import MethodIndexPage, MethodPage
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
