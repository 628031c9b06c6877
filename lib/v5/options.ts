// Socket options as zeromq v5 handled them: by libzmq option id (or a short name), passed
// through to libzmq whatever the socket type (libzmq decides what applies, as in v5), with v5's
// value conventions: numbers for flags, strings for text and bytes, null for an empty one. The
// value types come from the core's option table (lib/options.ts); the access by id goes through
// the core socket's native handle, the one place the v5 layer reads or writes options.
import {native} from "../core/handles"
import * as libzmq from "../generated/zmq"
import {socketOptions} from "../options"
import type {Socket as CoreSocket} from "../socket"
import * as zmq from "./constants"

/** zeromq v5's short option names (`socket.linger`, `setsockopt("linger", …)`) and their ids. */
export const shortOptions = {
  _fd: zmq.ZMQ_FD,
  _ioevents: zmq.ZMQ_EVENTS,
  _receiveMore: zmq.ZMQ_RCVMORE,
  _subscribe: zmq.ZMQ_SUBSCRIBE,
  _unsubscribe: zmq.ZMQ_UNSUBSCRIBE,
  affinity: zmq.ZMQ_AFFINITY,
  backlog: zmq.ZMQ_BACKLOG,
  identity: zmq.ZMQ_IDENTITY,
  linger: zmq.ZMQ_LINGER,
  rate: zmq.ZMQ_RATE,
  rcvbuf: zmq.ZMQ_RCVBUF,
  last_endpoint: zmq.ZMQ_LAST_ENDPOINT,
  reconnect_ivl: zmq.ZMQ_RECONNECT_IVL,
  recovery_ivl: zmq.ZMQ_RECOVERY_IVL,
  sndbuf: zmq.ZMQ_SNDBUF,
  mechanism: zmq.ZMQ_MECHANISM,
  plain_server: zmq.ZMQ_PLAIN_SERVER,
  plain_username: zmq.ZMQ_PLAIN_USERNAME,
  plain_password: zmq.ZMQ_PLAIN_PASSWORD,
  curve_server: zmq.ZMQ_CURVE_SERVER,
  curve_publickey: zmq.ZMQ_CURVE_PUBLICKEY,
  curve_secretkey: zmq.ZMQ_CURVE_SECRETKEY,
  curve_serverkey: zmq.ZMQ_CURVE_SERVERKEY,
  zap_domain: zmq.ZMQ_ZAP_DOMAIN,
  heartbeat_ivl: zmq.ZMQ_HEARTBEAT_IVL,
  heartbeat_ttl: zmq.ZMQ_HEARTBEAT_TTL,
  heartbeat_timeout: zmq.ZMQ_HEARTBEAT_TIMEOUT,
  connect_timeout: zmq.ZMQ_CONNECT_TIMEOUT,
} as const

/** A short option name: a key of `options` ("linger", "identity", …). */
export type ShortOption = keyof typeof shortOptions

/** What getsockopt() gives: a number (flags too), or text (null when empty). */
export type OptionValue = number | string | null

type ValueType = (typeof socketOptions)[number]["type"]

interface Spec {
  readonly name: string
  readonly type: ValueType
  readonly size?: number
}

// zeromq v5 read CURVE keys back as Z85 text: libzmq gives that encoding to a read of 41 bytes
// (v6's getters read 1024 and fail).
const z85Key = (name: string): Spec => ({name, type: "string", size: 41})

// Every option of the core's table, plus the old ones zeromq v5 exported that libzmq 4.3
// still has and the table does not name.
const byId = new Map<number, Spec>([
  ...socketOptions.map(spec => [libzmq[spec.zmq], spec] as [number, Spec]),
  [zmq.ZMQ_IPV4ONLY, {name: "ipv4only", type: "int32"}],
  [zmq.ZMQ_XPUB_VERBOSE, {name: "xpub_verbose", type: "int32"}],
  [zmq.ZMQ_CURVE_PUBLICKEY, z85Key("curvePublicKey")],
  [zmq.ZMQ_CURVE_SECRETKEY, z85Key("curveSecretKey")],
  [zmq.ZMQ_CURVE_SERVERKEY, z85Key("curveServerKey")],
])

// Options whose state lives in our event loop, not in libzmq: zeromq v6's v5-compat refuses
// them with these words, and so do we.
const eventLoopOptions = new Map<number, string>([
  [zmq.ZMQ_FD, "ZMQ_FD"],
  [zmq.ZMQ_RCVMORE, "ZMQ_RCVMORE"],
])

/** The option id for a short name, a ZMQ_* name or an id; throws "Unknown option" otherwise. */
export function optionId(option: unknown): number {
  if (typeof option === "number") return option
  if (typeof option === "string") {
    if (Object.hasOwn(shortOptions, option)) return shortOptions[option as ShortOption]
    const id = (zmq as Record<string, number>)[option]
    if (option.startsWith("ZMQ_") && id !== undefined) return id
  }
  throw new Error("Unknown option")
}

function specOf(id: number): Spec {
  const unsupported = eventLoopOptions.get(id)
  if (unsupported !== undefined) throw new Error(`${unsupported} is not supported in compatibility mode`)
  const spec = byId.get(id)
  if (spec === undefined) throw new Error("Unknown option")
  return spec
}

export function getOption(socket: CoreSocket, id: number): OptionValue {
  if (id === zmq.ZMQ_EVENTS) {
    return (socket.readable ? zmq.ZMQ_POLLIN : 0) | (socket.writable ? zmq.ZMQ_POLLOUT : 0)
  }
  const spec = specOf(id)
  const handle = socket[native]
  switch (spec.type) {
    case "string": {
      const bytes = handle.getBytes(id, spec.size)
      // libzmq counts a terminating NUL in text options.
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 0 ? bytes.length - 1 : bytes.length
      return end === 0 ? null : bytes.toString("utf8", 0, end)
    }
    case "int64":
      return handle.getInt64(id)
    case "uint64":
      return handle.getUint64(id)
    case "uint32":
      return handle.getInt32(id) >>> 0
    default:
      return handle.getInt32(id)
  }
}

export function setOption(socket: CoreSocket, id: number, value: unknown): void {
  const spec = specOf(id)
  const handle = socket[native]
  if (spec.type === "string") {
    if (value !== null && typeof value !== "string" && !Buffer.isBuffer(value)) {
      throw new TypeError("Option value must be a string or buffer")
    }
    return handle.setBytes(id, value)
  }
  if (spec.type === "bool" && typeof value === "boolean") return handle.setInt32(id, value ? 1 : 0)
  if (typeof value !== "number") throw new TypeError("Option value must be a number")
  const [min, max] = ranges[spec.type]
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `The value of option ${id} (${spec.name}) must be an integer between ${min} and ${max}; received ${value}`,
    )
  }
  switch (spec.type) {
    case "int64":
      return handle.setInt64(id, value)
    case "uint64":
      return handle.setUint64(id, value)
    default:
      return handle.setInt32(id, value | 0)
  }
}

const ranges: Record<Exclude<ValueType, "string">, readonly [number, number]> = {
  bool: [-(2 ** 31), 2 ** 31 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER],
}
