"""Resized copies of uploaded images: WebP plus a JPEG fallback, in a few widths.

Pages never show the uploaded original: every rendition is re-encoded by
Pillow, so whatever else an upload carried is left behind.

A model keeps its renditions in a JSONField; `Renditions` is the only code that
reads or writes that JSON, so its shape is known here and nowhere else:

    {"source": "articles/….png", "width": 1600, "height": 800,
     "webp": [[480, "renditions/….webp", 10342], …],
     "jpeg": [[480, "renditions/….jpg", 21877], …]}

Each rendition is [width, storage name, size in bytes], smallest first. Rows made
before sizes were stored have [width, name]: their size reads as 0, "unknown".

An image replaced or removed leaves nothing behind: once the save commits, its original
and every rendition are deleted from storage (`delete_replaced_files`). A save that
fails deletes nothing.
"""

import io
import logging
import uuid
from dataclasses import dataclass
from functools import partial
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

RENDITION_WIDTHS = (480, 960, 1600)
FORMATS = {"webp": ("WEBP", {"quality": 80, "method": 4}), "jpeg": ("JPEG", {"quality": 82})}
# RSS Best Practices: a length that cannot be known is given as 0.
UNKNOWN_SIZE = 0


@dataclass(frozen=True)
class Rendition:
    width: int
    name: str
    size: int = UNKNOWN_SIZE  # bytes

    @property
    def url(self):
        return default_storage.url(self.name)

    def storage_exists(self):
        return default_storage.exists(self.name)


@dataclass(frozen=True)
class Renditions:
    """An image's renditions: its display size, and each format's files, smallest first.

    False when there is no image to show (no upload, or a row with no JPEG).
    """

    source: str = ""  # the upload they were made from
    width: int = 0  # of the largest rendition: what <img width height> reserve
    height: int = 0
    webp: tuple[Rendition, ...] = ()
    jpeg: tuple[Rendition, ...] = ()

    @classmethod
    def from_json(cls, data):
        if not data:
            return cls()
        return cls(
            source=data.get("source", ""),
            width=data.get("width", 0),
            height=data.get("height", 0),
            **{kind: tuple(Rendition(*entry) for entry in data.get(kind, ())) for kind in FORMATS},
        )

    def to_json(self):
        if not self:
            return {}
        return {
            "source": self.source,
            "width": self.width,
            "height": self.height,
            **{kind: [[r.width, r.name, r.size] for r in getattr(self, kind)] for kind in FORMATS},
        }

    def __bool__(self):
        return bool(self.jpeg)

    @property
    def largest_jpeg(self):
        """What feeds and social cards use: every reader shows JPEG. None for no image."""
        return self.jpeg[-1] if self.jpeg else None

    def srcset(self, kind):
        return ", ".join(f"{r.url} {r.width}w" for r in getattr(self, kind))

    @property
    def file_names(self):
        """The storage names of every rendition (the upload itself is `source`)."""
        return {r.name for kind in FORMATS for r in getattr(self, kind)}


class RenditionsOf:
    """A model attribute reading the JSONField `field_name` as `Renditions`:
    `hero = RenditionsOf("hero_renditions")` gives `article.hero`."""

    def __init__(self, field_name):
        self.field_name = field_name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return Renditions.from_json(getattr(instance, self.field_name))


def make_renditions(field_file):
    """Write renditions of `field_file` to its storage, and return them."""
    with field_file.open("rb") as source, Image.open(source) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    stem = f"renditions/{PurePosixPath(field_file.name).stem[:40]}-{uuid.uuid4().hex[:8]}"
    return _write_renditions(image, field_file.storage, stem, source=field_file.name)


def store_drawn(image, stem, source):
    """Write renditions of `image`, an image we drew (core/covers.py), under names made of
    `stem`, and return them. `stem` names what the image was drawn from: the same stem
    is the same drawing, so a file already stored under its name is kept as it is."""
    return _write_renditions(image, default_storage, stem, source=source, keep_existing=True)


