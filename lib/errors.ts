// Errors the facade raises itself: argument misuse (TypeError/RangeError naming the argument)
// and libzmq-style errors (code, errno) for conditions detected in JS.
import {binding} from "./native"

/** An error from libzmq (or shaped like one): what failed, by errno name and number. */
export interface ErrnoError extends Error {
  /** The errno name, e.g. "EAGAIN", "EADDRINUSE", "EFSM". */
  code: string
  /** The error number, as libzmq reports it. */
  errno: number
  /** The endpoint concerned, for bind, connect and their events. */
  address?: string
}

// The addon's errno table (native/errors.cc), the one source of errno names and numbers — those
// libzmq uses on this platform, its own above ZMQ_HAUSNUMERO included — read both ways. Where
// names share a number (EAGAIN, EWOULDBLOCK) the first one listed is the number's name.
const errnoNumbers: Readonly<Record<string, number>> = binding.errnos
const errnoNames = new Map<number, string>()
for (const [name, errno] of Object.entries(errnoNumbers))
  if (!errnoNames.has(errno)) errnoNames.set(errno, name)

/** The errno name of libzmq's error number: "EAGAIN", "ETERM", ...; "EUNKNOWN" for one it lacks. */
export function errnoName(errno: number): string {
  return errnoNames.get(errno) ?? "EUNKNOWN"
}

/** An error shaped like the ones libzmq failures produce: `code`, `errno`, optional `address`. */
export function errnoError(code: string, message: string, address?: string): ErrnoError {
  const error = new Error(message) as ErrnoError
  error.code = code
  error.errno = errnoNumbers[code] ?? 0
  if (address !== undefined) error.address = address
  return error
}

/**
 * zeromq v6's words for the argument errors ours raise where v6 raises them; ours start with
 * them (code matching on v6's messages keeps working) and may say more after them.
 */
export const v6Words = {
  options: "Options must be an object",
  stringOrBuffer: "Value must be a string or buffer",
  number: "A number was expected",
  frontEnd: "Front-end must be a socket object",
  backEnd: "Back-end must be a socket object",
  socket: "Socket must be a socket object",
} as const

/** A value as error messages show it: `number -5`, `an instance of Context`, `null`. */
export function describe(value: unknown): string {
  if (value === null) return "null"
  if (Array.isArray(value)) return "an array"
  if (typeof value === "object") return `an instance of ${value.constructor?.name ?? "Object"}`
  return `${typeof value} ${String(value)}`
}

export function typeError(argument: string, expected: string, value: unknown): TypeError {
  return new TypeError(`The "${argument}" argument must be ${expected}; received ${describe(value)}`)
}

export function rangeError(argument: string, expected: string, value: unknown): RangeError {
  return new RangeError(`The "${argument}" argument must be ${expected}; received ${describe(value)}`)
}

/** The longest timeout in milliseconds: setTimeout's limit (beyond it a timer fires at once). */
export const maxTimeout = 2 ** 31 - 1

/**
 * The error for a timeout argument that is not an integer from `min` (-1: "never", or 0) to
 * maxTimeout milliseconds; undefined when it is one (or undefined).
 */
export function invalidTimeout(argument: string, value: unknown, min: -1 | 0): Error | undefined {
  if (value === undefined) return undefined
  if (typeof value !== "number")
    return typeError(argument, `an integer from ${min} to ${maxTimeout} (milliseconds)`, value)
  if (!Number.isInteger(value) || value < min || value > maxTimeout) {
    return rangeError(argument, `an integer from ${min} to ${maxTimeout} (milliseconds)`, value)
  }
  return undefined
}

export function checkString(argument: string, value: unknown): asserts value is string {
  if (typeof value !== "string") throw typeError(argument, "a string", value)
}
