"""Resized copies of uploaded images: WebP plus a JPEG fallback, in a few widths.

Pages never show the uploaded original: every rendition is re-encoded by
Pillow, so whatever else an upload carried is left behind.
"""

import io
import uuid
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

RENDITION_WIDTHS = (480, 960, 1600)
FORMATS = {"webp": ("WEBP", {"quality": 80, "method": 4}), "jpeg": ("JPEG", {"quality": 82})}


def make_renditions(field_file):
    """Write renditions of `field_file` to its storage; return what a <picture> needs."""
    storage = field_file.storage
    with field_file.open("rb") as source, Image.open(source) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    largest = min(image.width, RENDITION_WIDTHS[-1])
    widths = [w for w in RENDITION_WIDTHS if w < largest] + [largest]
    stem = f"renditions/{PurePosixPath(field_file.name).stem[:40]}-{uuid.uuid4().hex[:8]}"
    sources = {kind: [] for kind in FORMATS}
    for width in widths:
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        for kind, (pillow_format, options) in FORMATS.items():
            buffer = io.BytesIO()
            resized.save(buffer, pillow_format, **options)
            extension = "jpg" if kind == "jpeg" else kind
            name = storage.save(f"{stem}-{width}.{extension}", ContentFile(buffer.getvalue()))
            sources[kind].append([width, name])
    return {
        "source": field_file.name,
        "width": largest,
        "height": round(image.height * largest / image.width),
        **sources,
    }


def renditions_for(field_file, current):
    """`current` if it was made from this file, fresh renditions if not, {} for no file."""
    if not field_file:
        return {}
    if current.get("source") == field_file.name:
        return current
    return make_renditions(field_file)


def store_renditions(instance, image_field, renditions_field):
    """Called after `instance` is saved (an upload is only in storage then): make the
    renditions of a new image and save them, or clear them for a removed one."""
    current = getattr(instance, renditions_field)
    renditions = renditions_for(getattr(instance, image_field), current)
    if renditions != current:
        setattr(instance, renditions_field, renditions)
        instance.save(update_fields=[renditions_field])
