// Option values between JS and libzmq, for the generated accessors (lib/generated/) and the raw
// accessors by libzmq number (lib/core/raw-options.ts). Both treat a value as zeromq v6 does, so
// code written for v6 sees the same outcome: a TypeError in v6's words ("Option value must be a
// number"; ours then names the option and the value), numbers converted as v6's native layer
// converts them (fractions truncated, 32-bit values wrapped), and v6's warnings (an option set
// on a bound or connected socket, a 64-bit value beyond 2^53).
import {describe, errnoError, rangeError, v6Words} from "../errors"
import type {NativeContext, NativeSocket} from "../native"
import {
  ZMQ_LINGER,
  ZMQ_PROBE_ROUTER,
  ZMQ_RCVHWM,
  ZMQ_RCVTIMEO,
  ZMQ_REQ_CORRELATE,
  ZMQ_REQ_RELAXED,
  ZMQ_ROUTER_HANDOVER,
  ZMQ_ROUTER_MANDATORY,
  ZMQ_SNDHWM,
  ZMQ_SNDTIMEO,
  ZMQ_SUBSCRIBE,
  ZMQ_UNSUBSCRIBE,
  ZMQ_XPUB_VERBOSE,
  ZMQ_XPUB_VERBOSER,
} from "../generated/zmq"

function wrongValue(expected: string, name: string, value: unknown): TypeError {
  return new TypeError(`Option value must be ${expected} (${name}: got ${describe(value)})`)
}

// libzmq converts the number natively as v6 does (int32 wraps, int64 saturates, both truncate).
function number(name: string, value: unknown): number {
  if (typeof value !== "number") throw wrongValue("a number", name, value)
  return value
}

function boolean(name: string, value: unknown): number {
  if (typeof value !== "boolean") throw wrongValue("a boolean", name, value)
  return value ? 1 : 0
}

// Bound or connected endpoints per socket: an option set while there are any reaches only the
// connections made after it, which v6 warns about.
const endpoints = new WeakMap<NativeSocket, number>()

/** A bind or connect (1) succeeded, or an unbind or disconnect (-1). */
export function endpointsChanged(socket: NativeSocket, by: 1 | -1): void {
  endpoints.set(socket, (endpoints.get(socket) ?? 0) + by)
}

// Options libzmq applies to existing connections too, or that this package reads each time: v6
// sets them after bind/connect without a warning.
const immediate = new Set([
  ZMQ_SUBSCRIBE,
  ZMQ_UNSUBSCRIBE,
  ZMQ_LINGER,
  ZMQ_ROUTER_MANDATORY,
  ZMQ_PROBE_ROUTER,
  ZMQ_XPUB_VERBOSE,
  ZMQ_XPUB_VERBOSER,
  ZMQ_REQ_CORRELATE,
  ZMQ_REQ_RELAXED,
  ZMQ_ROUTER_HANDOVER,
  ZMQ_SNDHWM,
  ZMQ_RCVHWM,
  ZMQ_SNDTIMEO,
  ZMQ_RCVTIMEO,
])

function warnIfLate(socket: NativeSocket, id: number): void {
  if (immediate.has(id) || (!socket.closed && !endpoints.get(socket))) return
  process.emitWarning("Socket option will not take effect until next connect/bind.")
}

// libzmq refuses a value it does not take (sendHighWaterMark = -5) with a bare EINVAL: say which
// option and value. Other errors (ETERM, ENOTSOCK for a closed socket) pass unchanged.
function write(name: string, value: unknown, set: () => void): void {
  try {
    set()
  } catch (error) {
    const original = error as {code?: unknown; errno?: number; message?: string}
    if (original?.code !== "EINVAL") throw error
    const explained = errnoError(
      "EINVAL",
      `${original.message}: libzmq refused ${describe(value)} for ${name}`,
    )
    if (typeof original.errno === "number") explained.errno = original.errno
    throw explained
  }
}

function writeSocket(socket: NativeSocket, id: number, name: string, value: unknown, set: () => void): void {
  warnIfLate(socket, id)
  write(name, value, set)
}

export function getBool(socket: NativeSocket, id: number): boolean {
  return socket.getInt32(id) !== 0
}

export function setBool(socket: NativeSocket, id: number, name: string, value: unknown): void {
  const bit = boolean(name, value)
  writeSocket(socket, id, name, value, () => socket.setInt32(id, bit))
}

export function getInt32(socket: NativeSocket, id: number): number {
  return socket.getInt32(id)
}

export function setInt32(socket: NativeSocket, id: number, name: string, value: unknown): void {
  const int = number(name, value)
  writeSocket(socket, id, name, value, () => socket.setInt32(id, int))
}

export function getUint32(socket: NativeSocket, id: number): number {
  return socket.getInt32(id) >>> 0
}

