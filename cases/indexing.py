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
            post_save.connect(collect, sender=model, weak=False, dispatch_uid=f"batched-index-{model._meta.label}")
    try:
        yield
    finally:
        for model in models:
            if post_save.disconnect(sender=model, dispatch_uid=f"batched-index-{model._meta.label}"):
                post_save.connect(post_save_signal_handler, sender=model)
    index_objects(touched)


def index_objects(pks_by_model):
    """Index the given objects (in their most specific class) with one bulk call per model."""
    by_class = defaultdict(dict)
    for model, pks in pks_by_model.items():
        for start in range(0, len(pks), 1000):
            chunk = list(pks)[start:start + 1000]
            for obj in model.objects.filter(pk__in=chunk):
                indexed = index.get_indexed_instance(obj, check_exists=False)
                if indexed is not None:
                    by_class[type(indexed)][indexed.pk] = indexed
    for model, objects in by_class.items():
        allowed = set(model.get_indexed_objects().filter(pk__in=list(objects)).values_list("pk", flat=True))
        items = [obj for pk, obj in objects.items() if pk in allowed]
        if not items:
            continue
        for _name, backend in get_search_backends_with_name(with_auto_update=True):
            backend.add_bulk(model, items)
