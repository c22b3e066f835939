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


def related_lookups(model):
    """select_related/prefetch_related names for the model's RelatedFields, so indexing a
    batch costs a few queries instead of a few per object."""
    select, prefetch = [], []
    for field in model.get_search_fields():
        if isinstance(field, index.RelatedFields):
            model_field = model._meta.get_field(field.field_name)
            (prefetch if model_field.many_to_many or model_field.one_to_many else select).append(
                field.field_name
            )
    return select, prefetch


def index_objects(pks_by_model, batch_size=1000):
    """Index the given objects (in their most specific class) with one bulk call per batch."""
    by_class = defaultdict(dict)
    for model, pks in pks_by_model.items():
        pks = list(pks)
        select, prefetch = related_lookups(model) if issubclass(model, index.Indexed) else ([], [])
        for start in range(0, len(pks), batch_size):
            chunk = pks[start : start + batch_size]
            for obj in (
                model.objects.filter(pk__in=chunk)
                .select_related(*select)
                .prefetch_related(*prefetch)
            ):
                indexed = index.get_indexed_instance(obj, check_exists=False)
                if indexed is not None:
                    by_class[type(indexed)][indexed.pk] = indexed
    for model, objects in by_class.items():
        pks = list(objects)
        for start in range(0, len(pks), batch_size):
            chunk = pks[start : start + batch_size]
            allowed = set(
                model.get_indexed_objects().filter(pk__in=chunk).values_list("pk", flat=True)
            )
            items = [objects[pk] for pk in chunk if pk in allowed]
            if items:
                for _name, backend in get_search_backends_with_name(with_auto_update=True):
                    backend.add_bulk(model, items)
