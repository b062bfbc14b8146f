/**
 * The measuring parent of every sandboxed run, in Python because Node cannot read a child's
 * rusage. A server starts once per pipewarden process with everything imported and keeps one
 * spare supervisor ready: cloned straight into fresh user, mount, network and PID namespaces
 * (PID 1 there), root mapped to the invoking user, its own /proc mounted, /run (daemon sockets)
 * hidden, the capability bounding set emptied and no_new_privs set, so the command will hold no
 * capability; it waits on pipewarden's requests. The spare takes the next request itself (a
 * 10-digit length, then that much JSON), tells the server, which answers `{"id", "pid"}` and
 * readies the next spare, and supervises the run; its report reaches pipewarden as
 * `{"id", "part"}` frames small enough to be written whole among other runs' frames, then
 * `{"id", "reported"}`. A supervisor that dies without reporting gets `{"id", "status"}` from the
 * server once reaped.
 *
 * Where pipewarden may make pids cgroups, each spare makes its own and joins it ahead of its run
 * (the server removes it once the spare has ended). When strace is available the spare also
 * starts it ahead of the run on a waiter (see Tracer), taking strace's own start off the run's
 * critical path.
 *
 * For the run, the supervisor sets the cgroup's process limit, makes every mount but the working
 * directory read-only, sets rlimits, hands the command to the waiter (or
 * starts it with posix_spawn: untraced, or when no tracer could be prepared), and follows its
 * exit, its output and /proc (time, memory and process limits) from one select loop. Where
 * namespaces are unavailable the spare is a plain fork and never signals -1 (that would reach
 * every process of the user): it kills the command's own process group instead.
 *
 * The server ends when pipewarden closes its stdin (once the cgroups it made are gone); every supervisor (its own session) dies with
 * the server (PR_SET_PDEATHSIG), and a PID namespace with its PID 1.
 */
