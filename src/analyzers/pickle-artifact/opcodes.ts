/**
 * The pickle opcodes of protocols 0–5 (CPython's Lib/pickletools.py documents each), reduced to
 * what a walker needs: how the argument after the opcode byte is encoded, and how the opcode
 * changes the unpickler's stack. Nothing here executes or reconstructs anything.
 */

/** How an opcode's inline argument is laid out in the stream. */
export type ArgumentLayout =
  | { kind: 'none' }
  /** Fixed-size little-endian integer or float. */
  | { kind: 'fixed'; bytes: 1 | 2 | 4 | 8 }
  /** A length (1, 4 or 8 bytes, little-endian) followed by that many bytes. */
  | { kind: 'counted'; lengthBytes: 1 | 4 | 8 }
  /** Text up to a newline (protocol 0): `lines` newline-terminated fields. */
  | { kind: 'lines'; lines: 1 | 2 };

/**
 * What the opcode does to the stack, as far as finding imported callables needs:
 * - push: pushes one opaque value; pushText pushes its (text) argument;
 * - pop: pops `count`; popMark: pops through the topmost MARK;
 * - reduce: pops `count` items, the first of which is called, and pushes the result;
 * - build: pops the state and applies it to the object below (setstate or attribute writes);
 * - the others are their own opcodes' specific effects.
 */
export type StackEffect =
  | { kind: 'nothing' }
  | { kind: 'stop' }
  | { kind: 'push' }
  | { kind: 'pushText' }
  | { kind: 'mark' }
  | { kind: 'pop'; count: number }
  | { kind: 'popMark' }
  | { kind: 'popMarkPush' }
  | { kind: 'replace'; count: number }
  | { kind: 'dup' }
  | { kind: 'call'; count: number }
  | { kind: 'callMarked' }
  | { kind: 'build' }
  | { kind: 'global' }
  | { kind: 'stackGlobal' }
  | { kind: 'inst' }
  | { kind: 'extension' }
  | { kind: 'get' }
  | { kind: 'put' }
  | { kind: 'memoize' };

export interface Opcode {
  name: string;
  arg: ArgumentLayout;
  effect: StackEffect;
}

const NONE = { kind: 'none' } as const;
const LINE = { kind: 'lines', lines: 1 } as const;
const fixed = (bytes: 1 | 2 | 4 | 8) => ({ kind: 'fixed', bytes }) as const;
const counted = (lengthBytes: 1 | 4 | 8) => ({ kind: 'counted', lengthBytes }) as const;
const PUSH = { kind: 'push' } as const;
const TEXT = { kind: 'pushText' } as const;
const NOTHING = { kind: 'nothing' } as const;

