// The one table of socket and context options: libzmq id, value type, access, and which socket
// types have it. Accessors on the socket classes and their TypeScript types are derived from it.
import {typeError, rangeError, errnoError, describe} from "./errors"
import type {NativeSocket, NativeContext} from "./native"

export type SocketKind =
  | "Pair"
  | "Publisher"
  | "Subscriber"
  | "Request"
  | "Reply"
  | "Dealer"
  | "Router"
  | "Pull"
  | "Push"
  | "XPublisher"
  | "XSubscriber"
  | "Stream"
  | "Server"
  | "Client"
  | "Radio"
  | "Dish"
  | "Gather"
  | "Scatter"
  | "Datagram"
  | "Peer"
  | "Channel"

type ValueType = "int32" | "uint32" | "int64" | "uint64" | "bool" | "string"

interface OptionSpec {
  readonly name: string
  readonly id: number
  readonly type: ValueType
  /** "r": read-only, "w": write-only (libzmq cannot read it back); read-write when absent. */
  readonly access?: "r" | "w"
  /** Socket types that have it; every type when absent. */
  readonly for?: readonly SocketKind[]
  /** Names for an integer option's values (index = libzmq's number). */
  readonly values?: readonly (string | null)[]
  /** Buffer size to read a byte option with, where libzmq picks the encoding by it. */
  readonly size?: number
  /** The read-only option holding the largest value libzmq can work with. */
  readonly atMost?: string
}

const writers = [
  "Pair",
  "Publisher",
  "Request",
  "Reply",
  "Dealer",
  "Router",
  "Push",
  "XPublisher",
  "XSubscriber",
  "Stream",
  "Server",
  "Client",
  "Radio",
  "Scatter",
  "Datagram",
  "Peer",
  "Channel",
] as const
const readers = [
  "Pair",
  "Subscriber",
  "Request",
  "Reply",
  "Dealer",
  "Router",
  "Pull",
  "XPublisher",
  "XSubscriber",
  "Stream",
  "Server",
  "Client",
  "Dish",
  "Gather",
  "Datagram",
  "Peer",
  "Channel",
] as const
const conflaters = ["Pull", "Push", "Subscriber", "Publisher", "Dealer", "Scatter", "Gather"] as const
const gssapiNames = ["hostBased", "userName", "krb5Principal"] as const

