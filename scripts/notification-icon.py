# Writes public/notification-icon.png (128×128, the icon of Lauscher's desktop notifications): a blue rounded square
# with a white ear-like arc and a yellow highlight bar. Standard library only; run `python3 scripts/notification-icon.py`.
import math, struct, zlib

S = 128
def pixel(x, y):
    cx, cy = x + 0.5, y + 0.5
    # rounded square, radius 24
    dx = max(24 - cx, 0, cx - (S - 24)); dy = max(24 - cy, 0, cy - (S - 24))
    if dx * dx + dy * dy > 24 * 24:
        return (0, 0, 0, 0)
    # yellow highlight bar
    if 56 <= cx <= 72 and 44 <= cy <= 84:
        return (255, 240, 106, 255)
    # white arc: a ring around (64, 60) open to the lower left
    r = math.hypot(cx - 64, cy - 60)
    ang = math.degrees(math.atan2(cy - 60, cx - 64))
    if 26 <= r <= 36 and not (90 < ang < 180):
        return (255, 255, 255, 255)
    return (11, 87, 208, 255)

raw = b''.join(b'\x00' + b''.join(bytes(pixel(x, y)) for x in range(S)) for y in range(S))
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', S, S, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
open('public/notification-icon.png', 'wb').write(png)
