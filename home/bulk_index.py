"""Batch search-index updates for bulk content creation (demo and benchmark content).

Normally every save of an indexed object updates the search index at once (one task per
save; a page is saved several times while it is created and translated). While creating
hundreds of objects we collect what was saved and index each object once, in bulk, at the
end - the same documents, far fewer writes.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler


@contextmanager
def batched_search_index():
    touched = defaultdict(set)

    def collect(sender, instance, raw=False, **kwargs):
        if not raw:
            touched[sender].add(instance.pk)

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        if post_save.disconnect(post_save_signal_handler, sender=model):
            post_save.connect(
                collect, sender=model, weak=False, dispatch_uid=f"batched-index-{model._meta.label}"
            )
    try:
        yield
    finally:
        for model in models:
            if post_save.disconnect(
                sender=model, dispatch_uid=f"batched-index-{model._meta.label}"
            ):
                post_save.connect(post_save_signal_handler, sender=model)
    index_objects(touched)


def index_objects(pks_by_model, batch_size=1000):
    """Index the given objects (in their most specific class) with one bulk call per batch,
    loaded through get_indexed_objects() so each batch gets its related objects prefetched."""
    pks_by_class = defaultdict(set)
    for model, pks in pks_by_model.items():
        pks = list(pks)
        for start in range(0, len(pks), batch_size):
            queryset = model.objects.filter(pk__in=pks[start : start + batch_size])
            if hasattr(queryset, "specific"):  # pages: their specific class, batched
                queryset = queryset.specific(defer=True)
            for obj in queryset:
                indexed = index.get_indexed_instance(obj, check_exists=False)
                if indexed is not None:
                    pks_by_class[type(indexed)].add(indexed.pk)
    backends = [backend for _name, backend in get_search_backends_with_name(with_auto_update=True)]
    for model, pks in pks_by_class.items():
        pks = sorted(pks)
        for start in range(0, len(pks), batch_size):
            items = list(model.get_indexed_objects().filter(pk__in=pks[start : start + batch_size]))
            if items:
                for backend in backends:
                    backend.add_bulk(model, items)
    if sum(map(len, pks_by_class.values())) >= batch_size:
        # Many new rows at once: let the backend refresh the planner statistics (PostgreSQL).
        for backend in backends:
            if hasattr(backend, "analyze"):
                backend.analyze()