// Units: every interval and timeout is in milliseconds, sizes in bytes, rate in kbit/s
// (libzmq's own units); -1 means "infinite" or "system default" where libzmq says so.
export const socketOptions = [
  {name: "affinity", id: 4, type: "uint64"},
  {name: "routingId", id: 5, type: "string", for: ["Request", "Reply", "Router", "Dealer"]},
  {name: "rate", id: 8, type: "int32"},
  {name: "recoveryInterval", id: 9, type: "int32"},
  {name: "sendBufferSize", id: 11, type: "int32", for: writers},
  {name: "receiveBufferSize", id: 12, type: "int32", for: readers},
  {name: "type", id: 16, type: "int32", access: "r"},
  {name: "linger", id: 17, type: "int32"},
  {name: "reconnectInterval", id: 18, type: "int32"},
  {name: "backlog", id: 19, type: "int32"},
  {name: "reconnectMaxInterval", id: 21, type: "int32"},
  {name: "maxMessageSize", id: 22, type: "int64"},
  {name: "sendHighWaterMark", id: 23, type: "int32", for: writers},
  {name: "receiveHighWaterMark", id: 24, type: "int32", for: readers},
  {name: "multicastHops", id: 25, type: "int32", for: writers},
  {name: "receiveTimeout", id: 27, type: "int32", for: readers},
  {name: "sendTimeout", id: 28, type: "int32", for: writers},
  {name: "lastEndpoint", id: 32, type: "string", access: "r"},
  {name: "mandatory", id: 33, type: "bool", access: "w", for: ["Router"]},
  {name: "tcpKeepalive", id: 34, type: "int32"},
  {name: "tcpKeepaliveCount", id: 35, type: "int32"},
  {name: "tcpKeepaliveIdle", id: 36, type: "int32"},
  {name: "tcpKeepaliveInterval", id: 37, type: "int32"},
  {name: "tcpAcceptFilter", id: 38, type: "string", access: "w"},
  {name: "immediate", id: 39, type: "bool"},
  {name: "raw", id: 41, type: "bool", access: "w", for: ["Router"]},
  {name: "ipv6", id: 42, type: "bool"},
  {name: "securityMechanism", id: 43, type: "int32", access: "r", values: [null, "plain", "curve", "gssapi"]},
  {name: "plainServer", id: 44, type: "bool"},
  {name: "plainUsername", id: 45, type: "string"},
  {name: "plainPassword", id: 46, type: "string"},
  {name: "curveServer", id: 47, type: "bool"},
  // Read back as Z85 text: libzmq returns that encoding when asked for 41 bytes.
  {name: "curvePublicKey", id: 48, type: "string", size: 41},
  {name: "curveSecretKey", id: 49, type: "string", size: 41},
  {name: "curveServerKey", id: 50, type: "string", size: 41},
  {name: "probeRouter", id: 51, type: "bool", access: "w", for: ["Router", "Dealer", "Request"]},
  {name: "correlate", id: 52, type: "bool", access: "w", for: ["Request"]},
  {name: "relaxed", id: 53, type: "bool", access: "w", for: ["Request"]},
  {name: "conflate", id: 54, type: "bool", access: "w", for: conflaters},
  {name: "zapDomain", id: 55, type: "string"},
  {name: "handover", id: 56, type: "bool", access: "w", for: ["Router"]},
  {name: "typeOfService", id: 57, type: "uint32"},
  {name: "ipcFilterPid", id: 58, type: "int32", access: "w"},
  {name: "ipcFilterUid", id: 59, type: "int32", access: "w"},
  {name: "ipcFilterGid", id: 60, type: "int32", access: "w"},
  {name: "gssapiServer", id: 62, type: "bool"},
  {name: "gssapiPrincipal", id: 63, type: "string"},
  {name: "gssapiServicePrincipal", id: 64, type: "string"},
  {name: "gssapiPlainText", id: 65, type: "bool"},
  {name: "handshakeInterval", id: 66, type: "int32"},
  {name: "socksProxy", id: 68, type: "string"},
  {name: "noDrop", id: 69, type: "bool", access: "w", for: ["XPublisher", "Publisher"]},
  {name: "manual", id: 71, type: "bool", access: "w", for: ["XPublisher"]},
  {name: "welcomeMessage", id: 72, type: "string", access: "w", for: ["XPublisher"]},
  {name: "notify", id: 73, type: "bool", access: "w", for: ["Stream"]},
  {name: "invertMatching", id: 74, type: "bool", for: ["Publisher", "Subscriber", "XPublisher"]},
  {name: "heartbeatInterval", id: 75, type: "int32"},
  {name: "heartbeatTimeToLive", id: 76, type: "int32"},
  {name: "heartbeatTimeout", id: 77, type: "int32"},
  {name: "connectTimeout", id: 79, type: "int32"},
  {name: "tcpMaxRetransmitTimeout", id: 80, type: "int32"},
  {name: "threadSafe", id: 81, type: "bool", access: "r"},
  {name: "multicastMaxTransportDataUnit", id: 84, type: "int32"},
  {name: "vmciBufferSize", id: 85, type: "uint64"},
  {name: "vmciBufferMinSize", id: 86, type: "uint64"},
  {name: "vmciBufferMaxSize", id: 87, type: "uint64"},
  {name: "vmciConnectTimeout", id: 88, type: "int32"},
  {name: "gssapiPrincipalNameType", id: 90, type: "int32", values: gssapiNames},
  {name: "gssapiServicePrincipalNameType", id: 91, type: "int32", values: gssapiNames},
  {name: "interface", id: 92, type: "string"},
  {name: "zapEnforceDomain", id: 93, type: "bool"},
  {name: "loopbackFastPath", id: 94, type: "bool"},
  // Draft options of libzmq 4.3 (the vendored build has the draft API on).
  {name: "multicastLoop", id: 96, type: "bool"},
  {name: "routerNotify", id: 97, type: "int32", for: ["Router"]},
  {name: "manualLastValue", id: 98, type: "bool", access: "w", for: ["XPublisher"]},
  {name: "socksUsername", id: 99, type: "string"},
  {name: "socksPassword", id: 100, type: "string"},
  {name: "inBatchSize", id: 101, type: "int32"},
  {name: "outBatchSize", id: 102, type: "int32"},
] as const satisfies readonly OptionSpec[]

