/**
 * The measuring parent every sandboxed run goes through, in Python because Node cannot read a
 * child's rusage. Inside fresh namespaces it is PID 1: it makes every mount but the working
 * directory read-only, hides /run (daemon sockets), joins the pids cgroup, sets rlimits, starts
 * the command (under strace when there is one) with every capability dropped and no_new_privs
 * set, watches /proc for
 * time, memory and process limits, and writes its measurements as JSON to fd 3.
 *
 * Outside a PID namespace it never signals -1 (that would reach every process of the user): it
 * kills the command's own process group instead.
 */
export const SUPERVISOR_SOURCE = String.raw`
import json, os, resource, signal, sys, threading, time

cfg = json.loads(sys.argv[1])
started = time.monotonic()
own_pid = os.getpid()
is_init = own_pid == 1
state = {'timedOut': False, 'memoryExceeded': False, 'processLimitHit': False, 'peakRss': 0, 'fsIsolated': False, 'notes': []}
polled_execs = []
seen = set()
page = os.sysconf('SC_PAGE_SIZE')

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME, MS_STRICTATIME = 1024, 2048, 1 << 21, 1 << 24
FLAG_OF = {'nosuid': MS_NOSUID, 'nodev': MS_NODEV, 'noexec': MS_NOEXEC, 'noatime': MS_NOATIME,
           'nodiratime': MS_NODIRATIME, 'relatime': MS_RELATIME}

def unescape(p):
    return p.replace('\\040', ' ').replace('\\011', '\t').replace('\\012', '\n').replace('\\134', '\\')

libc = None
if cfg['isolateFs']:
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)

PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 24, 38, 47, 4

def drop_capabilities():
    # root in the new user namespace holds every capability there: drop them all (bounding,
    # ambient, inheritable) so the command cannot remount, and forbid regaining any by exec
    for cap in range(64):
        libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
    libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    data = (ctypes.c_uint32 * 6)()
    if libc.capset(header, data) != 0 or libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        os.write(2, b'pipewarden sandbox: could not drop capabilities\n')
        os._exit(126)

def isolate_filesystem(work):
    def mount(src, dst, fstype, flags, data=None):
        enc = lambda s: s.encode() if s is not None else None
        if libc.mount(enc(src), enc(dst), enc(fstype), ctypes.c_ulong(flags), enc(data)) != 0:
            raise OSError(ctypes.get_errno(), 'mount ' + dst)
    mount(None, '/', None, MS_REC | MS_PRIVATE)
    mount(work, work, None, MS_BIND | MS_REC)
    if os.path.isdir('/run'):
        mount('tmpfs', '/run', 'tmpfs', MS_NOSUID | MS_NODEV, 'size=1m')
    failed = []
    for line in open('/proc/self/mountinfo'):
        fields = line.split()
        point, opts = unescape(fields[4]), fields[5].split(',')
        if point == work or point.startswith(work + '/') or point == '/run' or point.startswith('/run/'):
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY
        for o in opts:
            flags |= FLAG_OF.get(o, 0)
        try:
            mount(None, point, None, flags)
        except OSError:
            failed.append(point)
    state['fsIsolated'] = not failed
    if failed:
        state['notes'].append('could not make read-only: ' + ', '.join(failed[:5]))

def our_pids(child):
    if is_init:
        return [int(n) for n in os.listdir('/proc') if n.isdigit() and int(n) != own_pid]
    try:
        pgid = os.getpgid(child.pid)
    except OSError:
        return []
    out = []
    for n in os.listdir('/proc'):
        if n.isdigit():
            try:
                if os.getpgid(int(n)) == pgid:
                    out.append(int(n))
            except OSError:
                pass
    return out

def kill_all(child):
    try:
        if is_init:
            os.kill(-1, signal.SIGKILL)
        else:
            os.killpg(child.pid, signal.SIGKILL)
    except OSError:
        pass

def read(path):
    with open(path, 'rb') as f:
        return f.read()

def cgroup_refused():
    # the cgroup stops a fork bomb without ending it: a refused fork ends the run
    if not cfg.get('cgroupProcs'):
        return False
    try:
        events = read(os.path.join(os.path.dirname(cfg['cgroupProcs']), 'pids.events')).split()
        return len(events) >= 2 and events[0] == b'max' and int(events[1]) > 0
    except (OSError, ValueError):
        return False

def watch(child, done):
    limit_s = cfg['timeoutMs'] / 1000.0
    while not done.wait(cfg['pollMs'] / 1000.0):
        pids = our_pids(child)
        rss = 0
        for pid in pids:
            try:
                rss += int(read('/proc/%d/statm' % pid).split()[1]) * page
                if cfg['pollExecs'] and pid not in seen:
                    seen.add(pid)
                    argv = [a.decode('utf-8', 'replace') for a in read('/proc/%d/cmdline' % pid).split(b'\0') if a]
                    polled_execs.append({'pid': pid, 'path': os.readlink('/proc/%d/exe' % pid), 'argv': argv})
            except (OSError, IndexError, ValueError):
                pass
        state['peakRss'] = max(state['peakRss'], rss)
        if time.monotonic() - started > limit_s:
            state['timedOut'] = True
        elif rss > cfg['memoryBytes']:
            state['memoryExceeded'] = True
        elif len(pids) > cfg['maxProcesses'] + cfg['helperProcesses'] or cgroup_refused():
            state['processLimitHit'] = True
        else:
            continue
        kill_all(child)

def collect(fd, sink):
    with os.fdopen(fd, 'r', errors='replace') as f:
        for line in f:
            if len(sink) < cfg['maxTraceLines']:
                sink.append(line.rstrip('\n'))

if cfg.get('cgroupProcs'):
    with open(cfg['cgroupProcs'], 'w') as f:
        f.write('0')
if cfg['isolateFs']:
    try:
        isolate_filesystem(cfg['workDir'])
    except OSError as e:
        state['notes'].append('filesystem isolation failed: %s' % e)

resource.setrlimit(resource.RLIMIT_DATA, (cfg['memoryBytes'], cfg['memoryBytes']))
resource.setrlimit(resource.RLIMIT_FSIZE, (cfg['maxFileBytes'], cfg['maxFileBytes']))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
if cfg['rlimitNproc']:
    n = cfg['maxProcesses'] + cfg['helperProcesses']
    resource.setrlimit(resource.RLIMIT_NPROC, (n, n))

argv = list(cfg['argv'])
trace_lines, reader, trace_fd = [], None, None
if cfg['strace']:
    r, trace_fd = os.pipe()
    argv = [cfg['strace'], '-f', '-qq', '--seccomp-bpf', '-s', '256', '-e', 'signal=none',
            '-e', 'trace=' + cfg['traceSyscalls'], '-o', '/proc/self/fd/%d' % trace_fd, '--'] + argv

class Child:
    def __init__(self, pid):
        self.pid = pid

started = time.monotonic()
pid = os.fork()
if pid == 0:
    try:
        if not is_init:
            os.setsid()
        if libc is not None:
            drop_capabilities()
        os.chdir(cfg['cwd'])
        null = os.open('/dev/null', os.O_RDONLY)
        os.dup2(null, 0)
        keep = trace_fd if trace_fd is not None else 2
        if trace_fd is not None:
            os.set_inheritable(trace_fd, True)
        os.closerange(3, keep)
        os.closerange(max(keep + 1, 3), 65536)
        os.execvpe(argv[0], argv, cfg['env'])
    finally:
        os._exit(127)
child = Child(pid)
if trace_fd is not None:
    os.close(trace_fd)
    reader = threading.Thread(target=collect, args=(r, trace_lines), daemon=True)
    reader.start()
done = threading.Event()
watcher = threading.Thread(target=watch, args=(child, done), daemon=True)
watcher.start()
status = None
while status is None:
    try:
        pid, st = os.waitpid(-1, 0)
    except ChildProcessError:
        break
    if pid == child.pid:
        status = st
wall_ms = (time.monotonic() - started) * 1000.0
done.set()
kill_all(child)
while True:
    try:
        os.waitpid(-1, 0)
    except ChildProcessError:
        break
if reader:
    reader.join(2)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
exit_code, sig = None, None
if status is not None and os.WIFEXITED(status):
    exit_code = os.WEXITSTATUS(status)
elif status is not None and os.WIFSIGNALED(status):
    sig = signal.Signals(os.WTERMSIG(status)).name
result = dict(state, exitCode=exit_code, signal=sig, wallMs=wall_ms,
              cpuMs=(usage.ru_utime + usage.ru_stime) * 1000.0,
              peakRss=max(state['peakRss'], usage.ru_maxrss * 1024),
              traceLines=trace_lines, polledExecs=polled_execs)
with os.fdopen(3, 'w') as out:
    json.dump(result, out)
`;
