"""Media files in and out of the archive, byte for byte, each checked by its SHA-256."""

import hashlib
import zipfile

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.backups.archive import BackupError, media_member, new_member


def write_media(archive, names, summary):
    """Copy the files `names` from the media storage into the archive, as they are (they are
    images, compressed already); return each one's size and checksum."""
    media = {}
    for name in sorted(names):
        try:
            source = default_storage.open(name, "rb")
        except FileNotFoundError:
            summary.missing_media.append(name)
            continue
        digest, size = hashlib.sha256(), 0
        member = new_member(media_member(name), zipfile.ZIP_STORED)
        with source, archive.open(member, "w", force_zip64=True) as target:
            for chunk in source.chunks():
                digest.update(chunk)
                target.write(chunk)
                size += len(chunk)
        media[name] = {"bytes": size, "sha256": digest.hexdigest()}
        summary.media_files += 1
        summary.media_bytes += size
    return media


def restore_media(archive, media, referred_to, summary, written):
    """Write the archive's media files under their own names, each checked against the
    manifest; `written` collects what to delete if the import fails after all. Only files
    that the restored rows refer to are taken: an archive cannot drop others into media."""
    for name, facts in media.items():
        if name not in referred_to:
            raise BackupError(f"The archive carries a media file no content refers to: {name}.")
        content = archive.read(media_member(name))
        if len(content) != facts["bytes"] or sha256(content) != facts["sha256"]:
            raise BackupError(f"{media_member(name)} is damaged: it does not match the manifest.")
        if not already_stored(name, facts["sha256"]):
            try:
                stored = default_storage.save(name, ContentFile(content))
            except SuspiciousFileOperation:
                raise BackupError(f"The archive names a media file unsafely: {name}.") from None
            written.append(stored)
            if stored != name:
                raise BackupError(f"The media storage stored {name} as {stored}.")
        summary.media_files += 1
        summary.media_bytes += len(content)
    summary.missing_media = sorted(referred_to - set(media))


def already_stored(name, checksum):
    """Whether the storage holds `name` with this content (left over from before the
    database was emptied); a different file of that name makes way for the archive's."""
    if not default_storage.exists(name):
        return False
    with default_storage.open(name, "rb") as existing:
        if sha256(existing.read()) == checksum:
            return True
    default_storage.delete(name)
    return False


def sha256(content):
    return hashlib.sha256(content).hexdigest()
