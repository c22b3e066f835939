"""The licences the open data may carry, as the vocabularies that harvesters know them:
the licence page people read, the DCAT-AP.de licence URI (http://dcat-ap.de/def/licenses/)
portals such as GovData expect in `dct:license`, and the SPDX identifier. Editors choose one
in *Settings → Knowledge base settings* (cases/dataset.py reads the choice)."""

from dataclasses import dataclass

from .choices import OpenDataLicence


@dataclass(frozen=True)
class Licence:
    code: str
    url: str  # the licence text
    dcat_uri: str  # dcat-ap.de licence vocabulary
    spdx: str

    @property
    def name(self):
        return OpenDataLicence(self.code).label


LICENCES = {
    OpenDataLicence.DL_DE_BY_2_0: Licence(
        OpenDataLicence.DL_DE_BY_2_0.value,
        "https://www.govdata.de/dl-de/by-2-0",
        "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
        "DL-DE-BY-2.0",
    ),
    OpenDataLicence.CC_BY_4_0: Licence(
        OpenDataLicence.CC_BY_4_0.value,
        "https://creativecommons.org/licenses/by/4.0/",
        "http://dcat-ap.de/def/licenses/cc-by/4.0",
        "CC-BY-4.0",
    ),
}
DEFAULT_LICENCE = OpenDataLicence.DL_DE_BY_2_0


def licence_from_code(code):
    """The Licence of a stored choice; the default for an empty or unknown one."""
    return LICENCES.get(code, LICENCES[DEFAULT_LICENCE])
