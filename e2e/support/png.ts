import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG whose pixels `color(x, y)` gives: test pictures without an image library. */
export function png(width: number, height: number, color: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = color(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A street-ish scene: sky, road, two "cars" and a pedestrian, so screenshots show something to label. */
export function streetPicture(width = 800, height = 600): Buffer {
  const inRect = (x: number, y: number, l: number, t: number, w: number, h: number) => x >= l && x < l + w && y >= t && y < t + h;
  return png(width, height, (x, y) => {
    if (inRect(x, y, 100, 100, 200, 150)) return [200, 40, 40];
    if (inRect(x, y, 400, 300, 150, 120)) return [40, 80, 200];
    if (inRect(x, y, 620, 200, 40, 110)) return [240, 200, 60];
    if (y > height * 0.72) return [70, 70, 74];
    const t = y / height;
    return [Math.round(140 + 90 * t), Math.round(180 + 60 * t), 235];
  });
}