/** The same 32 bits as setInt32: libzmq reads them as unsigned. */
export const setUint32 = setInt32

export function getInt64(socket: NativeSocket, id: number): number {
  return socket.getInt64(id)
}

export function setInt64(socket: NativeSocket, id: number, name: string, value: unknown): void {
  const int = number(name, value)
  writeSocket(socket, id, name, value, () => socket.setInt64(id, int))
}

export function getUint64(socket: NativeSocket, id: number): number {
  return socket.getUint64(id)
}

export function setUint64(socket: NativeSocket, id: number, name: string, value: unknown): void {
  const int = number(name, value)
  // As v6: a negative value is 0; one beyond 2^53 may not be the integer meant.
  if (int > Number.MAX_SAFE_INTEGER) {
    process.emitWarning(
      "Value is larger than Number.MAX_SAFE_INTEGER and may have been rounded inaccurately.",
    )
  }
  writeSocket(socket, id, name, value, () => socket.setUint64(id, int < 0 ? 0 : int))
}

/** A text option, read as v6 reads it (into 1024 bytes). */
export function getString(socket: NativeSocket, id: number): string | null {
  const bytes = socket.getBytes(id)
  // Text up to its NUL (libzmq counts a terminating one), as v6 reads it.
  const nul = bytes.indexOf(0)
  const end = nul < 0 ? bytes.length : nul
  return end === 0 && bytes.length <= 1 ? null : bytes.toString("utf8", 0, end)
}

export function setString(socket: NativeSocket, id: number, name: string, value: unknown): void {
  if (value !== null && typeof value !== "string" && !Buffer.isBuffer(value)) {
    throw wrongValue("a string or buffer", name, value)
  }
  writeSocket(socket, id, name, value, () => socket.setBytes(id, value))
}

/** An integer option with named values (`values[n]` names libzmq's n); unnamed ones as numbers. */
export function getNamed<V>(socket: NativeSocket, id: number, values: readonly V[]): V {
  const number = socket.getInt32(id)
  return (number >= 0 && number < values.length ? values[number] : number) as V
}

/** An unknown name is -1, which libzmq refuses (EINVAL), as in v6. */
export function setNamed(
  socket: NativeSocket,
  id: number,
  name: string,
  value: unknown,
  values: readonly unknown[],
): void {
  const index = values.indexOf(value)
  writeSocket(socket, id, name, value, () => socket.setInt32(id, index))
}

export function getContextInt32(context: NativeContext, id: number): number {
  return context.getOption(id)
}

/** `limit`: the largest value libzmq can work with, and the read-only option that says so. */
export function setContextInt32(
  context: NativeContext,
  id: number,
  name: string,
  value: unknown,
  limit?: [number, string],
): void {
  const int = number(name, value) | 0
  // Beyond it libzmq would abort the process when it starts the context's threads.
  if (limit !== undefined && int > limit[0])
    throw rangeError(name, `at most ${limit[0]} (${limit[1]})`, value)
  write(name, value, () => context.setOption(id, int))
}

export function getContextBool(context: NativeContext, id: number): boolean {
  return context.getOption(id) !== 0
}

export function setContextBool(context: NativeContext, id: number, name: string, value: unknown): void {
  const bit = boolean(name, value)
  write(name, value, () => context.setOption(id, bit))
}

/** A constructor's options argument: undefined or an object, as v6 checks it. */
export function checkOptions(options: unknown): asserts options is object | undefined {
  if (
    options === undefined ||
    (options !== null && (typeof options === "object" || typeof options === "function"))
  )
    return
  throw new TypeError(`${v6Words.options} (got ${describe(options)})`)
}

/**
 * Applies a constructor's options object to the sealed instance as v6 does (Object.assign):
 * each key in turn, undefined values too, so a key that is no option, or a read-only one, is
 * the TypeError v6 gives (`owner`: v6's class name in it); `skip` names keys the constructor
 * consumed itself (e.g. `context`).
 */
export function applyOptions(
  target: object,
  owner: "Socket" | "Context",
  options: object | undefined,
  skip: readonly string[],
): void {
  if (options === undefined) return
  for (const [key, value] of Object.entries(options)) {
    if (skip.includes(key)) continue
    const access = accessOf(target, key)
    // V8's words for these, with the class name v6's native objects have.
    if (access === "absent") throw new TypeError(`Cannot add property ${key}, object is not extensible`)
    if (access === "read-only") {
      throw new TypeError(`Cannot set property ${key} of #<${owner}> which has only a getter`)
    }
    ;(target as Record<string, unknown>)[key] = value
  }
}

function accessOf(target: object, key: string): "writable" | "read-only" | "absent" {
  for (
    let proto = Object.getPrototypeOf(target);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key)
    if (descriptor) return descriptor.set !== undefined || descriptor.writable ? "writable" : "read-only"
  }
  return "absent"
}
