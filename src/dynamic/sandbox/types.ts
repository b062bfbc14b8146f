/** A file placed in the sandbox's fresh working directory before the run. */
export interface SandboxFile {
  /** Relative to the working directory, forward slashes. */
  path: string;
  /** The bytes to write; or `source`, an absolute file or directory copied in. */
  content?: string | Buffer;
  source?: string;
}

/** What to run, with which inputs and under which limits. */
export interface SandboxSpec {
  /**
   * A shell command line (run by `sh -c`) or an argv. `{input}`, `{output}` and `{workdir}` are
   * replaced with absolute paths inside the sandbox (quoted for the shell in the string form).
   */
  command: string | string[];
  files?: SandboxFile[];
  /** Relative path of the input among `files`; what `{input}` stands for. */
  input?: string;
  /** Relative path `{output}` stands for; default `output`. Its parent directory is created. */
  output?: string;
  /** Create `{output}` as an empty directory before the run (pipelines that write a directory). */
  outputIsDir?: boolean;
  /**
   * Directory the command starts in, seen read-only: usually the project, so that
   * `python jobs/clean.py` resolves. Default: the working directory.
   */
  cwd?: string;
  timeoutMs: number;
  memoryBytes: number;
  maxProcesses: number;
  /** Largest file the run may write (RLIMIT_FSIZE); default 1 GiB. */
  maxFileBytes?: number;
  /** Sets PYTHONHASHSEED and PIPEWARDEN_SEED so runs repeat exactly for a seed. */
  seed?: number;
  /** Extra environment variables, on top of the scrubbed base (PATH, LANG, HOME, TMPDIR). */
  env?: Record<string, string>;
  /**
   * Observe execve, connect and refused writes with strace (default true when strace exists).
   * Off, a run is cheaper but `processesSpawned` is sampled from /proc and network attempts go unseen.
   */
  trace?: boolean;
  /** Most output bytes read back into the result; default 64 MiB. */
  maxOutputBytes?: number;
}

export interface SpawnedProcess {
  pid: number;
  /** The program executed. */
  path: string;
  argv: string[];
}

export interface NetworkAttempt {
  syscall: string;
  family: 'AF_INET' | 'AF_INET6';
  address: string;
  port: number;
  /** What the kernel answered, e.g. ENETUNREACH; empty if the call succeeded. */
  error: string;
}

export interface OutputFile {
  /** Relative to `{output}`; '' when the output is a single file. */
  path: string;
  bytes: Buffer;
}

/** How strongly this run was confined; weaker modes say so in reports. */
export interface SandboxIsolation {
  /** A fresh network namespace with only a downed loopback. */
  network: boolean;
  /** Everything but the working directory is mounted read-only for the run. */
  filesystem: boolean;
  /** How the process count was limited. */
  processLimit: 'cgroup' | 'rlimit' | 'poll';
  /** How execve and connect were observed: exactly (strace) or by sampling /proc. */
  tracing: 'strace' | 'proc-poll';
}

export interface SandboxRun {
  /** The command as run (after placeholder substitution). */
  command: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The run went over `memoryBytes` (allocation refused or the run was killed). */
  memoryExceeded: boolean;
  /** The run tried to go over `maxProcesses`. */
  processLimitHit: boolean;
  wallMs: number;
  /** User + system CPU of every process of the run (the tracer included). */
  cpuMs: number;
  peakRssBytes: number;
  /** Every successful execve, in order. */
  processesSpawned: SpawnedProcess[];
  networkAttempts: NetworkAttempt[];
  /** Writes outside the working directory the read-only mounts refused (absolute paths). */
  blockedWrites: string[];
  /** Files outside the working directory that changed (only possible without filesystem isolation). */
  filesWrittenOutside: string[];
  /** Files that appeared in the working directory, outside `{output}` (relative paths). */
  filesCreated: string[];
  /** Absolute path `{output}` stood for (removed with the working directory after the run). */
  outputPath: string;
  /** The output read back: one entry for a file output, one per file for a directory. */
  output: OutputFile[];
  outputTruncated: boolean;
  stdoutTail: string;
  stderrTail: string;
  networkIsolated: boolean;
  isolation: SandboxIsolation;
}