def _write_renditions(image, storage, stem, source, keep_existing=False):
    largest = min(image.width, RENDITION_WIDTHS[-1])
    widths = [w for w in RENDITION_WIDTHS if w < largest] + [largest]
    files = {kind: [] for kind in FORMATS}
    for width in widths:
        height = round(image.height * width / image.width)
        resized = None
        for kind, (pillow_format, options) in FORMATS.items():
            extension = "jpg" if kind == "jpeg" else kind
            name = f"{stem}-{width}.{extension}"
            if keep_existing and storage.exists(name):
                # The same stem is the same drawing, so the stored file holds the bytes
                # this would encode: encoding is most of a drawing's cost, skip it.
                size = storage.size(name)
            else:
                resized = resized or image.resize((width, height), Image.Resampling.LANCZOS)
                buffer = io.BytesIO()
                resized.save(buffer, pillow_format, **options)
                content = buffer.getvalue()
                name = storage.save(name, ContentFile(content))
                size = len(content)
            # Stored now, so that no page or feed has to ask the storage (a request
            # per file on S3) how big the file is.
            files[kind].append(Rendition(width, name, size))
    return Renditions(
        source=source,
        width=largest,
        height=round(image.height * largest / image.width),
        **{kind: tuple(renditions) for kind, renditions in files.items()},
    )


def delete_files_on_commit(names, storage=None):
    """Delete the files `names` once the current transaction commits (at once outside
    one); a transaction that rolls back deletes nothing."""
    if names:
        storage = storage or default_storage
        transaction.on_commit(partial(_delete_files, storage, sorted(names)))


def renditions_for(field_file, current):
    """`current` if it was made from this file, fresh renditions if not, empty for no file."""
    if not field_file:
        return Renditions()
    if current.source == field_file.name:
        return current
    return make_renditions(field_file)


def store_renditions(instance, image_field, renditions_field):
    """Called after `instance` is saved (an upload is only in storage then): make the
    renditions of a new image and save them, or clear them for a removed one.

    An image whose file is gone (a version restored from the history after its image was
    replaced, and so deleted) is removed from the row rather than shown broken."""
    image = getattr(instance, image_field)
    if image and not image.storage.exists(image.name):
        setattr(instance, image_field, "")
        setattr(instance, renditions_field, {})
        instance.save(update_fields=[image_field, renditions_field])
        return
    current = Renditions.from_json(getattr(instance, renditions_field))
    renditions = renditions_for(image, current)
    if renditions != current:
        setattr(instance, renditions_field, renditions.to_json())
        instance.save(update_fields=[renditions_field])


def delete_replaced_files(model, image_field, renditions_field):
    """Once a save of `model` commits, delete the files of the image it replaced or
    removed: the original and every rendition. Every save counts, the admin's and a
    restore from the history (which writes rows raw, without save()); a save that fails
    deletes nothing."""
    uid = f"replaced-files-{model._meta.label}"
    watched = {image_field, renditions_field}

    def remember(sender, instance, update_fields=None, **kwargs):
        writes_files = update_fields is None or watched & set(update_fields)
        instance._image_files_before = _stored_files(instance, image_field, renditions_field)
        if not writes_files:
            instance._image_files_before = set()

    def release(sender, instance, **kwargs):
        before = getattr(instance, "_image_files_before", set())
        unused = before - _files(getattr(instance, image_field), instance, renditions_field)
        delete_files_on_commit(unused, getattr(instance, image_field).storage)

    pre_save.connect(remember, sender=model, weak=False, dispatch_uid=f"{uid}-pre")
    post_save.connect(release, sender=model, weak=False, dispatch_uid=f"{uid}-post")


def _files(image, instance, renditions_field):
    names = Renditions.from_json(getattr(instance, renditions_field)).file_names
    return names | {image.name} if image else names


def _stored_files(instance, image_field, renditions_field):
    """The files the row uses as stored now, before this save: none for a new row."""
    if instance.pk is None:
        return set()
    stored = (
        type(instance)
        ._default_manager.filter(pk=instance.pk)
        .values_list(image_field, renditions_field)
        .first()
    )
    if stored is None:
        return set()
    image_name, renditions = stored
    names = Renditions.from_json(renditions).file_names
    return names | {image_name} if image_name else names


def _delete_files(storage, names):
    for name in names:
        try:
            storage.delete(name)
        except Exception:
            # The save is committed; a file left behind costs storage, not content.
            logger.exception("Could not delete the replaced image file %s", name)
