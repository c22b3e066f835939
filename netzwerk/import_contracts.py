"""An import-linter contract type: no import cycles between modules (`lint-imports`).

import-linter's own `acyclic_siblings` treats each package as one node. Wagtail's routable
pages make a models package import its views (the page routes to them), and the views import
model modules (never the package, never the page modules): that is no cycle between modules,
but one between the sibling packages. This contract checks the modules themselves: for every
direct import A -> B, B must not lead back to A.
"""

from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class AcyclicModulesContract(Contract):
    type_name = "acyclic_modules"

    containers = fields.ListField(subfield=fields.StringField())

    def check(self, graph, verbose):
        containers = tuple(self.containers)
        modules = sorted(m for m in graph.modules if m.split(".")[0] in containers)
        cycles = set()
        for importer in modules:
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                if imported.split(".")[0] not in containers or imported == importer:
                    continue
                back = graph.find_shortest_chain(importer=imported, imported=importer)
                if back:
                    cycle = (importer, *back)
                    start = cycle.index(min(cycle[:-1]))  # one spelling per cycle
                    cycles.add(cycle[start:-1] + cycle[:start] + (cycle[start],))
        return ContractCheck(kept=not cycles, metadata={"cycles": sorted(cycles)})

    def render_broken_contract(self, check):
        for cycle in check.metadata["cycles"]:
            output.print_error(" -> ".join(cycle))
