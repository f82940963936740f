"""Image helpers for the thumbnailer (Pillow is vendored next to this file)."""

import io

from PIL import Image, ImageOps


def square_thumbnail(source, size):
    """A size x size JPEG, cropped to the centre, the right way up."""
    with Image.open(source) as image:
        image = ImageOps.exif_transpose(image)  # phones store rotation in EXIF
        thumb = ImageOps.fit(image.convert("RGB"), (size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    thumb.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()
