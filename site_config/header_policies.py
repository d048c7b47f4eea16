"""The security headers' policies, read by settings.py.

Content-Security-Policy (django-csp): scripts and styles from our own origin only, no
inline script anywhere. The one inline style, on the self-contained 500 and 503 pages,
carries a nonce (core/errors.py); the page cache never stores a page with a nonce.
JSON-LD blocks are data, which CSP does not govern. Frames: the two video players the
click-to-load facade embeds (songs/video.py), nothing else.

Permissions-Policy (core/security_headers.py): no page of ours asks for a device or
sensor, so none may; the video players may autoplay (the reader clicked Play) and go
full screen, and nobody else. A browser lets a frame use a feature only if the page
itself may, hence "self" beside them.
"""

from csp.constants import NONCE, NONE, SELF

VIDEO_EMBED_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

DENIED_FEATURES = [
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
VIDEO_PLAYER_FEATURES = ["autoplay", "encrypted-media", "fullscreen", "picture-in-picture"]


def content_security_policy(media_origins):
    """django-csp's setting; `media_origins` are where uploaded images load from."""
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF, NONCE],
            "img-src": [SELF, *media_origins],
            "frame-src": VIDEO_EMBED_ORIGINS,
            "object-src": [NONE],
            "base-uri": [NONE],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }


def permissions_policy():
    """{feature: allowed origins}; an empty list denies the feature."""
    return {feature: [] for feature in DENIED_FEATURES} | {
        feature: ["self", *VIDEO_EMBED_ORIGINS] for feature in VIDEO_PLAYER_FEATURES
    }
