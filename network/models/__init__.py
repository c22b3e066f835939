"""Models of the network, split by role."""

from .advice import AdviceRequest
from .members import Member
from .messages import MessageLog
from .pages import AdviceRequestPage, JoinNetworkPage, MemberDirectoryPage, ReportProcedurePage
from .reports import ProcedureReport
from .settings import NetworkSettings

__all__ = [
    "AdviceRequest",
    "AdviceRequestPage",
    "JoinNetworkPage",
    "Member",
    "MemberDirectoryPage",
    "MessageLog",
    "NetworkSettings",
    "ProcedureReport",
    "ReportProcedurePage",
]
