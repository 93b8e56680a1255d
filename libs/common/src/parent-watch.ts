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
    try {
      process.kill(pid, 0);
    } catch {
      clearInterval(timer);
      stop();
    }
  }, intervalMs);
  timer.unref();
}