const TABLE: [string, string, ArgumentLayout, StackEffect][] = [
  // Protocol 0 and 1.
  ['(', 'MARK', NONE, { kind: 'mark' }],
  ['.', 'STOP', NONE, { kind: 'stop' }],
  ['0', 'POP', NONE, { kind: 'pop', count: 1 }],
  ['1', 'POP_MARK', NONE, { kind: 'popMark' }],
  ['2', 'DUP', NONE, { kind: 'dup' }],
  ['F', 'FLOAT', LINE, PUSH],
  ['I', 'INT', LINE, PUSH],
  ['J', 'BININT', fixed(4), PUSH],
  ['K', 'BININT1', fixed(1), PUSH],
  ['L', 'LONG', LINE, PUSH],
  ['M', 'BININT2', fixed(2), PUSH],
  ['N', 'NONE', NONE, PUSH],
  ['P', 'PERSID', LINE, PUSH],
  ['Q', 'BINPERSID', NONE, { kind: 'replace', count: 1 }],
  ['R', 'REDUCE', NONE, { kind: 'call', count: 2 }],
  ['S', 'STRING', LINE, TEXT],
  ['T', 'BINSTRING', counted(4), TEXT],
  ['U', 'SHORT_BINSTRING', counted(1), TEXT],
  ['V', 'UNICODE', LINE, TEXT],
  ['X', 'BINUNICODE', counted(4), TEXT],
  ['a', 'APPEND', NONE, { kind: 'pop', count: 1 }],
  ['b', 'BUILD', NONE, { kind: 'build' }],
  ['c', 'GLOBAL', { kind: 'lines', lines: 2 }, { kind: 'global' }],
  ['d', 'DICT', NONE, { kind: 'popMarkPush' }],
  ['}', 'EMPTY_DICT', NONE, PUSH],
  ['e', 'APPENDS', NONE, { kind: 'popMark' }],
  ['g', 'GET', LINE, { kind: 'get' }],
  ['h', 'BINGET', fixed(1), { kind: 'get' }],
  ['i', 'INST', { kind: 'lines', lines: 2 }, { kind: 'inst' }],
  ['j', 'LONG_BINGET', fixed(4), { kind: 'get' }],
  ['l', 'LIST', NONE, { kind: 'popMarkPush' }],
  [']', 'EMPTY_LIST', NONE, PUSH],
  ['o', 'OBJ', NONE, { kind: 'callMarked' }],
  ['p', 'PUT', LINE, { kind: 'put' }],
  ['q', 'BINPUT', fixed(1), { kind: 'put' }],
  ['r', 'LONG_BINPUT', fixed(4), { kind: 'put' }],
  ['s', 'SETITEM', NONE, { kind: 'pop', count: 2 }],
  ['t', 'TUPLE', NONE, { kind: 'popMarkPush' }],
  [')', 'EMPTY_TUPLE', NONE, PUSH],
  ['u', 'SETITEMS', NONE, { kind: 'popMark' }],
  ['G', 'BINFLOAT', fixed(8), PUSH],
  // Protocol 2.
  ['\x80', 'PROTO', fixed(1), NOTHING],
  ['\x81', 'NEWOBJ', NONE, { kind: 'call', count: 2 }],
  ['\x82', 'EXT1', fixed(1), { kind: 'extension' }],
  ['\x83', 'EXT2', fixed(2), { kind: 'extension' }],
  ['\x84', 'EXT4', fixed(4), { kind: 'extension' }],
  ['\x85', 'TUPLE1', NONE, { kind: 'replace', count: 1 }],
  ['\x86', 'TUPLE2', NONE, { kind: 'replace', count: 2 }],
  ['\x87', 'TUPLE3', NONE, { kind: 'replace', count: 3 }],
  ['\x88', 'NEWTRUE', NONE, PUSH],
  ['\x89', 'NEWFALSE', NONE, PUSH],
  ['\x8a', 'LONG1', counted(1), PUSH],
  ['\x8b', 'LONG4', counted(4), PUSH],
  // Protocol 3.
  ['B', 'BINBYTES', counted(4), PUSH],
  ['C', 'SHORT_BINBYTES', counted(1), PUSH],
  // Protocol 4.
  ['\x8c', 'SHORT_BINUNICODE', counted(1), TEXT],
  ['\x8d', 'BINUNICODE8', counted(8), TEXT],
  ['\x8e', 'BINBYTES8', counted(8), PUSH],
  ['\x8f', 'EMPTY_SET', NONE, PUSH],
  ['\x90', 'ADDITEMS', NONE, { kind: 'popMark' }],
  ['\x91', 'FROZENSET', NONE, { kind: 'popMarkPush' }],
  ['\x92', 'NEWOBJ_EX', NONE, { kind: 'call', count: 3 }],
  ['\x93', 'STACK_GLOBAL', NONE, { kind: 'stackGlobal' }],
  ['\x94', 'MEMOIZE', NONE, { kind: 'memoize' }],
  ['\x95', 'FRAME', fixed(8), NOTHING],
  // Protocol 5.
  ['\x96', 'BYTEARRAY8', counted(8), PUSH],
  ['\x97', 'NEXT_BUFFER', NONE, PUSH],
  ['\x98', 'READONLY_BUFFER', NONE, { kind: 'replace', count: 1 }],
];

/** Opcodes by their byte. */
export const OPCODES: ReadonlyMap<number, Opcode> = new Map(
  TABLE.map(([code, name, arg, effect]) => [code.charCodeAt(0), { name, arg, effect }]),
);

export const PROTO = 0x80;