export const contextOptions = [
  {name: "ioThreads", id: 1, type: "int32"},
  // libzmq takes any count, then fails to start the context's threads (aborting the process)
  // when it cannot allocate a slot per socket, or the count overflows.
  {name: "maxSockets", id: 2, type: "int32", atMost: "maxSocketsLimit"},
  {name: "maxSocketsLimit", id: 3, type: "int32", access: "r"},
  {name: "threadPriority", id: 3, type: "int32", access: "w"},
  {name: "threadSchedulingPolicy", id: 4, type: "int32", access: "w"},
  {name: "maxMessageSize", id: 5, type: "int32"},
  {name: "ipv6", id: 42, type: "bool"},
  {name: "blocky", id: 70, type: "bool"},
] as const satisfies readonly OptionSpec[]

// ---- Types derived from the tables ----

type Spec = (typeof socketOptions)[number]
type ValueOf<S> = S extends {values: readonly (infer V)[]}
  ? V
  : S extends {type: "bool"}
    ? boolean
    : S extends {type: "string"}
      ? string | null
      : number
type Has<S, K> = S extends {for: readonly (infer T)[]} ? (K extends T ? true : false) : true
type ReadOnlyNames<K> = {
  [I in Spec as Has<I, K> extends true ? (I extends {access: "r"} ? I["name"] : never) : never]: ValueOf<I>
}
type MutableNames<K> = {
  [I in Spec as Has<I, K> extends true ? (I extends {access: "r"} ? never : I["name"]) : never]: ValueOf<I>
}

/** The option properties a socket type has, e.g. `SocketOptionProperties<"Push">`. */
export type SocketOptionProperties<K extends SocketKind> = {
  readonly [N in keyof ReadOnlyNames<K>]: ReadOnlyNames<K>[N]
} & MutableNames<K>
/** The options a socket type's constructor may set: all but the read-only ones. */
export type WritableSocketOptions<K extends SocketKind> = MutableNames<K>

type ContextSpec = (typeof contextOptions)[number]
/** The options a Context's constructor may set: all but the read-only ones. */
export type WritableContextOptions = {
  [I in ContextSpec as I extends {access: "r"} ? never : I["name"]]: ValueOf<I>
}
export type ContextOptionProperties = {
  readonly [I in ContextSpec as I extends {access: "r"} ? I["name"] : never]: ValueOf<I>
} & WritableContextOptions

// ---- Runtime accessors ----

const int32Range = [-(2 ** 31), 2 ** 31 - 1] as const
const uint32Range = [0, 2 ** 32 - 1] as const

function checkInteger(spec: OptionSpec, value: unknown, [min, max]: readonly [number, number]): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw typeError(spec.name, "an integer", value)
  }
  if (value < min || value > max) throw rangeError(spec.name, `between ${min} and ${max}`, value)
  return value
}

function toNative(spec: OptionSpec, value: unknown): number | string | Buffer | null {
  if (spec.values) {
    const index = spec.values.indexOf(value as string)
    if (index < 0)
      throw typeError(spec.name, `one of ${spec.values.map(v => JSON.stringify(v)).join(", ")}`, value)
    return index
  }
  switch (spec.type) {
    case "bool":
      if (typeof value !== "boolean") throw typeError(spec.name, "a boolean", value)
      return value ? 1 : 0
    case "string":
      if (value !== null && typeof value !== "string" && !Buffer.isBuffer(value)) {
        throw typeError(spec.name, "a string, a Buffer or null", value)
      }
      return value as string | Buffer | null
    case "int32":
      return checkInteger(spec, value, int32Range)
    case "uint32":
      return checkInteger(spec, value, uint32Range)
    case "int64":
      return checkInteger(spec, value, [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER])
    case "uint64":
      return checkInteger(spec, value, [0, Number.MAX_SAFE_INTEGER])
  }
}

