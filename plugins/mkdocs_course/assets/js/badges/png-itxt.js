// PNG iTXt chunks: how a badge's credential is baked into its PNG (Open Badges 3.0 baking:
// keyword "openbadgecredential", no compression, empty language tag and translated keyword).

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let index = 0; index < 256; index += 1) {
    let value = index;
    for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    table[index] = value >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG uses) of bytes[start, end). */
export function crc32(bytes, start = 0, end = bytes.length) {
  let crc = 0xffffffff;
  for (let i = start; i < end; i += 1) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function latin1Keyword(keyword) {
  // PNG: 1-79 printable Latin-1 characters, no leading, trailing or double spaces.
  if (!/^[\x21-\x7e\xa1-\xff](?:[\x21-\x7e\xa1-\xff]| (?! ))*$/.test(keyword) || keyword.length > 79 || keyword.endsWith(" ")) {
    throw new Error(`"${keyword}" is not a valid PNG keyword`);
  }
  return Uint8Array.from(keyword, (character) => character.charCodeAt(0));
}

/** A complete iTXt chunk (length, type, data, CRC) holding UTF-8 text, uncompressed. */
export function itxtChunk(keyword, text) {
  const key = latin1Keyword(keyword);
  const body = new TextEncoder().encode(text);
  // keyword \0, compression flag 0, compression method 0, language tag "" \0, translated keyword "" \0
  const dataLength = key.length + 5 + body.length;
  const chunk = new Uint8Array(12 + dataLength);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, dataLength);
  chunk.set([0x69, 0x54, 0x58, 0x74], 4); // "iTXt"
  chunk.set(key, 8);
  // The five bytes after the keyword are already zero.
  chunk.set(body, 8 + key.length + 5);
  view.setUint32(8 + dataLength, crc32(chunk, 4, 8 + dataLength));
  return chunk;
}

/** The chunks of a PNG as {type, start, end} (end is past the CRC); throws on a broken file. */
export function pngChunks(png) {
  for (let i = 0; i < 8; i += 1) {
    if (png[i] !== SIGNATURE[i]) throw new Error("not a PNG file");
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > png.length) throw new Error("truncated PNG chunk");
    chunks.push({ type, start: offset, end });
    offset = end;
    if (type === "IEND") return chunks;
  }
  throw new Error("PNG has no IEND chunk");
}

function itxtKeyword(png, chunk) {
  const data = png.subarray(chunk.start + 8, chunk.end - 4);
  const nul = data.indexOf(0);
  return nul < 0 ? null : String.fromCharCode(...data.subarray(0, nul));
}

/** A new PNG with `text` under `keyword` in an iTXt chunk just before IEND (replacing any old one). */
export function bakePng(png, keyword, text) {
  const chunks = pngChunks(png).filter((chunk) => !(chunk.type === "iTXt" && itxtKeyword(png, chunk) === keyword));
  const extra = itxtChunk(keyword, text);
  const kept = chunks.reduce((sum, chunk) => sum + (chunk.end - chunk.start), 0);
  const out = new Uint8Array(8 + kept + extra.length);
  out.set(SIGNATURE, 0);
  let offset = 8;
  for (const chunk of chunks) {
    if (chunk.type === "IEND") {
      out.set(extra, offset);
      offset += extra.length;
    }
    out.set(png.subarray(chunk.start, chunk.end), offset);
    offset += chunk.end - chunk.start;
  }
  return out;
}
