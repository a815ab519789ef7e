from .notifications import Notification
from .organisations import (
    Country,
    LearningTheme,
    LocalGovernment,
    Programme,
    UmbrellaOrganisation,
)
from .partnerships import Partnership, PartnershipStatusChange
from .users import Membership, User

__all__ = [
    "Country",
    "LearningTheme",
    "LocalGovernment",
    "Membership",
    "Notification",
    "Partnership",
    "PartnershipStatusChange",
    "Programme",
    "UmbrellaOrganisation",
    "User",
]
