import { crc32, deflateSync } from 'node:zlib';

/** An RGB picture being drawn: `width` × `height` pixels, three bytes each, row by row. */
export class RgbCanvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
  }

  /** Paints the pixels of the rectangle [x, x + w) × [y, y + h) that are on the canvas. */
  fillRect(x: number, y: number, w: number, h: number, [r, g, b]: readonly [number, number, number]): void {
    const left = Math.max(0, Math.floor(x));
    const right = Math.min(this.width, Math.floor(x + w));
    for (let row = Math.max(0, Math.floor(y)); row < Math.min(this.height, Math.floor(y + h)); row++) {
      for (let column = left; column < right; column++) {
        const at = (row * this.width + column) * 3;
        this.pixels[at] = r;
        this.pixels[at + 1] = g;
        this.pixels[at + 2] = b;
      }
    }
  }

  /** Paints the disc of radius `radius` around (cx, cy), one row span at a time. */
  fillCircle(cx: number, cy: number, radius: number, colour: readonly [number, number, number]): void {
    for (let dy = -radius; dy <= radius; dy++) {
      const half = Math.floor(Math.sqrt(radius * radius - dy * dy));
      this.fillRect(cx - half, cy + dy, 2 * half + 1, 1, colour);
    }
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The canvas as a PNG file: 8-bit truecolour, no interlace, every row unfiltered, deflated with node:zlib. */
export function encodePng(canvas: RgbCanvas): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(canvas.width, 0);
  header.writeUInt32BE(canvas.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth, colour type (RGB), compression, filter method, interlace
  const rowBytes = canvas.width * 3;
  const scanlines = Buffer.alloc((rowBytes + 1) * canvas.height);
  for (let row = 0; row < canvas.height; row++) {
    // Each scanline starts with its filter type, 0 (none).
    scanlines.set(canvas.pixels.subarray(row * rowBytes, (row + 1) * rowBytes), row * (rowBytes + 1) + 1);
  }
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(scanlines, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
