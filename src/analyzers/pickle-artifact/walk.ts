import { OPCODES, PROTO, type ArgumentLayout, type Opcode } from './opcodes.js';

/** A callable or class the pickle imports, by its first import. */
export interface ImportedGlobal {
  module: string;
  name: string;
  /** Byte offset of the first opcode importing it. */
  offset: number;
  opcode: string;
  /** Called (REDUCE, NEWOBJ, OBJ, INST) or mutated by BUILD somewhere in the stream. */
  invoked: boolean;
}

export interface PickleWalk {
  globals: ImportedGlobal[];
  /** Highest protocol announced by a PROTO opcode (0 when none). */
  protocol: number;
  /** Why the walk stopped early (truncation, an unknown opcode); globals up to there are still listed. */
  problem?: string;
}

/** Joblib writes numpy array bytes into the stream right after BUILDing this wrapper. */
const INLINE_ARRAY_WRAPPERS = new Set(['joblib.numpy_pickle.NumpyArrayWrapper', 'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper']);

/**
 * What the unpickler's stack would hold, as far as imports matter: text (the operands of
 * STACK_GLOBAL), an imported global, an object made by calling one, or anything else.
 */
type Value = { text: string } | { global: string } | { instanceOf: string } | typeof OPAQUE;
const OPAQUE = Symbol('opaque');

class Malformed extends Error {}

/**
 * Walks a pickle's opcodes without unpickling, as pickletools.genops does, simulating just enough
 * of the stack to name what STACK_GLOBAL imports and which imports get called. Consecutive
 * pickles in one file (repeated pickle.dump) are walked one after another. Never throws.
 */
export function walkPickle(bytes: Uint8Array): PickleWalk {
  const walker = new Walker(bytes);
  try {
    walker.walk();
  } catch (err) {
    if (!(err instanceof Malformed)) throw err;
    return { ...walker.result(), problem: err.message };
  }
  return walker.result();
}

class Walker {
  private pos = 0;
  private protocol = 0;
  private readonly globals = new Map<string, ImportedGlobal>();
  private stack: Value[] = [];
  private marks: Value[][] = [];
  private memo = new Map<number, Value>();

  constructor(private readonly bytes: Uint8Array) {}

  result(): PickleWalk {
    return { globals: [...this.globals.values()], protocol: this.protocol };
  }

  walk(): void {
    if (this.bytes.length === 0) throw new Malformed('empty file, not a pickle');
    for (;;) {
      const stopped = this.walkOne();
      if (stopped >= this.bytes.length) return;
      // Another pickle may follow (files written by repeated pickle.dump); pickles of protocol 2+
      // start with PROTO. Anything else after STOP is not something pickle.load reads.
      if (this.bytes[stopped] !== PROTO) {
        throw new Malformed(`${this.bytes.length - stopped} bytes after the pickle's STOP at offset ${stopped - 1} are not a pickle and were not checked`);
      }
      this.stack = [];
      this.marks = [];
      this.memo = new Map();
    }
  }

  /** Walks one pickle up to and including STOP; returns the offset after it. */
  private walkOne(): number {
    for (;;) {
      const offset = this.pos;
      const code = this.byte();
      const op = OPCODES.get(code);
      if (!op) throw new Malformed(`unknown opcode 0x${code.toString(16).padStart(2, '0')} at offset ${offset}; the unpickler would fail here`);
      const arg = this.argument(op.arg, offset);
      if (op.effect.kind === 'stop') return this.pos;
      this.apply(op, arg, offset);
    }
  }

  private apply(op: Opcode, arg: Argument, offset: number): void {
    const effect = op.effect;
    switch (effect.kind) {
      case 'nothing':
        if (op.name === 'PROTO' && typeof arg === 'number') this.protocol = Math.max(this.protocol, arg);
        return;
      case 'push':
        this.stack.push(OPAQUE);
        return;
      case 'pushText':
        this.stack.push({ text: textArgument(op.name, arg) });
        return;
      case 'mark':
        this.marks.push(this.stack);
        this.stack = [];
        return;
      case 'pop':
        this.popN(effect.count);
        return;
      case 'popMark':
        this.popMark();
        return;
      case 'popMarkPush':
        this.popMark();
        this.stack.push(OPAQUE);
        return;
      case 'replace':
        this.popN(effect.count);
        this.stack.push(OPAQUE);
        return;
      case 'dup':
        this.stack.push(this.stack.at(-1) ?? OPAQUE);
        return;
      case 'call':
        this.stack.push(this.invoke(this.popN(effect.count)[0]));
        return;
      case 'callMarked':
        this.stack.push(this.invoke(this.popMark()[0]));
        return;
      case 'build':
        return this.build(offset);
      case 'global': {
        const [module, name] = arg as string[];
        this.stack.push(this.imported(module!, name!, offset, op.name));
        return;
      }
      case 'stackGlobal': {
        const [module, name] = this.popN(2);
        this.stack.push(this.imported(textOf(module), textOf(name), offset, op.name));
        return;
      }
      case 'inst': {
        const [module, name] = arg as string[];
        this.popMark();
        this.stack.push(this.invoke(this.imported(module!, name!, offset, op.name)));
        return;
      }
      case 'extension':
        // The copyreg extension registry maps the code to a global only the loading process knows.
        this.stack.push(this.imported('<copyreg extension>', String(arg), offset, op.name));
        return;
      case 'get':
        this.stack.push(this.memo.get(Number(arg)) ?? OPAQUE);
        return;
      case 'put':
        this.memo.set(Number(arg), this.stack.at(-1) ?? OPAQUE);
        return;
      case 'memoize':
        this.memo.set(this.memo.size, this.stack.at(-1) ?? OPAQUE);
        return;
      case 'stop':
        return;
    }
  }

