"""Uploaded images: only real ones, of a size a page can carry."""

import secrets
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
EXTENSION_FOR_FORMAT = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
EXTENSION_FOR_SUFFIX = {
    ".jpg": "jpg",
    ".jpeg": "jpg",
    ".png": "png",
    ".webp": "webp",
    ".gif": "gif",
}


def validate_image(value):
    """Refuse anything Pillow cannot fully decode, over 10 MB, or over 40 megapixels."""
    if getattr(value, "_committed", False):
        return  # already stored and checked when it was uploaded
    upload = getattr(value, "file", value)
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(_("The image is larger than 10 MB."), code="image_too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Upload a JPEG, PNG, WebP or GIF image."), code="image_format"
                )
            # Check the declared size before decoding, so a tiny file that claims
            # 10000×10000 pixels is refused without allocating them.
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The image is larger than 40 megapixels."), code="image_too_many_pixels"
                )
            image.load()  # decodes every pixel: a truncated file fails here
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("The file is not a valid image, or it is damaged."), code="invalid_image"
        ) from None
    finally:
        upload.seek(0)


def require_alt_text(image, alt_text, alt_field):
    if image and not (alt_text or "").strip():
        raise ValidationError(
            {alt_field: _("Describe the image for readers who cannot see it.")},
            code="alt_required",
        )


@deconstructible
class RandomImageName:
    """`upload_to` that stores an image as `<folder>/<random>.<ext>`.

    The uploader's file name is dropped: it may carry personal data or path tricks,
    and two uploads called "photo.jpg" must not overwrite or guess each other. The
    extension comes from what Pillow reads in the file, not from the name it was sent with.
    """

    def __init__(self, folder, field_name):
        self.folder = folder
        self.field_name = field_name

    def __call__(self, instance, filename):
        return f"{self.folder}/{secrets.token_hex(16)}.{self.extension(instance, filename)}"

    def extension(self, instance, filename):
        upload = getattr(getattr(instance, self.field_name, None), "file", None)
        if upload is not None:
            try:
                upload.seek(0)
                with Image.open(upload) as image:
                    if image.format in EXTENSION_FOR_FORMAT:
                        return EXTENSION_FOR_FORMAT[image.format]
            except (UnidentifiedImageError, OSError, ValueError):
                pass
            finally:
                upload.seek(0)
        return EXTENSION_FOR_SUFFIX.get(PurePosixPath(filename).suffix.lower(), "img")
