const registered = new WeakSet<Set<string>>();

/**
 * Whatever is still in `pending` when pipewarden exits gets `finish`, best effort: what fails is
 * left to the next pipewarden's clean-up of abandoned runs.
 */
export function finishAtExit(pending: Set<string>, finish: (item: string) => void): void {
  if (registered.has(pending)) return;
  registered.add(pending);
  process.once('exit', () => {
    for (const item of pending) {
      try {
        finish(item);
      } catch {
        // still in use or already gone
      }
    }
  });
}

/** Whether the process that named a leftover after itself still runs (its leftovers are then its own business). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a leftover named `<prefix><pid>-…` (the pid captured by `owner`) belongs to a process that is gone. */
export function ownerIsGone(name: string, owner: RegExp): boolean {
  const pid = owner.exec(name)?.[1];
  return pid !== undefined && !isAlive(Number(pid));
}
