from django import template
from django.core.files.storage import default_storage

register = template.Library()


def _srcset(sources):
    return ", ".join(f"{default_storage.url(name)} {width}w" for width, name in sources)


@register.inclusion_tag("includes/picture.html")
def picture(renditions, alt, sizes="100vw", lazy=True, css_class=""):
    """A responsive <picture>: WebP with a JPEG fallback, sized so the layout never jumps."""
    if not renditions or not renditions.get("jpeg"):
        return {"renditions": None}
    return {
        "renditions": renditions,
        "webp_srcset": _srcset(renditions["webp"]),
        "jpeg_srcset": _srcset(renditions["jpeg"]),
        "src": default_storage.url(renditions["jpeg"][-1][1]),
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "css_class": css_class,
    }
