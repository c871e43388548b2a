/**
 * The parts of `Utilities` and `Blob` the add-on uses to load its report module, as Apps Script
 * documents them: `Utilities.base64Decode(encoded)` returns a `Byte[]` (Java bytes, so JavaScript
 * numbers from −128 to 127), `Utilities.newBlob(data, contentType?, name?)` wraps bytes or a string,
 * `Utilities.ungzip(blob)` returns a blob of the uncompressed data, and `Blob.getDataAsString()`
 * reads the bytes as UTF-8. The messages of the failures are not documented; these say what failed.
 */
import { gunzipSync } from 'node:zlib';
import type { ServiceCalls } from './calls';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Java's signed bytes (−128…127) from unsigned ones. */
const signed = (bytes: Uint8Array): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));

/** Unsigned bytes from Java's signed ones (what a script may pass as `Byte[]`). */
function unsigned(data: readonly number[]): Buffer {
  const out = Buffer.alloc(data.length);
  data.forEach((value, i) => {
    if (!Number.isInteger(value) || value < -128 || value > 255) throw new Error(`Invalid byte at ${i}: ${value}`);
    out[i] = value & 0xff;
  });
  return out;
}

/** An Apps Script `Blob`: bytes with a content type and a name. */
export class EmuBlob {
  constructor(
    private readonly bytes: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  getBytes(): number[] {
    return signed(this.bytes);
  }

  getDataAsString(charset?: string): string {
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) throw new Error(`Unsupported charset: ${charset}`);
    return this.bytes.toString('utf8');
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string): EmuBlob {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): EmuBlob {
    this.name = name;
    return this;
  }

  /** The bytes, for the emulator's own use. */
  raw(): Buffer {
    return this.bytes;
  }
}

/** `Utilities.base64Decode`, `newBlob` and `ungzip`, each recorded as a service call. */
export function blobUtilities(calls: ServiceCalls): Record<string, unknown> {
  return {
    base64Decode: (encoded: string) => {
      calls.record('Utilities.base64Decode');
      const text = String(encoded).replace(/\s+/g, '');
      if (text.length % 4 === 1 || !BASE64.test(text)) throw new Error('Could not decode string.');
      return signed(Buffer.from(text, 'base64'));
    },
    newBlob: (data: string | number[], contentType?: string, name?: string) => {
      calls.record('Utilities.newBlob');
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : unsigned(data);
      return new EmuBlob(bytes, contentType ?? null, name ?? null);
    },
    ungzip: (blob: EmuBlob) => {
      calls.record('Utilities.ungzip');
      if (!(blob instanceof EmuBlob)) throw new Error('Utilities.ungzip needs a Blob.');
      let data: Buffer;
      try {
        data = gunzipSync(blob.raw());
      } catch {
        throw new Error('The blob is not in gzip format.');
      }
      return new EmuBlob(data, null, blob.getName()?.replace(/\.gz$/, '') ?? null);
    },
  };
}
