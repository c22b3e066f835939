"""Flat illustrations drawn with Pillow for the demo content: made here, nothing downloaded.

Each motif is a small drawing function on a 1600×900 canvas in the site's palette; the same
name always gives the same picture.
"""

import random
from io import BytesIO

from PIL import Image, ImageDraw

W, H = 1600, 900
BRAND, DARK, SOFT, ACCENT, INK = "#00614a", "#00402f", "#eef4f1", "#ffcf4d", "#1b1b1b"
SKIN = ["#f1c9a5", "#d9a47a", "#a8714b", "#7a4b2a", "#f5d7bd"]
SHIRTS = ["#00614a", "#2f7fb8", "#c4553a", "#6b4c9a", "#e0a000", "#3d8b5a"]


def _person(draw, x, y, scale, rng):
    """A seated figure seen from the front: head and shoulders."""
    skin, shirt = rng.choice(SKIN), rng.choice(SHIRTS)
    r = 34 * scale
    draw.rounded_rectangle(
        (x - 62 * scale, y + 30 * scale, x + 62 * scale, y + 170 * scale), 50 * scale, fill=shirt
    )
    draw.ellipse((x - r, y - r - 20 * scale, x + r, y + r - 20 * scale), fill=skin)


def _bubble(draw, x, y, w, h, fill, tail="left"):
    draw.rounded_rectangle((x, y, x + w, y + h), 28, fill=fill)
    tx = x + 50 if tail == "left" else x + w - 90
    draw.polygon([(tx, y + h - 2), (tx + 40, y + h - 2), (tx + 5, y + h + 45)], fill=fill)
    for i in range(3):
        draw.rounded_rectangle(
            (x + 30, y + 30 + i * 34, x + w - 30 - i * 60, y + 46 + i * 34), 8, fill="#ffffff"
        )


def round_table(draw, rng):
    draw.ellipse((420, 520, 1180, 860), fill=DARK)
    for i, x in enumerate(range(360, 1300, 190)):
        _person(draw, x, 380 + (i % 2) * 30, 1.1, rng)
    draw.ellipse((470, 560, 1130, 820), fill=BRAND)
    for x in (620, 800, 980):
        draw.rectangle((x - 50, 650, x + 50, 720), fill="#ffffff")
    _bubble(draw, 120, 80, 360, 200, ACCENT)
    _bubble(draw, 1120, 60, 380, 210, "#ffffff", tail="right")


def conversation(draw, rng):
    _bubble(draw, 160, 120, 560, 260, BRAND)
    _bubble(draw, 860, 300, 560, 260, ACCENT, tail="right")
    _person(draw, 330, 600, 1.3, rng)
    _person(draw, 1250, 640, 1.3, rng)


def network_map(draw, rng):
    points = [(rng.randint(180, 1420), rng.randint(150, 780)) for _ in range(13)]
    for i, a in enumerate(points):
        for b in points[i + 1 : i + 3]:
            draw.line([a, b], fill=BRAND, width=8)
    for x, y in points:
        draw.ellipse((x - 34, y - 34, x + 34, y + 34), fill=ACCENT, outline=DARK, width=8)


def calendar(draw, rng):
    draw.rounded_rectangle((420, 140, 1180, 800), 40, fill="#ffffff", outline=DARK, width=12)
    draw.rounded_rectangle((420, 140, 1180, 290), 40, fill=BRAND)
    for col in range(5):
        for row in range(3):
            x, y = 480 + col * 138, 340 + row * 140
            fill = ACCENT if (col, row) == (2, 1) else SOFT
            draw.rounded_rectangle((x, y, x + 110, y + 110), 16, fill=fill)
    for x in (560, 1040):
        draw.rounded_rectangle((x - 20, 90, x + 20, 200), 16, fill=DARK)


def voting(draw, rng):
    for i, x in enumerate(range(220, 1500, 230)):
        _person(draw, x, 520, 1.0, rng)
        if i % 2 == 0:
            draw.rounded_rectangle((x + 40, 220, x + 80, 520), 20, fill=rng.choice(SKIN))
    draw.rounded_rectangle((600, 80, 1000, 260), 24, fill=BRAND)
    draw.line([(700, 170), (770, 230), (900, 110)], fill="#ffffff", width=26, joint="curve")


def funding(draw, rng):
    base = 780
    for i, height in enumerate((220, 340, 460, 580)):
        x = 300 + i * 260
        draw.rounded_rectangle((x, base - height, x + 170, base), 20, fill=BRAND)
    for i in range(6):
        y = base - 40 - i * 46
        draw.ellipse((1300, y, 1480, y + 60), fill=ACCENT, outline=DARK, width=8)
    draw.rectangle((200, base, 1520, base + 16), fill=DARK)


def town(draw, rng):
    draw.rectangle((0, 700, W, H), fill=BRAND)
    x = 80
    while x < W - 120:
        w, h = rng.randint(150, 260), rng.randint(220, 460)
        draw.rectangle((x, 700 - h, x + w, 700), fill=rng.choice(["#ffffff", SOFT, ACCENT]))
        draw.polygon([(x - 10, 700 - h), (x + w / 2, 600 - h), (x + w + 10, 700 - h)], fill=DARK)
        for wy in range(700 - h + 40, 660, 90):
            for wx in range(int(x) + 25, int(x + w) - 40, 70):
                draw.rectangle((wx, wy, wx + 36, wy + 46), fill="#2f7fb8")
        x += w + 40


def news(draw, rng):
    draw.rounded_rectangle((360, 110, 1240, 820), 30, fill="#ffffff", outline=DARK, width=12)
    draw.rectangle((420, 170, 1180, 260), fill=BRAND)
    draw.rectangle((420, 300, 760, 560), fill=ACCENT)
    for y in range(300, 760, 56):
        draw.rounded_rectangle((800 if y < 580 else 420, y, 1180, y + 24), 10, fill=SOFT)


MOTIFS = {
    "round-table": round_table,
    "conversation": conversation,
    "network": network_map,
    "calendar": calendar,
    "voting": voting,
    "funding": funding,
    "town": town,
    "news": news,
}


def illustration_png(motif):
    """PNG bytes of one motif; deterministic for a given name."""
    rng = random.Random(motif)
    image = Image.new("RGB", (W, H), SOFT)
    draw = ImageDraw.Draw(image)
    draw.ellipse((-300, -400, 700, 500), fill="#e1ece7")
    draw.ellipse((1100, 500, 2000, 1300), fill="#e1ece7")
    MOTIFS[motif](draw, rng)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
