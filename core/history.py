"""What a stored version points at that no longer exists (django-reversion)."""

from django.utils.translation import gettext as _


def missing_references(revision):
    """What the rows of `revision` point at that no longer exists, one label each
    ("song of “2. Lemon”"). Such a version cannot be restored until they are back;
    rows restored by the revision itself count as present."""
    in_revision = {
        (version.content_type.model_class(), str(version.object_id))
        for version in revision.version_set.select_related("content_type")
    }
    missing = []
    for version in revision.version_set.select_related("content_type"):
        model = version.content_type.model_class()
        if model is None:
            continue
        for field in model._meta.concrete_fields:
            if not field.many_to_one:
                continue
            target_id = version.field_dict.get(field.attname)
            target = field.related_model
            if target_id is None or (target, str(target_id)) in in_revision:
                continue
            if not target._default_manager.filter(pk=target_id).exists():
                missing.append(
                    # Translators: one thing a version points at that was deleted since,
                    # e.g. "song of “2. Lemon”".
                    _("%(field)s of “%(object)s”")
                    % {"field": field.verbose_name, "object": version.object_repr}
                )
    return missing
