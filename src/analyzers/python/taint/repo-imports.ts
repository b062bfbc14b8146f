import { SANITIZERS, VALIDATING_BASES, VALIDATING_CALLS } from './sanitizers.js';
import { SINKS } from './sinks.js';
import { SOURCES } from './sources.js';

/** Top-level modules of the Python standard library (`sys.stdlib_module_names`, 3.11, public ones). */
const STDLIB: readonly string[] = [
  '__future__', 'abc', 'aifc', 'antigravity', 'argparse', 'array', 'ast', 'asynchat', 'asyncio',
  'asyncore', 'atexit', 'audioop', 'base64', 'bdb', 'binascii', 'bisect', 'builtins', 'bz2',
  'cProfile', 'calendar', 'cgi', 'cgitb', 'chunk', 'cmath', 'cmd', 'code', 'codecs', 'codeop',
  'collections', 'colorsys', 'compileall', 'concurrent', 'configparser', 'contextlib', 'contextvars',
  'copy', 'copyreg', 'crypt', 'csv', 'ctypes', 'curses', 'dataclasses', 'datetime', 'dbm', 'decimal',
  'difflib', 'dis', 'distutils', 'doctest', 'email', 'encodings', 'ensurepip', 'enum', 'errno',
  'faulthandler', 'fcntl', 'filecmp', 'fileinput', 'fnmatch', 'fractions', 'ftplib', 'functools',
  'gc', 'genericpath', 'getopt', 'getpass', 'gettext', 'glob', 'graphlib', 'grp', 'gzip', 'hashlib',
  'heapq', 'hmac', 'html', 'http', 'idlelib', 'imaplib', 'imghdr', 'imp', 'importlib', 'inspect',
  'io', 'ipaddress', 'itertools', 'json', 'keyword', 'lib2to3', 'linecache', 'locale', 'logging',
  'lzma', 'mailbox', 'mailcap', 'marshal', 'math', 'mimetypes', 'mmap', 'modulefinder', 'msilib',
  'msvcrt', 'multiprocessing', 'netrc', 'nis', 'nntplib', 'nt', 'ntpath', 'nturl2path', 'numbers',
  'opcode', 'operator', 'optparse', 'os', 'ossaudiodev', 'pathlib', 'pdb', 'pickle', 'pickletools',
  'pipes', 'pkgutil', 'platform', 'plistlib', 'poplib', 'posix', 'posixpath', 'pprint', 'profile',
  'pstats', 'pty', 'pwd', 'py_compile', 'pyclbr', 'pydoc', 'pydoc_data', 'pyexpat', 'queue',
  'quopri', 'random', 're', 'readline', 'reprlib', 'resource', 'rlcompleter', 'runpy', 'sched',
  'secrets', 'select', 'selectors', 'shelve', 'shlex', 'shutil', 'signal', 'site', 'smtpd',
  'smtplib', 'sndhdr', 'socket', 'socketserver', 'spwd', 'sqlite3', 'sre_compile', 'sre_constants',
  'sre_parse', 'ssl', 'stat', 'statistics', 'string', 'stringprep', 'struct', 'subprocess', 'sunau',
  'symtable', 'sys', 'sysconfig', 'syslog', 'tabnanny', 'tarfile', 'telnetlib', 'tempfile',
  'termios', 'textwrap', 'this', 'threading', 'time', 'timeit', 'tkinter', 'token', 'tokenize',
  'tomllib', 'trace', 'traceback', 'tracemalloc', 'tty', 'turtle', 'turtledemo', 'types', 'typing',
  'unicodedata', 'unittest', 'urllib', 'uu', 'uuid', 'venv', 'warnings', 'wave', 'weakref',
  'webbrowser', 'winreg', 'winsound', 'wsgiref', 'xdrlib', 'xml', 'xmlrpc', 'zipapp', 'zipfile',
  'zipimport', 'zlib', 'zoneinfo',
];

/** Libraries pipelines use that the taint tables do not name. */
const COMMON_LIBRARIES = ['numpy', 'pyspark', 'sklearn', 'scipy', 'torch', 'tensorflow', 'boto3', 'botocore', 'google', 'azure', 'yaml', 'typing_extensions'];

/**
 * Roots of modules that are certainly not the repository's own: the standard library, every
 * library the source, sink and sanitizer tables model, and a few more. A call of a function
 * imported from anything else may land in a module of the repository, whose summary the project
 * step reads.
 */
const LIBRARY_ROOTS: ReadonlySet<string> = new Set([
  ...STDLIB,
  ...COMMON_LIBRARIES,
  ...[...SOURCES, ...SINKS, ...SANITIZERS].flatMap((spec) => [...(spec.names ?? []), ...(spec.under ?? [])]),
  ...SOURCES.flatMap((spec) => spec.values ?? []),
  ...VALIDATING_BASES,
  ...VALIDATING_CALLS,
].map(rootOf));

export function rootOf(name: string): string {
  const end = name.search(/[.(]/);
  return end < 0 ? name : name.slice(0, end);
}

/**
 * Whether a resolved callee may be a function of another module of the repository: it is
 * imported relatively (`.loaders.fetch`), or from a module that is no known library.
 */
export function mayBeRepoFunction(name: string, importRoots: ReadonlySet<string>): boolean {
  if (name.startsWith('.')) return true;
  const root = rootOf(name);
  return importRoots.has(root) && !LIBRARY_ROOTS.has(root);
}

/** Roots of the modules an import map's names come from. */
export function importRootsOf(imports: Map<string, string>): Set<string> {
  return new Set([...imports.values()].map(rootOf));
}
