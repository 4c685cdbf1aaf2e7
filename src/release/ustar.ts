/** One entry of a tar archive: a folder (path ending in `/`) or a file with its bytes. */
export interface TarEntry {
  path: string;
  data?: Uint8Array;
}

const BLOCK = 512;

/**
 * A POSIX ustar archive of `entries`, in the order given, every entry owned by uid/gid 0 with no
 * user or group name, mode 0644 (files) or 0755 (folders), and the same `mtime` (seconds): the
 * same entries always give the same bytes.
 */
export function ustar(entries: readonly TarEntry[], mtime: number): Buffer {
  const chunks: Buffer[] = [];
  for (const entry of entries) {
    const isDir = entry.path.endsWith("/");
    const data = isDir ? Buffer.alloc(0) : Buffer.from(entry.data ?? new Uint8Array());
    chunks.push(header(entry.path, isDir, data.length, mtime));
    chunks.push(data);
    const rest = data.length % BLOCK;
    if (rest) chunks.push(Buffer.alloc(BLOCK - rest));
  }
  chunks.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(chunks);
}

function header(path: string, isDir: boolean, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const [prefix, name] = splitPath(path);
  block.write(name, 0, 100, "utf8");
  octal(block, 100, 8, isDir ? 0o755 : 0o644);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, size);
  octal(block, 136, 12, mtime);
  block.fill(0x20, 148, 156); // the checksum counts its own field as spaces
  block.write(isDir ? "5" : "0", 156, 1, "ascii");
  block.write("ustar\u000000", 257, 8, "binary");
  block.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\u0000 `, 148, 8, "ascii");
  return block;
}

function octal(block: Buffer, offset: number, length: number, value: number): void {
  const digits = value.toString(8);
  if (digits.length > length - 1) throw new Error(`A tar field of ${length} bytes cannot hold ${value}.`);
  block.write(`${digits.padStart(length - 1, "0")}\u0000`, offset, length, "ascii");
}

/** ustar keeps a path of up to 255 bytes as a prefix (≤ 155) and a name (≤ 100) split at a `/`. */
function splitPath(path: string): [string, string] {
  const bytes = (s: string) => Buffer.byteLength(s, "utf8");
  if (bytes(path) <= 100) return ["", path];
  // A folder's trailing slash belongs to its name; split at an earlier one.
  for (let i = path.lastIndexOf("/", path.length - 2); i > 0; i = path.lastIndexOf("/", i - 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (bytes(name) > 100) break;
    if (bytes(prefix) <= 155) return [prefix, name];
  }
  throw new Error(`The path ${path} is too long for a tar archive (at most 100 bytes of file name and 155 of folders).`);
}
