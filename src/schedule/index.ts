export { startScheduler, type ScheduledJob, type Scheduler, type SchedulerOptions } from "./scheduler.ts";
export { acquireRunLock, isAlive, processStartMs, readHolder, type LockHolder, type RunLock } from "./run-lock.ts";
