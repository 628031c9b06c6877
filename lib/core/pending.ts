// Operations that wait: a socket's queued sends and receives, an observer's waitFor(). The one
// place for their time limits (the argument's rule: invalidTimeout, lib/errors.ts), abort
// signals and stack traces. A queued operation is settled
// later from libuv's poll callback or a timer, so the error that ends it would show that
// callback's stack. The caller's stack is put on it instead (callerStack): the queued promise is
// awaited in an async function, and the error gets its stack there, where V8's async stack
// trace names the code that awaited the operation. That costs nothing until an error happens:
// capturing the stack up front, per queued operation (as sharp does per call), took 10 000 of
// the 13 000 instructions per message of a PUSH/PULL + REQ/REP workload (callgrind).
import {errnoError, type ErrnoError} from "../errors"

/** The options of a send or receive that may wait. */
export interface OperationOptions {
  /** Rejects the operation with an AbortError when signalled; nothing is sent or consumed. */
  signal?: AbortSignal
  /** Milliseconds before rejecting with EAGAIN; overrides sendTimeout / receiveTimeout. -1: never. */
  timeout?: number
}

/** A promise's settling functions plus what was set up to end it early. */
export interface Pending {
  resolve(value: unknown): void
  reject(error: unknown): void
  settled: boolean
  timer?: ReturnType<typeof setTimeout>
  signal?: AbortSignal
  onAbort?: () => void
}

/** The error an aborted operation rejects with: the signal's reason when it is an error, else an AbortError. */
export function abortError(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason
  // Duck-typed: a DOMException or Error from another realm fails instanceof Error.
  if (reason instanceof Error || (typeof reason === "object" && reason !== null && "message" in reason))
    return reason
  const error = new Error("The operation was aborted") as Error & {code: string}
  error.name = "AbortError"
  error.code = "ABORT_ERR"
  return error
}

/** The EAGAIN a socket operation rejects with when its time is up or its socket closes. */
export function timeoutError(): ErrnoError {
  return errnoError("EAGAIN", "Operation was not possible or timed out")
}

/**
 * Sets up a waiting operation's time limit (`timeout` ms, none when negative; the error from
 * `expired`) and abort `signal`. `dropped` runs after the limit or the signal settled it.
 * False when it is settled already (the signal was aborted).
 */
export function arm(
  pending: Pending,
  timeout: number,
  signal: AbortSignal | undefined,
  expired: () => unknown,
  dropped: () => void,
): boolean {
  pending.settled = false
  if (signal !== undefined) {
    pending.signal = signal
    if (signal.aborted) {
      settle(pending, undefined, abortError(signal))
      return false
    }
    pending.onAbort = () => {
      settle(pending, undefined, abortError(signal))
      dropped()
    }
    signal.addEventListener("abort", pending.onAbort, {once: true})
  }
  if (timeout >= 0) {
    pending.timer = setTimeout(() => {
      settle(pending, undefined, expired())
      dropped()
    }, timeout)
  }
  return true
}

/** Settles once: resolves with `value`, or rejects with `error`. */
export function settle(pending: Pending, value: unknown, error?: unknown): void {
  if (pending.settled) return
  pending.settled = true
  if (pending.timer !== undefined) clearTimeout(pending.timer)
  if (pending.onAbort !== undefined) pending.signal!.removeEventListener("abort", pending.onAbort)
  if (error === undefined) pending.resolve(value)
  else pending.reject(error)
}

/**
 * `queued`, whose error (if any) gets the stack of the code awaiting it. Return this to the
 * caller in place of the queued promise. The signal's own reason is the caller's object: it is
 * left as it is.
 */
export async function callerStack<T>(queued: Promise<T>, signal?: AbortSignal): Promise<T> {
  try {
    return await queued
  } catch (error) {
    // Duck-typed: errors made by the native addon come from another realm than jest's, where
    // instanceof Error fails.
    if (typeof error === "object" && error !== null && error !== signal?.reason && "message" in error) {
      Error.captureStackTrace(error, callerStack)
    }
    throw error
  }
}
