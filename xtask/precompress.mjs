// Writes a brotli (.br) and a gzip (.gz) copy beside each text and WebAssembly file of a
// build folder, at the highest levels, so a server can send them without compressing on
// each request. Usage: node xtask/precompress.mjs dist
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.svg', '.json']);

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node xtask/precompress.mjs <folder>');
  process.exit(2);
}

for (const name of fs.readdirSync(folder)) {
  const file = path.join(folder, name);
  if (!fs.statSync(file).isFile() || !COMPRESSIBLE.has(path.extname(name))) {
    continue;
  }
  const raw = fs.readFileSync(file);
  const copies = [
    ['.br', zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    })],
    ['.gz', zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION })],
  ];
  for (const [suffix, compressed] of copies) {
    // A copy that is not smaller is not worth sending; a stale one must not stay.
    fs.rmSync(file + suffix, { force: true });
    if (compressed.length < raw.length) {
      fs.writeFileSync(file + suffix, compressed);
    }
  }
}
