"""What content rows refer to beyond their own tables: media files, and the users and
content types that are matched by name on import rather than by key."""

import json

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from reversion.models import Version

from core.backups.archive import AUTHOR_FIELDS, BackupError
from core.renditions import Renditions, RenditionsOf


def user_fields(model):
    user_model = get_user_model()
    return [
        f for f in model._meta.concrete_fields if f.many_to_one and f.related_model is user_model
    ]


def image_fields(model):
    """(file field names, JSON fields holding Renditions) of `model`."""
    files = [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
    renditions = [
        value.field_name
        for klass in model.__mro__
        for value in vars(klass).values()
        if isinstance(value, RenditionsOf)
    ]
    return files, renditions


def stored_fields(model):
    """The field values (by name) of every stored version of `model`'s rows. Versions in
    another format than reversion's default JSON are carried over without being read."""
    content_type = ContentType.objects.get_for_model(model)
    versions = Version.objects.filter(content_type=content_type, format="json")
    for serialized in versions.values_list("serialized_data", flat=True).iterator():
        try:
            fields = json.loads(serialized)[0]["fields"]
        except (ValueError, LookupError, TypeError):
            continue  # not a version that reversion could restore either
        if isinstance(fields, dict):
            yield fields


def media_names(models):
    """Every media file that the rows of `models`, or their stored versions, refer to."""
    names = set()
    for model in models:
        files, renditions = image_fields(model)
        if not files and not renditions:
            continue
        rows = model._base_manager.values(*files, *renditions).iterator()
        for values in [*rows, *stored_fields(model)]:
            names.update(values.get(name) or "" for name in files)
            for name in renditions:
                names.update(Renditions.from_json(values.get(name)).file_names)
    names.discard("")
    return names


def user_ids(models):
    """The users that the rows of `models`, or their stored versions, refer to."""
    ids = set()
    for model in models:
        fields = user_fields(model)
        for f in fields:
            ids.update(model._base_manager.values_list(f.attname, flat=True).distinct())
        if fields:
            for values in stored_fields(model):
                ids.update(values.get(f.name) for f in fields)
    ids.discard(None)
    return ids


def authors(ids):
    """The users named by bylines and versions: username and name, never a password."""
    users = get_user_model()._base_manager.filter(pk__in=ids).order_by("pk")
    return list(users.values("pk", *AUTHOR_FIELDS))


def restore_authors(authors):
    """Old user key: the key of the user of that username here, made (with no password,
    so no log-in) when there is none."""
    user_model = get_user_model()
    keys = {}
    for author in authors:
        user = user_model._base_manager.filter(username=author["username"]).first()
        if user is None:
            user = user_model(**{key: author[key] for key in AUTHOR_FIELDS})
            user.set_unusable_password()
            user.save()
        keys[author["pk"]] = user.pk
    return keys


def version_content_types():
    """The content types of the stored versions, by key: (app label, model)."""
    used = ContentType.objects.filter(pk__in=Version.objects.values("content_type"))
    return {
        str(pk): [app, model] for pk, app, model in used.values_list("pk", "app_label", "model")
    }


def content_type_keys(content_types):
    """Old content type key: the key of the same app and model here."""
    keys = {}
    for old, (app_label, model) in content_types.items():
        try:
            keys[int(old)] = ContentType.objects.get_by_natural_key(app_label, model).pk
        except ContentType.DoesNotExist:
            raise BackupError(
                f"The archive holds history of {app_label}.{model}, which this site does not have."
            ) from None
    return keys