export const SERVER_SOURCE = String.raw`
import ctypes, json, marshal, os, resource, selectors, signal, sys, time, traceback
from base64 import b64encode

libc = ctypes.CDLL(None, use_errno=True)
page = os.sysconf('SC_PAGE_SIZE')
TAIL_BYTES = 64 * 1024
DRAIN_S = 2.0

CLONE_SYSCALL = {'x86_64': 56, 'aarch64': 220, 'riscv64': 220, 'loongarch64': 220}.get(os.uname().machine)
CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x20000, 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
FLAG_OF = {'nosuid': MS_NOSUID, 'nodev': MS_NODEV, 'noexec': MS_NOEXEC, 'noatime': MS_NOATIME,
           'nodiratime': MS_NODIRATIME, 'relatime': MS_RELATIME}
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 1, 24, 38, 47, 4

def unescape(p):
    return p.replace('\\040', ' ').replace('\\011', '\t').replace('\\012', '\n').replace('\\134', '\\')

def read(path):
    with open(path, 'rb') as f:
        return f.read()

def write_file(path, text):
    with open(path, 'w') as f:
        f.write(text)

def mount(src, dst, fstype, flags, data=None):
    enc = lambda s: s.encode() if s is not None else None
    if libc.mount(enc(src), enc(dst), enc(fstype), ctypes.c_ulong(flags), enc(data)) != 0:
        raise OSError(ctypes.get_errno(), 'mount ' + dst)

def clone_into_namespaces():
    # fork straight into fresh namespaces, as PID 1 of the new PID namespace: one process where
    # fork, unshare and fork again take two
    flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | signal.SIGCHLD
    pid = libc.syscall(ctypes.c_long(CLONE_SYSCALL), ctypes.c_long(flags), *[ctypes.c_long(0)] * 4)
    if pid < 0:
        raise OSError(ctypes.get_errno(), 'clone into new namespaces')
    return pid

def become_root_inside(uid, gid):
    # what unshare --map-root-user did: root inside is the invoking user outside
    write_file('/proc/self/setgroups', 'deny')
    write_file('/proc/self/uid_map', '0 %d 1' % uid)
    write_file('/proc/self/gid_map', '0 %d 1' % gid)
    mount(None, '/', None, MS_REC | MS_PRIVATE)
    mount('proc', '/proc', 'proc', MS_NOSUID | MS_NODEV | MS_NOEXEC)

def forbid_capabilities():
    # root in the new user namespace holds every capability there. With the bounding set empty
    # (inheritable and ambient are empty in a new namespace) no program started from here holds
    # any, so the command cannot remount; no_new_privs forbids regaining them by exec
    for cap in range(64):
        libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
    libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), 'could not drop capabilities')

def hide_run():
    # daemon sockets live there
    if os.path.isdir('/run'):
        mount('tmpfs', '/run', 'tmpfs', MS_NOSUID | MS_NODEV, 'size=1m')

def isolate_filesystem(work, state):
    mount(work, work, None, MS_BIND | MS_REC)
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

class Tail:
    """The last TAIL_BYTES of a stream, however much the command writes."""
    def __init__(self):
        self.data = bytearray()
    def add(self, chunk):
        self.data += chunk
        if len(self.data) > 2 * TAIL_BYTES:
            del self.data[:-TAIL_BYTES]
    def result(self):
        return b64encode(bytes(self.data[-TAIL_BYTES:])).decode()

class Lines:
    """The first limit lines of a stream."""
    def __init__(self, limit):
        self.lines, self.partial, self.limit = [], b'', limit
    def add(self, chunk):
        if len(self.lines) < self.limit:
            *whole, self.partial = (self.partial + chunk).split(b'\n')
            self.lines.extend(line.decode('utf-8', 'replace') for line in whole[:self.limit - len(self.lines)])
    def result(self):
        if self.partial and len(self.lines) < self.limit:
            self.lines.append(self.partial.decode('utf-8', 'replace'))
        return self.lines

def on_child_exit():
    """A pipe that becomes readable when a child exits, for a select loop."""
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    return wake_r

def empty(fd):
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass

def reap(want):
    """Reaps exited children without waiting; the status of want if it was among them."""
    found = None
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return found
        if pid == 0:
            return found
        if pid == want:
            found = status

def traced(strace, syscalls, trace_fd, argv):
    return [strace, '-f', '-qq', '--seccomp-bpf', '-s', '256', '-e', 'signal=none', '-e', 'trace=' + syscalls,
            '-o', '/proc/self/fd/%d' % trace_fd, '--'] + argv

def output_to(out_w, err_w):
    """posix_spawn file actions: no input, output to the run's pipes."""
    return [(os.POSIX_SPAWN_OPEN, 0, '/dev/null', os.O_RDONLY, 0), (os.POSIX_SPAWN_DUP2, out_w, 1), (os.POSIX_SPAWN_DUP2, err_w, 2)]

class Launch:
    """A started command: its pid (None if it could not start), its streams, when it started."""
    def __init__(self, pid, out_r, err_r, trace_r, max_trace_lines):
        self.pid, self.out_r, self.err_r, self.trace_r = pid, out_r, err_r, trace_r
        self.streams = {out_r: Tail(), err_r: Tail()}
        if trace_r is not None:
            self.streams[trace_r] = Lines(max_trace_lines)
        self.status, self.started = None, time.monotonic()
        # CPU its processes spent before the run was asked for, not the run's
        self.prior_cpu_ms = 0.0

def spawn_command(cfg, is_init):
    """Starts the command now, under strace when asked: the path without a prepared tracer."""
    argv = list(cfg['argv'])
    trace_r = trace_fd = None
    if cfg['strace']:
        trace_r, trace_fd = os.pipe()
        argv = traced(cfg['strace'], cfg['traceSyscalls'], trace_fd, argv)
        os.set_inheritable(trace_fd, True)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    os.chdir(cfg['cwd'])
    # posix_spawnp looks the program up on this process's PATH: make it the run's
    os.environ['PATH'] = cfg['env'].get('PATH', os.defpath)
    launch = Launch(None, out_r, err_r, trace_r, cfg['maxTraceLines'])
    try:
        # every other descriptor here is close-on-exec
        launch.pid = os.posix_spawnp(argv[0], argv, cfg['env'], file_actions=output_to(out_w, err_w), setsid=not is_init)
    except OSError as e:
        launch.status = 127 << 8
        launch.streams[err_r].add(('pipewarden sandbox: cannot run %s: %s\n' % (argv[0], e.strerror)).encode())
    for fd in (out_w, err_w, trace_fd):
        if fd is not None:
            os.close(fd)
    return launch

# Runs in the traced waiter (the supervisor sets its rlimits): says its pid, blocks on the run's
# request, marks where the command starts in the trace (an open that fails), takes its working
# directory and environment, and becomes the command. Only built-in modules: it starts for
# every run.
WAITER = """
import marshal, os, sys
request_fd, ready_fd, trace_fd, mark = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
os.close(trace_fd)
os.write(ready_fd, b'%d' % os.getpid())
os.close(ready_fd)
data = b''
while True:
    chunk = os.read(request_fd, 65536)
    if not chunk:
        break
    data += chunk
if not data:
    os._exit(0)
os.close(request_fd)
run = marshal.loads(data)
argv = run['argv']
try:
    os.close(os.open(mark, os.O_RDONLY))
except OSError:
    pass
try:
    os.chdir(run['cwd'])
    os.execvpe(argv[0], argv, run['env'])
except OSError as e:
    os.write(2, ('pipewarden sandbox: cannot run %s: %s\\n' % (argv[0], e.strerror)).encode())
    os._exit(127)
"""

def cpu_ms_so_far(pid):
    """CPU time a live process has used, from its scheduler statistics (0 where the kernel keeps none)."""
    try:
        return int(read('/proc/%d/schedstat' % pid).split()[0]) / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0

class Tracer:
    """
    strace started before the run is asked for, on a waiter, so that its start and the waiter's
    are off the run's critical path; the run's request turns the waiter into the command.
    """
    def __init__(self, strace, syscalls, mark, is_init):
        self.waiter_pid = None
        request_r, self.request_w = os.pipe()
        self.ready_r, ready_w = os.pipe()
        self.trace_r, trace_w = os.pipe()
        self.out_r, out_w = os.pipe()
        self.err_r, err_w = os.pipe()
        for fd in (request_r, ready_w, trace_w):
            os.set_inheritable(fd, True)
        waiter = [sys.executable, '-S', '-I', '-c', WAITER, str(request_r), str(ready_w), str(trace_w), mark]
        try:
            self.pid = os.posix_spawnp(strace, traced(strace, syscalls, trace_w, waiter), {'PATH': os.defpath},
                                       file_actions=output_to(out_w, err_w), setsid=not is_init)
        finally:
            for fd in (request_r, ready_w, trace_w, out_w, err_w):
                os.close(fd)

    def waiter(self):
        """The waiter's pid once it is ready (at once unless the run came early); None if it died."""
        if self.ready_r is not None:
            said = os.read(self.ready_r, 32)
            os.close(self.ready_r)
            self.ready_r, self.waiter_pid = None, int(said) if said else None
        return self.waiter_pid

    def start(self, cfg, limits):
        waiter = self.waiter()
        # set from here, the waiter need not import resource
        for which, value in limits if waiter is not None else []:
            resource.prlimit(waiter, which, (value, value))
        launch = Launch(self.pid, self.out_r, self.err_r, self.trace_r, cfg['maxTraceLines'])
        launch.prior_cpu_ms = sum(cpu_ms_so_far(pid) for pid in (self.pid, waiter) if pid is not None)
        request = {'argv': cfg['argv'], 'env': cfg['env'], 'cwd': cfg['cwd']}
        data = marshal.dumps(request)
        while data:
            data = data[os.write(self.request_w, data):]
        os.close(self.request_w)
        return launch

    def discard(self, is_init):
        """Ends the tracer and its waiter, and reaps them."""
        try:
            if is_init:
                os.kill(-1, signal.SIGKILL)
            else:
                os.killpg(self.pid, signal.SIGKILL)
        except OSError:
            pass
        while True:
            try:
                os.waitpid(-1 if is_init else self.pid, 0)
            except ChildProcessError:
                break
            if not is_init:
                break
        for fd in (self.request_w, self.ready_r, self.trace_r, self.out_r, self.err_r):
            if fd is not None:
                os.close(fd)

def supervise(cfg, is_init, wake_r, tracer, cgroup):
    own_pid = os.getpid()
    state = {'timedOut': False, 'memoryExceeded': False, 'processLimitHit': False, 'peakRss': 0, 'fsIsolated': False, 'notes': []}
    polled_execs, seen = [], set()

    def our_pids(child):
        if is_init:
            return [int(n) for n in os.listdir('/proc') if n.isdigit() and int(n) != own_pid]
        try:
            pgid = os.getpgid(child)
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
                os.killpg(child, signal.SIGKILL)
        except OSError:
            pass

    def cgroup_refused():
        # the cgroup stops a fork bomb without ending it: a refused fork ends the run
        if not cgroup:
            return False
        try:
            events = read(os.path.join(cgroup, 'pids.events')).split()
            return len(events) >= 2 and events[0] == b'max' and int(events[1]) > 0
        except (OSError, ValueError):
            return False

    def watch(child, elapsed_s):
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
        if elapsed_s > cfg['timeoutMs'] / 1000.0:
            state['timedOut'] = True
        elif rss > cfg['memoryBytes']:
            state['memoryExceeded'] = True
        elif len(pids) > cfg['maxProcesses'] + cfg['helperProcesses'] or cgroup_refused():
            state['processLimitHit'] = True
        else:
            return
        kill_all(child)

    if tracer is not None and not cfg['strace']:
        tracer.discard(is_init)
        tracer = None
    if cgroup:
        # before the mounts turn read-only; the spare, its tracer and waiter are in the cgroup already
        write_file(os.path.join(cgroup, 'pids.max'), str(cfg['maxProcesses'] + cfg['helperProcesses']))
    if cfg['isolateFs']:
        try:
            isolate_filesystem(cfg['workDir'], state)
        except OSError as e:
            state['notes'].append('filesystem isolation failed: %s' % e)

    limits = [(resource.RLIMIT_DATA, cfg['memoryBytes']), (resource.RLIMIT_FSIZE, cfg['maxFileBytes']), (resource.RLIMIT_CORE, 0)]
    if cfg['rlimitNproc']:
        limits.append((resource.RLIMIT_NPROC, cfg['maxProcesses'] + cfg['helperProcesses']))
    for which, value in limits:
        resource.setrlimit(which, (value, value))

    # a discarded tracer's CPU, reaped above, is not the run's
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if tracer is not None:
        launch = tracer.start(cfg, limits)
    else:
        launch = spawn_command(cfg, is_init)
    streams, child, status, started = launch.streams, launch.pid, launch.status, launch.started
    wall_ms = 0.0 if status is not None else None
    drain_until = None

    # one thread: the command's exit, its output and the /proc poll all wake the same select
    selector = selectors.DefaultSelector()
    selector.register(wake_r, selectors.EVENT_READ)
    for fd in streams:
        selector.register(fd, selectors.EVENT_READ)
    poll_s = cfg['pollMs'] / 1000.0
    next_poll = started + poll_s
    while True:
        if status is not None and drain_until is None:
            if child is not None:
                kill_all(child)
            while True:
                try:
                    os.waitpid(-1, 0)
                except ChildProcessError:
                    break
            # a process that left the run's group (possible without namespaces) may hold a pipe open
            drain_until = time.monotonic() + DRAIN_S
        now = time.monotonic()
        if status is None:
            if now >= next_poll:
                watch(child, now - started)
                next_poll = now + poll_s
            timeout = max(0.0, next_poll - time.monotonic())
        elif len(selector.get_map()) == 1 or now >= drain_until:
            break
        else:
            timeout = drain_until - now
        for key, _ in selector.select(timeout):
            if key.fd == wake_r:
                empty(wake_r)
                if status is None:
                    status = reap(child)
                    if status is not None:
                        wall_ms = (time.monotonic() - started) * 1000.0
                continue
            chunk = os.read(key.fd, 65536)
            if chunk:
                streams[key.fd].add(chunk)
            else:
                selector.unregister(key.fd)
                os.close(key.fd)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    state['processLimitHit'] = state['processLimitHit'] or cgroup_refused()
    exit_code, sig = None, None
    if os.WIFEXITED(status):
        exit_code = os.WEXITSTATUS(status)
    elif os.WIFSIGNALED(status):
        sig = signal.Signals(os.WTERMSIG(status)).name
    return dict(state, exitCode=exit_code, signal=sig, wallMs=wall_ms,
                cpuMs=max(0.0, (usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime) * 1000.0 - launch.prior_cpu_ms),
                peakRss=max(state['peakRss'], usage.ru_maxrss * 1024),
                stdout=streams[launch.out_r].result(), stderr=streams[launch.err_r].result(),
                traceLines=streams[launch.trace_r].result() if launch.trace_r is not None else [], polledExecs=polled_execs,
                tracedFromWaiter=tracer is not None)

# a frame of this much report, base64-encoded, stays within one atomic pipe write (PIPE_BUF 4096)
REPORT_PART = 3000

def report_to(out, run_id, fn):
    """Sends what fn returns to pipewarden in frames: each write is whole however many runs report at once."""
    try:
        result = fn()
    except BaseException:
        result = {'error': traceback.format_exc(limit=3)}
    data = json.dumps(result).encode()
    for i in range(0, len(data), REPORT_PART):
        os.write(out, b'{"id": %d, "part": "%s"}\n' % (run_id, b64encode(data[i:i + REPORT_PART])))
    os.write(out, b'{"id": %d, "reported": true}\n' % run_id)

def close_all_but(*keep):
    low = 3
    for fd in sorted(keep):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 65536)

def read_exactly(fd, size):
    data = b''
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            return None
        data += chunk
    return data

def spare(ctl, server, namespaces, uid, gid, tracing, cgroup):
    """
    A supervisor made ready before its run is asked for: in its namespaces with its own /proc
    and in its own pids cgroup (when there is one), it takes the next request straight from
    pipewarden, tells the server which (so it readies the next spare), and supervises the run.
    """
    signal.set_wakeup_fd(-1)
    os.setsid()
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    # outside the new PID namespace the server shows as 0
    if os.getppid() != (0 if namespaces else server):
        os._exit(137)
    out = os.dup(1)
    null = os.open('/dev/null', os.O_RDWR)
    os.dup2(null, 1)
    close_all_but(out, ctl, null)
    # all that does not depend on the run is done before it is asked for
    unready = None
    try:
        if namespaces:
            become_root_inside(uid, gid)
            hide_run()
            forbid_capabilities()
        if cgroup:
            # joining a cgroup waits for an RCU grace period (over 10 ms here): never on a run's time.
            # The tracer and its waiter, started below, are born in it
            os.mkdir(cgroup)
            write_file(os.path.join(cgroup, 'cgroup.procs'), '0')
    except OSError as e:
        unready = e
    wake_r = on_child_exit()
    tracer = None
    if tracing and unready is None:
        try:
            tracer = Tracer(*tracing, namespaces)
        except OSError:
            # the run starts strace itself
            tracer = None
    # one request: a 10-digit length, then that many bytes of JSON
    header = read_exactly(0, 10)
    if header is None:
        if tracer is not None:
            tracer.discard(namespaces)
        os.write(ctl, b'eof')
        os._exit(0)
    request = json.loads(read_exactly(0, int(header)))
    os.write(ctl, b'%d' % request['id'])
    os.close(ctl)
    os.dup2(null, 0)
    def measured():
        if unready is not None:
            raise unready
        return supervise(request['config'], namespaces, wake_r, tracer, cgroup)
    report_to(out, request['id'], measured)
    os._exit(0)

# a finished run's cgroup is let go only once its last process is gone: retried this often, for this long
CGROUP_RETRY_S, CGROUP_PATIENCE_S = 0.01, 10.0
# once pipewarden is gone, how long the server waits for its spares and runs to end (they end at
# once, or by their own time limits when pipewarden could not kill them)
QUIT_WAIT_S = 30.0

class Cgroups:
    """A fresh pids cgroup for each spare, under parent, removed once the spare has ended."""
    def __init__(self, parent, owner):
        # named after pipewarden's pid, so that a later pipewarden removes what a killed one left
        self.prefix = os.path.join(parent, 'run-%d-%d-' % (owner, os.getpid())) if parent else None
        self.serial = 0
        self.of_spare, self.leaving = {}, {}

    def make_name(self):
        if self.prefix is None:
            return None
        self.serial += 1
        return self.prefix + str(self.serial)

    def spare_started(self, pid, cgroup):
        if cgroup:
            self.of_spare[pid] = cgroup

    def spare_ended(self, pid):
        cgroup = self.of_spare.pop(pid, None)
        if cgroup:
            self.leaving[cgroup] = time.monotonic() + CGROUP_PATIENCE_S

    def remove_ended(self):
        """Tries once more to remove each ended spare's cgroup; how long to wait before the next try (None: all gone)."""
        for cgroup, give_up in list(self.leaving.items()):
            try:
                os.rmdir(cgroup)
                del self.leaving[cgroup]
            except FileNotFoundError:
                del self.leaving[cgroup]
            except OSError:
                # still busy: a later pipewarden removes what is left after that
                if time.monotonic() > give_up:
                    del self.leaving[cgroup]
        return CGROUP_RETRY_S if self.leaving else None

def serve(settings):
    namespaces, tracing = settings['namespaces'], settings['tracing']
    server, uid, gid = os.getpid(), os.getuid(), os.getgid()
    cgroups = Cgroups(settings['cgroups'], settings['owner'])
    wake_r = on_child_exit()
    selector = selectors.DefaultSelector()
    selector.register(wake_r, selectors.EVENT_READ)
    runs, ended = {}, {}

    def answer(message):
        data = (json.dumps(message) + '\n').encode()
        try:
            while data:
                data = data[os.write(1, data):]
        except BrokenPipeError:
            # pipewarden is gone: its stdin's end reaches the server through the spare, which quits
            pass

    def ready_spare():
        ctl_r, ctl_w = os.pipe()
        cgroup = cgroups.make_name()
        pid = clone_into_namespaces() if namespaces else os.fork()
        if pid == 0:
            try:
                spare(ctl_w, server, namespaces, uid, gid, tracing, cgroup)
            finally:
                os._exit(70)
        os.close(ctl_w)
        cgroups.spare_started(pid, cgroup)
        selector.register(ctl_r, selectors.EVENT_READ, pid)

    def quit():
        # every spare and run ends soon after pipewarden: reap them all, then let their cgroups go
        deadline = time.monotonic() + QUIT_WAIT_S
        while time.monotonic() < deadline:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                pid = None
            if pid:
                cgroups.spare_ended(pid)
                continue
            wait = cgroups.remove_ended()
            if pid is None and wait is None:
                break
            time.sleep(CGROUP_RETRY_S)
        os._exit(0)

    ready_spare()
    retry = None
    while True:
        for key, _ in selector.select(retry):
            if key.fd == wake_r:
                empty(wake_r)
                while True:
                    try:
                        pid, status = os.waitpid(-1, os.WNOHANG)
                    except ChildProcessError:
                        break
                    if pid == 0:
                        break
                    cgroups.spare_ended(pid)
                    # a run that ended without reporting: its status is all pipewarden gets
                    if pid in runs:
                        answer({'id': runs.pop(pid), 'status': os.waitstatus_to_exitcode(status)})
                    else:
                        ended[pid] = status
                continue
            taken = os.read(key.fd, 64)
            selector.unregister(key.fd)
            os.close(key.fd)
            if taken == b'eof':
                quit()
            if taken:
                answer({'id': int(taken), 'pid': key.data})
                if key.data in ended:
                    answer({'id': int(taken), 'status': os.waitstatus_to_exitcode(ended.pop(key.data))})
                else:
                    runs[key.data] = int(taken)
            ready_spare()
        retry = cgroups.remove_ended()

# settings: namespaces, tracing (strace, the system calls to trace and the waiter's mark; null
# without strace), cgroups (the pids cgroup parent; null without one) and owner (pipewarden's pid)
serve(json.loads(sys.argv[1]))
`;
