"""Content backups: the rows of the content models, their stored versions and every media
file they refer to, in one zip archive (archive.py) that restores into an empty database.

Rows keep their primary keys, so URLs, feed GUIDs and stored versions stay valid, and are
written with plain keys, never natural ones: django-taggit's through models inherit a
natural key that names no row, so `dumpdata --natural-primary` drops the keys of tag links
and `loaddata` cannot bring them back. Only what lies outside the content is matched by
name (references.py): the users that bylines and versions name, by username, and the
content type of each version, by app and model.
"""

import json
import os
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from reversion.models import Revision, Version

from core.backups.archive import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    BackupError,
    check_contents,
    data_member,
    label,
    new_member,
    open_archive,
    read_manifest,
)
from core.backups.media import restore_media, write_media
from core.backups.references import (
    authors,
    content_type_keys,
    media_names,
    restore_authors,
    user_ids,
    version_content_types,
)
from core.backups.rows import insert_rows, write_rows
from core.cache import invalidate_everything

__all__ = ["BackupError", "Summary", "export_content", "import_content", "with_history"]


@dataclass
class Summary:
    rows: dict  # model label: how many rows
    media_files: int = 0
    media_bytes: int = 0
    missing_media: list = field(default_factory=list)  # referred to, but not in storage


def with_history(models):
    """`models`, then the revisions and versions that django-reversion stored for them."""
    return [*models, Revision, Version]


# --- Export -----------------------------------------------------------------------------


def export_content(path, models):
    """Write `models`' rows, their history and media to the zip archive `path` (a new file)."""
    if path.exists():
        raise BackupError(f"{path} already exists: choose another name, or move it away first.")
    models = with_history(models)
    # Written beside, and renamed once complete: `path` is never half an archive.
    partial = path.with_name(path.name + ".partial")
    try:
        with consistent_snapshot(), zipfile.ZipFile(partial, "w") as archive:
            summary = Summary(rows={label(model): write_rows(archive, model) for model in models})
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "migrations": applied_migrations(models),
                "rows": summary.rows,
                "authors": authors(user_ids(models)),
                "content_types": version_content_types(),
                "media": write_media(archive, media_names(models), summary),
            }
            text = json.dumps(manifest, indent=1, ensure_ascii=False)
            archive.writestr(new_member(MANIFEST), text)
        os.replace(partial, path)
    except OSError as error:  # no such folder, no room, no permission
        raise BackupError(f"Could not write {path}: {error.strerror or error}.") from None
    finally:
        partial.unlink(missing_ok=True)
    return summary


@contextmanager
def consistent_snapshot():
    """A transaction that sees the content as it was when it began and lets editors save
    meanwhile. PostgreSQL: REPEATABLE READ. SQLite (WAL): every transaction reads one
    snapshot, but the site's transactions begin IMMEDIATE, taking the write lock for the
    whole export; a DEFERRED one only reads."""
    if connection.in_atomic_block:  # inside a caller's transaction (a test): that one
        yield
        return
    connection.ensure_connection()
    mode = getattr(connection, "transaction_mode", None)
    if connection.vendor == "sqlite":
        connection.transaction_mode = "DEFERRED"
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
    finally:
        if connection.vendor == "sqlite":
            connection.transaction_mode = mode


def applied_migrations(models):
    """The migrations applied to the apps of `models`: the schema their rows fit."""
    app_labels = {model._meta.app_label for model in models}
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        app: sorted(name for app_label, name in applied if app_label == app)
        for app in sorted(app_labels)
    }


# --- Import -----------------------------------------------------------------------------


def import_content(path, models):
    """Restore the archive `path` into a database that has none of `models`' rows yet.
    Everything is checked before anything is written; a failure on the way leaves the
    database and the media storage as they were."""
    models = with_history(models)
    with open_archive(path) as archive:
        manifest = read_manifest(archive, path)
        check_contents(archive, manifest, models, path)
        check_schema(manifest, models)
        check_empty(models)
        written = []
        try:
            with transaction.atomic():
                summary = restore_rows(archive, manifest, models)
                referred_to = media_names(models)
                restore_media(archive, manifest["media"], referred_to, summary, written)
                invalidate_everything()
        except BaseException:
            for name in written:
                default_storage.delete(name)
            raise
    analyze(models)
    return summary


def check_schema(manifest, models):
    """Rows restore only into the schema they were exported from."""
    ours = applied_migrations(models)
    if manifest["migrations"] == ours:
        return
    differences = [
        f"{app}: archive at {last(manifest['migrations'].get(app))}, database at {last(names)}"
        for app, names in ours.items()
        if manifest["migrations"].get(app) != names
    ]
    raise BackupError(
        "The archive was made on another version of the database schema "
        f"({'; '.join(differences)}). Restore it with the version of the site that made it, "
        "then upgrade (migrate) as usual."
    )


def last(names):
    return names[-1] if names else "no migration"


def check_empty(models):
    present = {
        model._meta.verbose_name_plural: count
        for model in models
        if not model._meta.auto_created and (count := model._base_manager.count())
    }
    if present:
        listed = ", ".join(f"{name}: {count}" for name, count in present.items())
        raise BackupError(
            f"This database already holds content ({listed}). import_content restores into an "
            "empty database only, so that nothing in it is overwritten or mixed with the "
            "archive: create and migrate a new database, and import there."
        )


def restore_rows(archive, manifest, models):
    rows = {}
    try:
        keys = {
            get_user_model(): restore_authors(manifest["authors"]),
            ContentType: content_type_keys(manifest["content_types"]),
        }
        for model in models:
            rows[label(model)] = insert_rows(archive, model, keys)
            if rows[label(model)] != manifest["rows"][label(model)]:
                raise BackupError(
                    f"{data_member(model)} holds {rows[label(model)]} rows where the manifest "
                    f"says {manifest['rows'][label(model)]}: the archive is damaged."
                )
        with connection.cursor() as cursor:
            # The rows came with their keys, past the sequences that number new rows.
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
        # As loaddata does: the foreign keys are checked now, before any media is written.
        connection.check_constraints(table_names=[model._meta.db_table for model in models])
    except (
        DeserializationError,
        ValidationError,
        DatabaseError,
        ValueError,
        TypeError,
        LookupError,
    ) as error:
        raise BackupError(f"The archive's rows do not fit this database: {error}") from None
    return Summary(rows=rows)


def analyze(models):
    """Fresh planner statistics: until then PostgreSQL takes the restored tables for empty."""
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
