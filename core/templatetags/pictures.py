from django import template

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(renditions, alt, sizes="100vw", lazy=True, css_class=""):
    """A responsive <picture> of `renditions` (core.renditions.Renditions): WebP with a
    JPEG fallback, sized so the layout never jumps."""
    if not renditions:
        return {"renditions": None}
    return {
        "renditions": renditions,
        "webp_srcset": renditions.srcset("webp"),
        "jpeg_srcset": renditions.srcset("jpeg"),
        "src": renditions.largest_jpeg.url,
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "css_class": css_class,
    }
