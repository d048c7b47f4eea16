"""Images we draw ourselves, never fetch: an article's cover, an artist's monogram.

Both are textless: no font that ships with the project or installs from a registry as
a Python package covers Japanese, and a picture of a name in one script only would
leave out half the catalogue. The name goes in the alt text instead.

A drawing is a pure function of what it is drawn from, so the same content gives the
same bytes. `fingerprint()` of those inputs names the files (core.renditions.store_drawn),
in a folder of the row's own: a row whose content has not changed keeps its files, and
one that changed gets new names, and the other files of its folder are deleted.

When they are drawn: once the transaction that changed what they show commits
(`transaction.on_commit`), from the rows as committed. A save that touched many rows (an
article with thirty entries) asks many times: the first draws, and the others find the
drawing up to date (three queries each). A transaction that rolls back draws nothing.
"""

import colorsys
import hashlib
import json
import random

from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from core.cache import invalidate, object_tag
from core.renditions import Renditions, delete_files_on_commit

# Part of every fingerprint: change it when the drawing changes, and every row gets
# the new drawing at its next refresh (`make_covers`).
DRAWING_VERSION = 1
# 16:9, what cards and link previews crop least; 1200 px wide is what link previews ask
# for, and twice the widest card. (1600 px cost 40% more to encode, for no one.)
COVER_SIZE = (1200, 675)
MONOGRAM_SIZE = (480, 480)
MAX_TRACKS = 24  # grooves and bands: past that they are thinner than a line


def fingerprint(*parts):
    """A short stable digest of `parts` (anything JSON can write)."""
    text = json.dumps([DRAWING_VERSION, *parts], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def hue_of(name):
    """A hue in [0, 1) that belongs to `name`, the same on every machine (unlike hash())."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") / 2**32


def _rgb(hue, lightness, saturation):
    return tuple(round(c * 255) for c in colorsys.hls_to_rgb(hue % 1.0, lightness, saturation))


def palette(names, fallback):
    """Three hues from `names` (moods' slugs): each mood gives its own, in order. With
    fewer than three, the missing ones are the first one's neighbours and complement; with
    none, `fallback` gives a quiet, nearly grey palette."""
    hues = [hue_of(name) for name in names][:3]
    if not hues:
        return [hue_of(fallback)] * 3, 0.12
    first = hues[0]
    hues += [first + 0.08, first + 0.5][: 3 - len(hues)]
    return hues, 0.55


def draw_cover(mood_names, tracks, seed):
    """A record sleeve: the moods' colours, a band on the sleeve and a groove on the record
    for each track (`tracks`: stable names of the songs, in order), laid out by `seed`."""
    (h0, h1, h2), saturation = palette(mood_names, seed)
    width, height = COVER_SIZE
    image = Image.new("RGB", COVER_SIZE, _rgb(h0, 0.16, saturation * 0.6))
    draw = ImageDraw.Draw(image)
    # A second, lighter field behind the record, at an angle that is the article's own.
    rng = random.Random(seed)
    tilt = rng.randint(-180, 180)
    draw.polygon(
        [(width * 0.55 + tilt, 0), (width, 0), (width, height), (width * 0.55 - tilt, height)],
        fill=_rgb(h2, 0.24, saturation * 0.5),
    )
    side = round(height * 0.82)
    left, top = round(width * 0.08), (height - side) // 2
    tracks = list(tracks)[:MAX_TRACKS] or [seed]

    # The record, half out of its sleeve: one groove per track.
    centre = (left + side, height // 2)
    radius = side // 2 - 6
    draw.ellipse(_box(centre, radius), fill=(18, 18, 20))
    label = round(radius * 0.34)
    for index, track in enumerate(tracks):
        groove = label + (radius - label) * (index + 1) / (len(tracks) + 1)
        shade = 34 + round(hue_of(f"{track}") * 26)
        draw.ellipse(_box(centre, groove), outline=(shade, shade, shade + 4), width=3)
    draw.ellipse(_box(centre, label), fill=_rgb(h1, 0.62, saturation))
    draw.ellipse(_box(centre, label // 9), fill=(18, 18, 20))

    # The sleeve: one band per track, its height from the song, its colour from the moods.
    draw.rectangle((left, top, left + side, top + side), fill=_rgb(h1, 0.5, saturation))
    weights = [0.6 + hue_of(f"band {track}") for track in tracks]
    y = float(top)
    for index, (track, weight) in enumerate(zip(tracks, weights, strict=True)):
        band = side * weight / sum(weights)
        hue = (h0, h1, h2)[index % 3] + (hue_of(f"hue {track}") - 0.5) * 0.06
        lightness = 0.32 + 0.4 * hue_of(f"light {track}")
        inset = round(side * 0.07)
        draw.rectangle(
            (left + inset, round(y) + 2, left + side - inset, round(y + band) - 2),
            fill=_rgb(hue, lightness, saturation),
        )
        y += band
    return image


def draw_monogram(name, kind):
    """An artist's mark without letters: a mirrored 5×5 pattern of dots and squares,
    symmetric like a monogram, in a colour of the name's own."""
    seed = f"{kind}:{name}"
    hue = hue_of(seed)
    width = MONOGRAM_SIZE[0]
    image = Image.new("RGB", MONOGRAM_SIZE, _rgb(hue, 0.2, 0.45))
    draw = ImageDraw.Draw(image)
    rng = random.Random(seed)
    cells = 5
    cell = width // (cells + 2)
    for row in range(cells):
        for column in range((cells + 1) // 2):
            shape = rng.choice(("dot", "square", "ring", None))
            if shape is None:
                continue
            colour = _rgb(hue + rng.choice((0, 0.08, 0.5)), 0.62, 0.55)
            for mirrored in {column, cells - 1 - column}:
                x, y = (mirrored + 1) * cell, (row + 1) * cell
                box = (x + 4, y + 4, x + cell - 4, y + cell - 4)
                if shape == "dot":
                    draw.ellipse(box, fill=colour)
                elif shape == "square":
                    draw.rectangle(box, fill=colour)
                else:
                    draw.ellipse(box, outline=colour, width=cell // 6)
    return image


def _box(centre, radius):
    x, y = centre
    return (x - radius, y - radius, x + radius, y + radius)


# --- Where ---------------------------------------------------------------------------


def drawing_folder(instance, kind):
    """Each row's drawings have a folder of their own ("covers/article-12"), so that what
    it no longer uses can be found and deleted even when the row forgot it (a full save
    of an instance read before the drawing was stored writes its old, empty value)."""
    return f"{kind}/{instance._meta.model_name}-{instance.pk}"


def keep_only(instance, field, wanted, folder):
    """Make `wanted` (Renditions, maybe empty) the drawing `instance` shows in `field`,
    and delete every other file of `folder` once the transaction commits."""
    if wanted != Renditions.from_json(getattr(instance, field)):
        type(instance)._default_manager.filter(pk=instance.pk).update(**{field: wanted.to_json()})
        # Pages and feeds that show the row show its drawing: they are stale now.
        invalidate([object_tag(instance)])
    delete_files_on_commit(_files_in(folder) - wanted.file_names)


def is_stored(renditions, source):
    """`renditions` is the drawing `source` names, and its files are there (a version
    restored from the history may name files deleted since). One storage check, made
    when a row is refreshed, never on a page."""
    largest = renditions.largest_jpeg
    return renditions.source == source and largest is not None and largest.storage_exists()


def _files_in(folder):
    try:
        _, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return set()
    return {f"{folder}/{name}" for name in files}
