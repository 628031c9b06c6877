// Option values between JS and libzmq, for the generated accessors (lib/generated/): each setter
// checks its value (a TypeError or RangeError naming the option) and converts it to what the
// native call takes; each getter undoes libzmq's encoding (text's NUL, a value's number).
import {describe, errnoError, typeError, rangeError} from "../errors"
import type {NativeContext, NativeSocket} from "../native"

type Range = readonly [number, number]
const int32Range: Range = [-(2 ** 31), 2 ** 31 - 1]
const uint32Range: Range = [0, 2 ** 32 - 1]
const int64Range: Range = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]
const uint64Range: Range = [0, Number.MAX_SAFE_INTEGER]

function integer(name: string, value: unknown, [min, max]: Range): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw typeError(name, "an integer", value)
  if (value < min || value > max) throw rangeError(name, `between ${min} and ${max}`, value)
  return value
}

function boolean(name: string, value: unknown): number {
  if (typeof value !== "boolean") throw typeError(name, "a boolean", value)
  return value ? 1 : 0
}

function valueIndex(name: string, value: unknown, values: readonly unknown[]): number {
  const index = values.indexOf(value)
  if (index < 0) throw typeError(name, `one of ${values.map(v => JSON.stringify(v)).join(", ")}`, value)
  return index
}

// libzmq refuses a value it does not take (sendHighWaterMark = -5) with a bare EINVAL: say which
// option and value. Other errors (ETERM, EBADF for a closed socket) pass unchanged.
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

export function getBool(socket: NativeSocket, id: number): boolean {
  return socket.getInt32(id) !== 0
}

export function setBool(socket: NativeSocket, id: number, name: string, value: unknown): void {
  write(name, value, () => socket.setInt32(id, boolean(name, value)))
}

export function getInt32(socket: NativeSocket, id: number): number {
  return socket.getInt32(id)
}

export function setInt32(socket: NativeSocket, id: number, name: string, value: unknown): void {
  write(name, value, () => socket.setInt32(id, integer(name, value, int32Range)))
}

export function getUint32(socket: NativeSocket, id: number): number {
  return socket.getInt32(id) >>> 0
}

export function setUint32(socket: NativeSocket, id: number, name: string, value: unknown): void {
  write(name, value, () => socket.setInt32(id, integer(name, value, uint32Range) | 0))
}

export function getInt64(socket: NativeSocket, id: number): number {
  return socket.getInt64(id)
}

export function setInt64(socket: NativeSocket, id: number, name: string, value: unknown): void {
  write(name, value, () => socket.setInt64(id, integer(name, value, int64Range)))
}

export function getUint64(socket: NativeSocket, id: number): number {
  return socket.getUint64(id)
}

export function setUint64(socket: NativeSocket, id: number, name: string, value: unknown): void {
  write(name, value, () => socket.setUint64(id, integer(name, value, uint64Range)))
}

/** A text option; `size`: the buffer to read it with, where libzmq picks the encoding by it. */
export function getString(socket: NativeSocket, id: number, size?: number): string | null {
  const bytes = socket.getBytes(id, size)
  // libzmq counts a terminating NUL in text options.
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0 ? bytes.length - 1 : bytes.length
  return end === 0 ? null : bytes.toString("utf8", 0, end)
}

export function setString(socket: NativeSocket, id: number, name: string, value: unknown): void {
  if (value !== null && typeof value !== "string" && !Buffer.isBuffer(value)) {
    throw typeError(name, "a string, a Buffer or null", value)
  }
  write(name, value, () => socket.setBytes(id, value))
}

/** An integer option with named values (`values[n]` names libzmq's n); unnamed ones as numbers. */
export function getNamed<V>(socket: NativeSocket, id: number, values: readonly V[]): V {
  const number = socket.getInt32(id)
  return (number >= 0 && number < values.length ? values[number] : number) as V
}

export function setNamed(
  socket: NativeSocket,
  id: number,
  name: string,
  value: unknown,
  values: readonly unknown[],
): void {
  const index = valueIndex(name, value, values)
  write(name, value, () => socket.setInt32(id, index))
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
  const number = integer(name, value, int32Range)
  if (limit !== undefined && number > limit[0])
    throw rangeError(name, `at most ${limit[0]} (${limit[1]})`, value)
  write(name, value, () => context.setOption(id, number))
}

export function getContextBool(context: NativeContext, id: number): boolean {
  return context.getOption(id) !== 0
}

export function setContextBool(context: NativeContext, id: number, name: string, value: unknown): void {
  write(name, value, () => context.setOption(id, boolean(name, value)))
}

/**
 * Applies a constructor's options object: every key must be a writable property of the
 * instance (an option or a setter such as XPublisher's verbosity); `skip` names keys the
 * constructor consumed itself (e.g. `context`).
 */
export function applyOptions(target: object, options: unknown, skip: readonly string[]): void {
  if (options === undefined) return
  if (options === null || typeof options !== "object") throw typeError("options", "an object", options)
  for (const [key, value] of Object.entries(options)) {
    if (skip.includes(key)) continue
    if (!hasSetter(target, key)) {
      throw new TypeError(`Unknown option "${key}" for ${target.constructor.name}`)
    }
    ;(target as Record<string, unknown>)[key] = value
  }
}

function hasSetter(target: object, key: string): boolean {
  for (
    let proto = Object.getPrototypeOf(target);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key)
    if (descriptor) return descriptor.set !== undefined
  }
  return false
}
