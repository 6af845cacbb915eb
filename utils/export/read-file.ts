// Reading import files: size first, then the encoding (UTF-8 with or without BOM, UTF-16 LE/BE as Windows
// editors save "Unicode" text), then JSON. Big logs are decoded chunk by chunk from the file's stream, so the page
// never holds the raw bytes and the text at once.

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a file's first bytes announce (BOM), or UTF-16 guessed from NUL bytes around ASCII "{". */
export function sniffEncoding(head: Uint8Array): { encoding: Encoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (head.length >= 2 && head[0] !== 0 && head[1] === 0) return { encoding: 'utf-16le', bom: 0 };
  if (head.length >= 2 && head[0] === 0 && head[1] !== 0) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

export function decodeText(bytes: Uint8Array): string {
  const { encoding, bom } = sniffEncoding(bytes.subarray(0, 4));
  return new TextDecoder(encoding).decode(bytes.subarray(bom));
}

/** JSON.parse that answers `undefined` instead of throwing (a BOM left by a decoder is dropped first). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

export class FileTooBigError extends Error {
  override name = 'FileTooBigError';
}

/** Decodes a Blob/File from its stream, chunk by chunk; refuses more than `maxBytes` before reading anything. */
export async function readTextInChunks(file: Blob, maxBytes: number): Promise<string> {
  if (file.size > maxBytes) throw new FileTooBigError(String(file.size));
  const reader = file.stream().getReader();
  let decoder: TextDecoder | undefined;
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (read > maxBytes) {
      await reader.cancel();
      throw new FileTooBigError(String(read));
    }
    let chunk = value;
    if (!decoder) {
      const { encoding, bom } = sniffEncoding(value.subarray(0, 4));
      decoder = new TextDecoder(encoding);
      chunk = value.subarray(bom);
    }
    parts.push(decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder?.decode() ?? '');
  return parts.join('');
}
