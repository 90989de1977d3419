import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { readRegularFileSync } from './read-file.js';

/** A cache larger than this is not read (V8's cache of the CLI bundle is ~1.5 MB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Caches kept per folder: each build, Node version and flag set has its own, so old ones are dropped when a new one is written. */
const KEEP_CACHES = 8;

/**
 * Loads a CommonJS bundle as `require` would, through V8's code cache: the first run compiles it and, at
 * exit, stores the bytecode of every function that ran; later runs deserialise that instead of parsing and
 * compiling again (about a third of a one-Space CLI run, bench/RESULTS.md run G). Node ≥ 22.1 does the
 * same for ES modules with `module.enableCompileCache()`; Node 20 can only do it for a script, hence a
 * CommonJS bundle.
 *
 * The cache file holds a copy of the bundle it was made from and is used only when that copy equals the
 * bundle byte for byte (V8 itself checks only the source's length): a rebuilt or reinstalled bundle never
 * runs stale compiled code, and no hash needs node:zlib or node:crypto loaded at every start (~2 ms).
 *
 * `variant` keys the cache besides the file, Node and its command-line flags: it holds the functions the
 * first run of that variant compiled, and V8 rejects a cache made under other V8 flags (`--liftoff-only`
 * set at run time), so each use and flag set gets its own file. The cache lives in the user's
 * cache folder (`$XDG_CACHE_HOME/spacelint`, `~/.cache/spacelint`), is read only from a folder the user owns
 * that nobody else can write (a planted cache would be code), and is written atomically. Every failure
 * falls back to a plain compile: the cache can make a run faster, never break it. `SPACELINT_CODE_CACHE=0`
 * turns it off; `SPACELINT_CODE_CACHE=<folder>` moves it.
 */
export function requireWithCodeCache(file: string, variant: string): unknown {
  const bytes = readFileSync(file);
  // The bundles are minified to ASCII (scripts/script-bundle.mjs): then a Latin-1 copy (0.8 ms for 1.1 MB
  // here) gives the same string as decoding UTF-8 (2.3-3.3 ms).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cacheFile = codeCacheFile(file, variant);
  const cachedData = cacheFile ? readCache(cacheFile, bytes) : undefined;
  // The same wrapper as Node's CommonJS loader, on one line so that line numbers in stacks stay right.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) process.once('exit', () => writeCache(cacheFile, bytes, script));
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** Where the cache of this file (by path), Node and variant is; undefined when caching is off or there is no folder for it. */
function codeCacheFile(file: string, variant: string): string | undefined {
  const setting = process.env.SPACELINT_CODE_CACHE;
  if (setting === '0' || setting === 'false' || setting === 'off') return undefined;
  let folder: string;
  try {
    folder = setting || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'spacelint');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!ownedByUser(folder)) return undefined;
    // Node's own flags (execArgv, e.g. --max-old-space-size) change V8's flags too: V8 would reject a cache
    // made without them. Not node:crypto: loading it costs ~3 ms of every start, and the name needs no
    // secrecy (the folder is the user's).
    const key = hash64([file, variant, process.version, process.arch, ...process.execArgv].join('\0'));
    return join(folder, `v8-${key}.bin`);
  } catch {
    return undefined;
  }
}

/** 64 bits of FNV-1a in two 32-bit lanes (different offsets), as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

let writes = 0;

function ownedByUser(folder: string): boolean {
  if (process.platform === 'win32' || !process.getuid) return true;
  const info = statSync(folder);
  return info.isDirectory() && info.uid === process.getuid() && (info.mode & 0o022) === 0;
}

/** A cache file: this magic, the bundle's length (uint32 LE), the bundle's bytes, then V8's data. */
const MAGIC = Buffer.from('SLC1', 'latin1');
const HEADER_BYTES = MAGIC.length + 4;

/**
 * V8's data from the cache, when it was made from exactly `bundle`: a regular file (a FIFO or device in
 * its place is refused, not waited on), within the size bound.
 */
function readCache(cacheFile: string, bundle: Buffer): Buffer | undefined {
  const read = readRegularFileSync(cacheFile, MAX_CACHE_BYTES + bundle.length);
  if (!read.ok || read.bytes.length < HEADER_BYTES + bundle.length) return undefined;
  const cache = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  if (!cache.subarray(0, MAGIC.length).equals(MAGIC) || cache.readUInt32LE(MAGIC.length) !== bundle.length) return undefined;
  const end = HEADER_BYTES + bundle.length;
  return cache.subarray(HEADER_BYTES, end).equals(bundle) ? cache.subarray(end) : undefined;
}

/** At exit, so the cache holds the functions this run compiled lazily too; atomic, so a concurrent reader sees a whole file or none. */
function writeCache(cacheFile: string, bundle: Buffer, script: Script): void {
  // Unique per process and write; `wx` makes a clash fail (then no cache is written), never overwrite.
  const tmp = `${cacheFile}.${process.pid}-${Date.now().toString(36)}-${writes++}.tmp`;
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header);
    header.writeUInt32LE(bundle.length, MAGIC.length);
    writeFileSync(tmp, Buffer.concat([header, bundle, script.createCachedData()]), { flag: 'wx', mode: 0o600 });
    renameSync(tmp, cacheFile);
    dropOldCaches(dirname(cacheFile));
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

function dropOldCaches(folder: string): void {
  const caches = readdirSync(folder)
    // 24 digits: the name of the format before this one (its files are dropped here in time).
    .filter((name) => /^v8-(?:[0-9a-f]{16}|[0-9a-f]{24})\.bin$/.test(name))
    .map((name) => ({ path: join(folder, name), mtime: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of caches.slice(KEEP_CACHES)) unlinkSync(old.path);
}
