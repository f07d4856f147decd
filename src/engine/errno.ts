/** Linux errno values (asm-generic/errno-base.h) used by the simulated kernel. */
export const ERRNO = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EINTR: 4,
  EIO: 5,
  ECHILD: 10,
  EAGAIN: 11,
  ENOMEM: 12,
  EBUSY: 16,
  EINVAL: 22,
  EPIPE: 32,
  ENOSYS: 38,
} as const;

export type ErrnoName = keyof typeof ERRNO;

/** A kernel failure as data: errno name, negative code as the kernel returns it, and a message. */
export interface KError {
  errno: ErrnoName;
  code: number;
  message: string;
}

export type KResult<T> = { ok: true; value: T } | { ok: false; error: KError };

export function kerror(errno: ErrnoName, message: string): KError {
  return { errno, code: -ERRNO[errno], message };
}

export function fail<T = never>(errno: ErrnoName, message: string): KResult<T> {
  return { ok: false, error: kerror(errno, message) };
}

export function ok<T>(value: T): KResult<T> {
  return { ok: true, value };
}
