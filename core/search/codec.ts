/**
 * Compact binary pieces of the serialized index: unsigned LEB128 varints, base64 in the JSON.
 * Postings are mostly small deltas, so a varint stream is several times smaller than JSON numbers.
 */

/** A Uint32Array that grows as values are pushed (postings are built without knowing their count). */
export class GrowableUint32 {
  private data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i] ?? 0;
  }

  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export class VarintWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;

  write(value: number): void {
    let v = value >>> 0;
    if (this.length + 5 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2 + 5);
      bigger.set(this.bytes.subarray(0, this.length));
      this.bytes = bigger;
    }
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  toBase64(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('base64');
  }
}

export class VarintReader {
  private readonly bytes: Uint8Array;
  private pos = 0;

  constructor(base64: string) {
    this.bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  }

  read(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.pos++];
      if (byte === undefined) throw new Error('search index: truncated varint stream');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }
}

/** Ascending values as gaps: postings and reference lists. */
export function encodeAscending(values: ArrayLike<number>): string {
  const writer = new VarintWriter();
  writer.write(values.length);
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    writer.write(v - previous);
    previous = v;
  }
  return writer.toBase64();
}

export function decodeAscending(base64: string): Uint32Array {
  const reader = new VarintReader(base64);
  const values = new Uint32Array(reader.read());
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    previous += reader.read();
    values[i] = previous;
  }
  return values;
}

export function encodeValues(values: ArrayLike<number>): string {
  const writer = new VarintWriter();
  writer.write(values.length);
  for (let i = 0; i < values.length; i++) writer.write(values[i] ?? 0);
  return writer.toBase64();
}

export function decodeValues(base64: string): Uint32Array {
  const reader = new VarintReader(base64);
  const values = new Uint32Array(reader.read());
  for (let i = 0; i < values.length; i++) values[i] = reader.read();
  return values;
}
