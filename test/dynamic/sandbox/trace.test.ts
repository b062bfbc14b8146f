import { describe, expect, it } from 'vitest';
import { summariseTrace, WAITER_MARK } from '../../../src/dynamic/sandbox/trace.js';

// Lines in the form strace 6 writes them with -f -qq -s 256.
const LINES = [
  '12 execve("/usr/bin/sh", ["sh", "-c", "echo \\"hi\\"\\n"], 0x7ffd /* 5 vars */) = 0',
  '13 execve("/usr/local/bin/missing", ["missing"], 0x7ffd /* 5 vars */) = -1 ENOENT (No such file or directory)',
  '14 connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("1.1.1.1")}, 16 <unfinished ...>',
  '15 execve("/usr/bin/touch", ["touch", "caf\\303\\251"], 0x55 /* 9 vars */ <unfinished ...>',
  '14 <... connect resumed>) = -1 ENETUNREACH (Network is unreachable)',
  '15 <... execve resumed>) = 0',
  '16 connect(4, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:4700::1111", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH (Network is unreachable)',
  '16 connect(5, {sa_family=AF_UNIX, sun_path="/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory)',
  '17 openat(AT_FDCWD, "/root/.cache/x", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = -1 EROFS (Read-only file system)',
  '17 openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3',
  '17 mkdir("/tmp/escape", 0777) = -1 EROFS (Read-only file system)',
];

describe('summariseTrace', () => {
  const summary = summariseTrace(LINES);

  it('lists successful execve calls only, joining interrupted ones, with decoded arguments', () => {
    expect(summary.processesSpawned).toEqual([
      { pid: 12, path: '/usr/bin/sh', argv: ['sh', '-c', 'echo "hi"\n'] },
      { pid: 15, path: '/usr/bin/touch', argv: ['touch', 'café'] },
    ]);
  });

  it('lists internet connection attempts with address, port and error, and ignores unix sockets', () => {
    expect(summary.networkAttempts).toEqual([
      { syscall: 'connect', family: 'AF_INET', address: '1.1.1.1', port: 80, error: 'ENETUNREACH' },
      { syscall: 'connect', family: 'AF_INET6', address: '2606:4700::1111', port: 443, error: 'ENETUNREACH' },
    ]);
  });

  it('lists writes the read-only mounts refused, not reads', () => {
    expect(summary.blockedWrites).toEqual(['/root/.cache/x', '/tmp/escape']);
  });
});

describe('summariseTrace on a run whose tracer started ahead on a waiter', () => {
  const waiter = [
    '6 execve("/usr/bin/python3", ["/usr/bin/python3", "-S", "-I", "-c", "..."], 0x7ffc /* 1 var */) = 0',
    '6 openat(AT_FDCWD, "/usr/lib/python3.11/os.py", O_RDONLY|O_CLOEXEC) = 3',
    `6 openat(AT_FDCWD, "${WAITER_MARK}", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)`,
  ];

  it('leaves out everything up to the mark the waiter leaves before it becomes the command', () => {
    const summary = summariseTrace([...waiter, ...LINES], true);
    expect(summary).toEqual(summariseTrace(LINES));
  });

  it('ignores the mark when the command opens it again, so it cannot hide what it did before', () => {
    const again = `17 openat(AT_FDCWD, "${WAITER_MARK}", O_RDONLY) = -1 ENOENT (No such file or directory)`;
    const summary = summariseTrace([...waiter, ...LINES.slice(0, 2), again, ...LINES.slice(2)], true);
    expect(summary.processesSpawned.map((p) => p.pid)).toEqual([12, 15]);
  });

  it('takes no mark for the waiter\'s when strace started the command itself', () => {
    const again = `12 openat(AT_FDCWD, "${WAITER_MARK}", O_RDONLY) = -1 ENOENT (No such file or directory)`;
    expect(summariseTrace([LINES[0]!, again, ...LINES.slice(1)]).processesSpawned.map((p) => p.pid)).toEqual([12, 15]);
  });
});
