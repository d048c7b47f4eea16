"""The archive's layout, and the checks that it is one of ours and intact.

manifest.json            what is inside: format, schema, rows per model, authors,
                         content types, each media file's size and SHA-256
data/<app.model>.jsonl   one model's rows, Django's serialization, one row a line
media/<storage name>     the uploaded originals and every rendition, byte for byte
"""

import json
import time
import zipfile
import zlib

FORMAT = "liner-notes-content"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# What a byline needs of a user; passwords, e-mail addresses and permissions stay out.
AUTHOR_FIELDS = ("username", "first_name", "last_name")


class BackupError(Exception):
    """An export or import refused, with a message for the person who ran it."""


def label(model):
    return model._meta.label_lower


def data_member(model):
    return f"data/{label(model)}.jsonl"


def media_member(name):
    return f"media/{name}"


def new_member(name, compression=zipfile.ZIP_DEFLATED):
    member = zipfile.ZipInfo(name, time.localtime()[:6])
    member.compress_type = compression
    return member


def open_archive(path):
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupError(f"{path}: no such file.") from None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise BackupError(
            f"{path} is not a content archive: it is not a readable zip file."
        ) from None


def read_manifest(archive, path):
    foreign = f"{path} is not a content archive made by export_content"
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise BackupError(f"{foreign}: it has no {MANIFEST}.") from None
    except (ValueError, zipfile.BadZipFile, zlib.error, EOFError, OSError):
        raise BackupError(f"{foreign}: its {MANIFEST} is unreadable.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{foreign}: its {MANIFEST} describes something else.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} is in format version {manifest.get('format_version')!r}; this version of "
            f"the site reads version {FORMAT_VERSION} only."
        )
    if not well_formed(manifest):
        raise BackupError(f"{path}: its {MANIFEST} is damaged.")
    return manifest


def well_formed(manifest):
    """Whether the manifest has every part, each of the shape export_content writes."""
    try:
        return (
            all(isinstance(names, list) for names in manifest["migrations"].values())
            and all(isinstance(count, int) for count in manifest["rows"].values())
            and all(
                isinstance(author["pk"], int)
                and all(isinstance(author[key], str) for key in AUTHOR_FIELDS)
                for author in manifest["authors"]
            )
            and all(
                key.isdigit()
                and len(natural_key) == 2
                and all(isinstance(part, str) for part in natural_key)
                for key, natural_key in manifest["content_types"].items()
            )
            and all(
                isinstance(facts["bytes"], int) and isinstance(facts["sha256"], str)
                for facts in manifest["media"].values()
            )
        )
    except (LookupError, TypeError, AttributeError):
        return False


def check_contents(archive, manifest, models, path):
    """The archive holds the rows of exactly `models` and the files its manifest lists,
    each intact."""
    labels = {label(model) for model in models}
    if set(manifest["rows"]) != labels:
        unknown = sorted(set(manifest["rows"]) - labels) or "none"
        absent = sorted(labels - set(manifest["rows"])) or "none"
        raise BackupError(
            f"{path} holds other kinds of content than this site has "
            f"(unknown to this site: {unknown}; missing from the archive: {absent})."
        )
    expected = {MANIFEST, *(data_member(m) for m in models), *map(media_member, manifest["media"])}
    found = set(archive.namelist())
    if found != expected:
        odd = sorted(found ^ expected)[:5]
        raise BackupError(
            f"{path} does not hold what its manifest lists (for example: {', '.join(odd)})."
        )
    try:
        damaged = archive.testzip()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
        damaged = "one of its files"
    if damaged:
        raise BackupError(f"{path} is damaged: {damaged} fails its checksum. Nothing was changed.")
