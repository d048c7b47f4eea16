"""What a content backup holds: every row of the catalogue and of the editorial, with
their history and media (core/backups/ writes and reads the archive)."""

from django.apps import apps

from core import backups

CONTENT_APPS = ("songs", "articles")
# Computed from the content, and computed again when missing: not part of a backup.
DERIVED_MODELS = ("articles.relatedlist",)


def content_models():
    """The models whose rows are the content, their tag links and m2m rows included."""
    return [
        model
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True)
        if model._meta.label_lower not in DERIVED_MODELS
    ]


def export_content(path):
    return backups.export_content(path, content_models())


def import_content(path):
    return backups.import_content(path, content_models())


def describe(summary):
    """What a backup holds, in a line: "5,432 rows (200 articles, …) and 57 media files"."""
    rows = sum(summary.rows.values())
    counts = ", ".join(
        f"{summary.rows[label]:,} {name}"
        for label, name in [
            ("articles.article", "articles"),
            ("articles.entry", "entries"),
            ("songs.song", "songs"),
            ("songs.artist", "artists"),
        ]
    )
    return (
        f"{rows:,} rows ({counts}, …) and {summary.media_files:,} media files "
        f"({summary.media_bytes / 1e6:.1f} MB)"
    )
