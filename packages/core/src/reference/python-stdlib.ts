/**
 * The standard library's top-level modules (`sys.stdlib_module_names`, Python 3.10–3.13) and the ones a
 * given Python adds or no longer has, for deps-missing-import (as of 2026-08-22). Sources:
 * https://docs.python.org/3/library/sys.html#sys.stdlib_module_names, "What's New" of 3.11–3.13, and
 * PEP 594 (https://peps.python.org/pep-0594/: the "dead batteries" removed in 3.13).
 */
const STDLIB =
  '__future__ _thread abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb ' +
  'binascii binhex bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys ' +
  'compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime ' +
  'dbm decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput ' +
  'fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac ' +
  'html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale ' +
  'logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib ' +
  'nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil ' +
  'platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat ' +
  'queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil ' +
  'signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat ' +
  'statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile ' +
  'termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle ' +
  'turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound ' +
  'wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo';

/** Modules added after 3.10: a Space on an older Python cannot import them. */
const ADDED: Record<string, { minor: number; backport?: string }> = {
  tomllib: { minor: 11, backport: 'tomli' },
};

/** Modules removed (3.11: binhex; 3.12: PEP 632 and the asyncore family; 3.13: PEP 594), with PyPI replacements. */
const REMOVED: Record<string, { minor: number; replacement?: string }> = {
  binhex: { minor: 11 },
  distutils: { minor: 12, replacement: 'setuptools' },
  imp: { minor: 12 },
  asynchat: { minor: 12, replacement: 'pyasynchat' },
  asyncore: { minor: 12, replacement: 'pyasyncore' },
  smtpd: { minor: 12, replacement: 'aiosmtpd' },
  aifc: { minor: 13, replacement: 'standard-aifc' },
  audioop: { minor: 13, replacement: 'audioop-lts' },
  cgi: { minor: 13, replacement: 'legacy-cgi' },
  cgitb: { minor: 13, replacement: 'legacy-cgi' },
  chunk: { minor: 13, replacement: 'standard-chunk' },
  crypt: { minor: 13 },
  imghdr: { minor: 13, replacement: 'standard-imghdr' },
  mailcap: { minor: 13 },
  msilib: { minor: 13 },
  nis: { minor: 13 },
  nntplib: { minor: 13 },
  ossaudiodev: { minor: 13 },
  pipes: { minor: 13, replacement: 'standard-pipes' },
  sndhdr: { minor: 13, replacement: 'standard-sndhdr' },
  spwd: { minor: 13 },
  sunau: { minor: 13, replacement: 'standard-sunau' },
  telnetlib: { minor: 13, replacement: 'standard-telnetlib' },
  uu: { minor: 13, replacement: 'standard-uu' },
  xdrlib: { minor: 13, replacement: 'standard-xdrlib' },
  lib2to3: { minor: 13 },
};

let names: Set<string> | undefined;

export type StdlibStatus =
  | { kind: 'stdlib' }
  | { kind: 'not-stdlib' }
  /** In the standard library of other Pythons, not of this one. */
  | { kind: 'not-in-this-python'; added?: number; removed?: number; replacement?: string };

/** Whether a top-level module is in the standard library of Python 3.`minor`. */
export function stdlibStatus(module: string, minor: number): StdlibStatus {
  names ??= new Set(STDLIB.split(' '));
  if (!names.has(module)) return { kind: 'not-stdlib' };
  const added = ADDED[module];
  if (added && minor < added.minor) return { kind: 'not-in-this-python', added: added.minor, replacement: added.backport };
  const removed = REMOVED[module];
  if (removed && minor >= removed.minor) return { kind: 'not-in-this-python', removed: removed.minor, replacement: removed.replacement };
  return { kind: 'stdlib' };
}
