"""Search-index helpers of the knowledge base. (Bulk indexing of demo and bench content is
home.bulk_index.)"""


def localized_term_names(page, relations):
    """Names of the objects linked by `relations` ({name: attribute shown}) in `page`'s own
    language, for its search index. Wagtail-localize synchronises these links, so a translated
    case may point at the German terms; their translations are looked up by translation key
    (one query per relation, only when a linked object is in another language). Memoised on
    the page per set of links: the indexer reads every search field several times."""
    linked = {name: list(getattr(page, name).all()) for name in relations}
    key = (
        page.locale_id,
        tuple((name, tuple(o.pk for o in objs)) for name, objs in linked.items()),
    )
    memo = page.__dict__.get("_localized_term_names")
    if memo and memo[0] == key:
        return memo[1]
    names = []
    for name, objects in linked.items():
        other = {obj.translation_key for obj in objects if obj.locale_id != page.locale_id}
        translated = {}
        if other:
            model = type(objects[0])
            translated = {
                obj.translation_key: obj
                for obj in model._default_manager.filter(
                    translation_key__in=other, locale_id=page.locale_id
                )
            }
        for obj in objects:
            names.append(getattr(translated.get(obj.translation_key, obj), relations[name]))
    page.__dict__["_localized_term_names"] = (key, names)
    return names
