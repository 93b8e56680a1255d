/** True while a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When started by `npm start`, the api and the worker stop by themselves if the launcher dies without
 * telling them (killed with SIGKILL, say), so no orphan process is left running.
 */
export function watchParent(stop: () => void, intervalMs = 1000): void {
  const pid = Number(process.env.LAUNCHER_PID);
  if (!Number.isInteger(pid) || pid <= 0) {
    return;
  }
  const timer = setInterval(() => {
    if (!isProcessAlive(pid)) {
      clearInterval(timer);
      stop();
    }
  }, intervalMs);
  timer.unref();
}