function readSocketOption(native: NativeSocket, spec: OptionSpec): unknown {
  switch (spec.type) {
    case "bool":
      return native.getInt32(spec.id) !== 0
    case "string": {
      const bytes = native.getBytes(spec.id, spec.size)
      // libzmq counts a terminating NUL in text options.
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 0 ? bytes.length - 1 : bytes.length
      return end === 0 ? null : bytes.toString("utf8", 0, end)
    }
    case "int64":
      return native.getInt64(spec.id)
    case "uint64":
      return native.getUint64(spec.id)
    default: {
      const number = native.getInt32(spec.id)
      if (spec.values) return number >= 0 && number < spec.values.length ? spec.values[number] : number
      return spec.type === "uint32" ? number >>> 0 : number
    }
  }
}

// libzmq refuses a value it does not take (sendHighWaterMark = -5) with a bare EINVAL: say which
// option and value. Other errors (ETERM, EBADF for a closed socket) pass unchanged.
function refused(error: unknown, spec: OptionSpec, value: unknown): unknown {
  const original = error as {code?: unknown; errno?: number; message?: string}
  if (original?.code !== "EINVAL") return error
  const explained = errnoError(
    "EINVAL",
    `${original.message}: libzmq refused ${describe(value)} for ${spec.name}`,
  )
  if (typeof original.errno === "number") explained.errno = original.errno
  return explained
}

function writeSocketOption(native: NativeSocket, spec: OptionSpec, value: unknown): void {
  const converted = toNative(spec, value)
  try {
    switch (spec.type) {
      case "string":
        return native.setBytes(spec.id, converted as string | Buffer | null)
      case "int64":
        return native.setInt64(spec.id, converted as number)
      case "uint64":
        return native.setUint64(spec.id, converted as number)
      default:
        return native.setInt32(spec.id, (converted as number) | 0)
    }
  } catch (error) {
    throw refused(error, spec, value)
  }
}

/** What accessors need from their socket: its native handle (which throws once closed). */
export interface HasNativeSocket {
  readonly nativeSocket: NativeSocket
}

/**
 * Defines the option accessors of socket type `kind` on its class prototype; without a kind,
 * the options every socket type has (on the Socket base class, as zeromq v6 has them).
 */
export function defineSocketOptions(prototype: object, kind?: SocketKind): void {
  for (const spec of socketOptions as readonly OptionSpec[]) {
    if (spec.for && (kind === undefined || !spec.for.includes(kind))) continue
    const descriptor: PropertyDescriptor = {configurable: true, enumerable: false}
    if (spec.access !== "w") {
      descriptor.get = function (this: HasNativeSocket) {
        return readSocketOption(this.nativeSocket, spec)
      }
    }
    if (spec.access !== "r") {
      descriptor.set = function (this: HasNativeSocket, value: unknown) {
        writeSocketOption(this.nativeSocket, spec, value)
      }
    }
    Object.defineProperty(prototype, spec.name, descriptor)
  }
}

export interface HasNativeContext {
  readonly nativeContext: NativeContext
}

export function defineContextOptions(prototype: object): void {
  for (const spec of contextOptions as readonly OptionSpec[]) {
    const descriptor: PropertyDescriptor = {configurable: true, enumerable: false}
    if (spec.access !== "w") {
      descriptor.get = function (this: HasNativeContext) {
        const value = this.nativeContext.getOption(spec.id)
        return spec.type === "bool" ? value !== 0 : value
      }
    }
    if (spec.access !== "r") {
      descriptor.set = function (this: HasNativeContext, value: unknown) {
        const converted = toNative(spec, value) as number
        if (spec.atMost !== undefined) {
          const limit = (this as unknown as Record<string, number>)[spec.atMost]
          if (converted > limit) throw rangeError(spec.name, `at most ${limit} (${spec.atMost})`, value)
        }
        try {
          this.nativeContext.setOption(spec.id, converted)
        } catch (error) {
          throw refused(error, spec, value)
        }
      }
    }
    Object.defineProperty(prototype, spec.name, descriptor)
  }
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