  private build(offset: number): void {
    this.popN(1);
    const target = this.stack.at(-1);
    if (target === undefined || target === OPAQUE) return;
    if ('global' in target) {
      // BUILD on an imported class or module object rewrites its attributes.
      this.markInvoked(target.global);
    } else if ('instanceOf' in target && INLINE_ARRAY_WRAPPERS.has(target.instanceOf)) {
      throw new Malformed(`joblib stores raw numpy array bytes after offset ${offset}; opcodes after that were not checked`);
    }
  }

  private imported(module: string, name: string, offset: number, opcode: string): Value {
    const key = `${module}.${name}`;
    if (!this.globals.has(key)) this.globals.set(key, { module, name, offset, opcode, invoked: false });
    return { global: key };
  }

  private invoke(callee: Value | undefined): Value {
    if (callee === undefined || callee === OPAQUE || !('global' in callee)) return OPAQUE;
    this.markInvoked(callee.global);
    return { instanceOf: callee.global };
  }

  private markInvoked(key: string): void {
    const global = this.globals.get(key);
    if (global) global.invoked = true;
  }

  /**
   * Pops `count` values, oldest first. The real unpickler fails on an empty stack; this walker
   * fills in opaque values instead so that a crafted stream cannot hide the imports after it.
   */
  private popN(count: number): Value[] {
    const popped = this.stack.splice(Math.max(0, this.stack.length - count));
    while (popped.length < count) popped.unshift(OPAQUE);
    return popped;
  }

  private popMark(): Value[] {
    const items = this.stack;
    this.stack = this.marks.pop() ?? [];
    return items;
  }

  private byte(): number {
    if (this.pos >= this.bytes.length) throw new Malformed(`truncated pickle: ends at offset ${this.pos} before STOP`);
    return this.bytes[this.pos++]!;
  }

  private take(length: number, offset: number): Uint8Array {
    if (length > this.bytes.length - this.pos) {
      throw new Malformed(`truncated pickle: the argument of the opcode at offset ${offset} runs past the end of the file`);
    }
    const chunk = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return chunk;
  }

  private argument(layout: ArgumentLayout, offset: number): Argument {
    switch (layout.kind) {
      case 'none':
        return undefined;
      case 'fixed':
        return littleEndian(this.take(layout.bytes, offset));
      case 'counted':
        return this.take(littleEndian(this.take(layout.lengthBytes, offset)), offset);
      case 'lines': {
        const lines: string[] = [];
        for (let i = 0; i < layout.lines; i++) lines.push(this.line(offset));
        return layout.lines === 1 ? lines[0] : lines;
      }
    }
  }

  private line(offset: number): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end === -1) throw new Malformed(`truncated pickle: the text argument of the opcode at offset ${offset} has no end of line`);
    const text = new TextDecoder('latin1').decode(this.bytes.subarray(this.pos, end));
    this.pos = end + 1;
    return text;
  }
}

/** Counted arguments stay bytes: most are data blobs, and only text operands get decoded. */
type Argument = undefined | number | string | string[] | Uint8Array;

/** An unsigned little-endian integer; 8-byte values beyond 2^53 come out huge, which `take` rejects. */
function littleEndian(bytes: Uint8Array): number {
  let value = 0;
  for (let i = bytes.length - 1; i >= 0; i--) value = value * 256 + bytes[i]!;
  return value;
}

function textArgument(opcode: string, arg: Argument): string {
  if (arg instanceof Uint8Array) return new TextDecoder('utf-8').decode(arg);
  const text = typeof arg === 'string' ? arg : '';
  // Protocol 0 STRING arguments carry Python's quotes ('os').
  return opcode === 'STRING' && /^(['"]).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

/** A STACK_GLOBAL operand the walker could not trace to text is named as such, never allowed. */
function textOf(value: Value | undefined): string {
  return value !== undefined && value !== OPAQUE && 'text' in value ? value.text : '<computed>';
}
