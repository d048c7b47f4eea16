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
"""

import io
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

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

    def file_names(self):
        """The storage names of every rendition (the upload itself is `source`)."""
        return [r.name for kind in FORMATS for r in getattr(self, kind)]

    def srcset(self, kind):
        return ", ".join(f"{r.url} {r.width}w" for r in getattr(self, kind))


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
    storage = field_file.storage
    with field_file.open("rb") as source, Image.open(source) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    largest = min(image.width, RENDITION_WIDTHS[-1])
    widths = [w for w in RENDITION_WIDTHS if w < largest] + [largest]
    stem = f"renditions/{PurePosixPath(field_file.name).stem[:40]}-{uuid.uuid4().hex[:8]}"
    files = {kind: [] for kind in FORMATS}
    for width in widths:
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for kind, (pillow_format, options) in FORMATS.items():
            buffer = io.BytesIO()
            resized.save(buffer, pillow_format, **options)
            extension = "jpg" if kind == "jpeg" else kind
            content = buffer.getvalue()
            name = storage.save(f"{stem}-{width}.{extension}", ContentFile(content))
            # Stored now, so that no page or feed has to ask the storage (a request
            # per file on S3) how big the file is.
            files[kind].append(Rendition(width, name, len(content)))
    return Renditions(
        source=field_file.name,
        width=largest,
        height=round(image.height * largest / image.width),
        **{kind: tuple(renditions) for kind, renditions in files.items()},
    )


def renditions_for(field_file, current):
    """`current` if it was made from this file, fresh renditions if not, empty for no file."""
    if not field_file:
        return Renditions()
    if current.source == field_file.name:
        return current
    return make_renditions(field_file)


def store_renditions(instance, image_field, renditions_field):
    """Called after `instance` is saved (an upload is only in storage then): make the
    renditions of a new image and save them, or clear them for a removed one."""
    current = Renditions.from_json(getattr(instance, renditions_field))
    renditions = renditions_for(getattr(instance, image_field), current)
    if renditions != current:
        setattr(instance, renditions_field, renditions.to_json())
        instance.save(update_fields=[renditions_field])
