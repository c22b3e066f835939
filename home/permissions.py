"""Editorial roles: groups, page/collection/snippet permissions and the moderation workflow.

Everything is found by name and created with get_or_create, so each function is idempotent and
runs both inside a data migration (pass the migration's historical `apps`) and at runtime (the
default `apps` registry): after every `migrate` (post_migrate) and whenever a section page or a
translation of one is created (page signals), because every locale has its own page tree and
sections are created by editors and demo content, not by migrations.
"""

from django.apps import apps as global_apps

MINISTRY_EDITORS = "Ministry editors"
GUEST_EDITORS = "Guest editors"
PARTNER_COLLECTION = "Partner"
WORKFLOW_NAME = "Ministry editors approval"

# Page types whose subtree guest editors may add pages to (app_label, model).
SECTION_TYPES = [
    ("cases", "caseindexpage"),
    ("events", "eventindexpage"),
    ("home", "newsindexpage"),
]
# Each locale's home page: Ministry editors may do everything below it.
ROOT_TYPES = [("home", "homepage")]

MINISTRY_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
# "add" lets a user create pages and edit the pages they own; without "publish" every change
# ends up as a draft that has to go through the moderation workflow.
GUEST_PAGE_PERMISSIONS = ["add_page"]

MINISTRY_MEDIA_PERMISSIONS = ["add", "change", "choose", "delete"]

# Model permissions (app_label, model, codename) outside the page tree. Translating is one
# global permission in wagtail-localize; which pages a guest may translate is narrowed to the
# pages they can edit in home/translation_admin.py.
TRANSLATE = ("wagtail_localize", "translation", "submit_translation")
MINISTRY_TOOL_PERMISSIONS = [
    TRANSLATE,
    *(
        ("wagtailsearchpromotions", "searchpromotion", f"{action}_searchpromotion")
        for action in ("add", "change", "delete")
    ),
    *(
        ("wagtailredirects", "redirect", f"{action}_redirect")
        for action in ("add", "change", "delete")
    ),
]
GUEST_TOOL_PERMISSIONS = [TRANSLATE]
# wagtail-localize's own migration creates its permission with get_or_create(..., name=...):
# the same name here, or a fresh database would get a duplicate row when ours runs first.
PERMISSION_NAMES = {"submit_translation": "Can submit translations"}
GUEST_MEDIA_PERMISSIONS = ["add", "choose"]


def _permission(apps, app_label, model, codename):
    """Permission row, created if missing (on a fresh database post_migrate has not run yet)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": PERMISSION_NAMES.get(codename, codename.replace("_", " ").capitalize())},
    )
    return permission


def _groups(apps):
    Group = apps.get_model("auth", "Group")
    ministry, _ = Group.objects.get_or_create(name=MINISTRY_EDITORS)
    guests, _ = Group.objects.get_or_create(name=GUEST_EDITORS)
    return ministry, guests


def _pages_of_types(apps, types):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    content_types = [
        ct
        for app_label, model in types
        for ct in ContentType.objects.filter(app_label=app_label, model=model)
    ]
    return Page.objects.filter(content_type__in=content_types)


def ensure_workflow(apps=global_apps):
    """The "Ministry editors approval" workflow with its one group approval task."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ministry, _ = _groups(apps)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW_NAME, content_type=task_type, active=True
        )
    task.groups.add(ministry)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def ensure_section_permissions(apps=global_apps):
    """Grant page permissions and attach the workflow on every locale's home page and sections.

    Called by the data migration, after every migrate and whenever a section or a translation of
    a section is created, so grants also hold for trees created later."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ministry, guests = _groups(apps)
    workflow = ensure_workflow(apps)

    ministry_perms = [
        _permission(apps, "wagtailcore", "page", c) for c in MINISTRY_PAGE_PERMISSIONS
    ]
    guest_perms = [_permission(apps, "wagtailcore", "page", c) for c in GUEST_PAGE_PERMISSIONS]

    for page in _pages_of_types(apps, ROOT_TYPES):
        for permission in ministry_perms:
            GroupPagePermission.objects.get_or_create(
                group=ministry, page=page, permission=permission
            )
        # One approval workflow for the whole site, so any submission goes to Ministry editors.
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})

    for page in _pages_of_types(apps, SECTION_TYPES):
        for permission in guest_perms:
            GroupPagePermission.objects.get_or_create(
                group=guests, page=page, permission=permission
            )
        # Explicit on each section: guest submissions always go to the Ministry editors even if
        # the home page's workflow is changed in the admin.
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def ensure_roles(apps=global_apps):
    """Groups, admin access, the partner collection and media permissions, page permissions."""
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ministry, guests = _groups(apps)

    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin")
    ministry.permissions.add(access_admin)
    guests.permissions.add(access_admin)
    ministry.permissions.add(*(_permission(apps, *p) for p in MINISTRY_TOOL_PERMISSIONS))
    guests.permissions.add(*(_permission(apps, *p) for p in GUEST_TOOL_PERMISSIONS))

    root = Collection.objects.get(depth=1)
    partner = Collection.objects.filter(name=PARTNER_COLLECTION, depth=2).first()
    if partner is None:
        partner = _add_child_collection(Collection, root, PARTNER_COLLECTION)

    for app_label, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]:
        for action in MINISTRY_MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=ministry,
                collection=root,
                permission=_permission(apps, app_label, model, f"{action}_{model}"),
            )
        for action in GUEST_MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=guests,
                collection=partner,
                permission=_permission(apps, app_label, model, f"{action}_{model}"),
            )
        # Guests may pick published media from anywhere for their drafts, but upload only
        # into the partner collection.
        GroupCollectionPermission.objects.get_or_create(
            group=guests,
            collection=root,
            permission=_permission(apps, app_label, model, f"choose_{model}"),
        )

    ensure_section_permissions(apps)


def _add_child_collection(Collection, parent, name):
    """Treebeard's add_child is not available on historical models: set the path by hand."""
    last = (
        Collection.objects.filter(depth=parent.depth + 1, path__startswith=parent.path)
        .order_by("-path")
        .first()
    )
    step = 4
    index = int(last.path[-step:], 36) + 1 if last else 1
    path = parent.path + _base36(index).rjust(step, "0")
    child = Collection.objects.create(name=name, path=path, depth=parent.depth + 1, numchild=0)
    Collection.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    return child


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


# Models whose rows hold personal data: only Ministry editors may see them.
PERSONAL_DATA_MODELS = [("events", "eventregistration")]
# Settings editable by Ministry editors.
SETTINGS_MODELS = [("home", "sitesettings"), ("network", "networksettings")]


def ensure_runtime_permissions():
    """Grants that depend on models of other apps: snippets, settings, registrations.

    Runs after every migrate with the real registry, so snippet models added later by other apps
    are covered without a new data migration."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.snippets.models import get_snippet_models

    ministry, guests = _groups(global_apps)
    models = list(get_snippet_models())
    for app_label, model_name in PERSONAL_DATA_MODELS + SETTINGS_MODELS:
        try:
            models.append(global_apps.get_model(app_label, model_name))
        except LookupError:
            continue
    for model in models:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        opts = model._meta
        for action in opts.default_permissions:
            codename = f"{action}_{opts.model_name}"
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {action} {opts.verbose_name_raw}"},
            )
            ministry.permissions.add(permission)
