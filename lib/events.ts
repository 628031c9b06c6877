// Socket events: the one table of libzmq's monitor events (their names, as in zeromq v6, and
// what value each carries), their types, and the turning of a native [id, value, endpoint]
// triple into a typed event. lib/observer.ts delivers them.
import {binding} from "./native"
import type {ErrnoError} from "./errors"
import * as zmq from "./generated/zmq"

/** A ZAP (authentication) failure: the status code the ZAP handler answered. */
export interface AuthError extends Error {
  /** The ZAP status: 300 temporary error, 400 authentication failure, 500 internal error. */
  status: 300 | 400 | 500
}

// libzmq's protocol errors, ZMQ_PROTOCOL_ERROR_<name> in zmq.h, are named ERR_<name> here.
const protocolPrefix = "ZMQ_PROTOCOL_ERROR_"
type ProtocolErrorName = {
  [K in keyof typeof zmq]: K extends `ZMQ_PROTOCOL_ERROR_${infer Name}` ? Name : never
}[keyof typeof zmq]

/** A ZMTP or ZAP protocol violation seen during a handshake. */
export interface ProtoError extends Error {
  /** Which violation: libzmq's ZMQ_PROTOCOL_ERROR_<name> as ERR_<name>, e.g. "ERR_ZMTP_UNEXPECTED_COMMAND". */
  code: `ERR_${ProtocolErrorName}`
}

/** What most events carry: the endpoint concerned. */
export interface EventAddress {
  /** The endpoint, e.g. "tcp://127.0.0.1:5555". */
  address: string
}
/** What connect:retry carries. */
export interface EventInterval {
  /** Milliseconds until the next attempt. */
  interval: number
}
/** What the failure events carry. */
export interface EventError<E = ErrnoError> {
  /** What went wrong. */
  error: E
}
type Expand<T> = T extends infer O ? {[K in keyof O]: O[K]} : never
/** An event of type T with the fields D. */
export type EventFor<T extends string, D = object> = Expand<
  {
    /** The event's name. */
    type: T
  } & D
>

/** Every socket event, named as in zeromq v6. */
export type Event =
  | EventFor<"accept", EventAddress>
  | EventFor<"accept:error", EventAddress & EventError>
  | EventFor<"bind", EventAddress>
  | EventFor<"bind:error", EventAddress & EventError>
  | EventFor<"connect", EventAddress>
  | EventFor<"connect:delay", EventAddress>
  | EventFor<"connect:retry", EventAddress & EventInterval>
  | EventFor<"close", EventAddress>
  | EventFor<"close:error", EventAddress & EventError>
  | EventFor<"disconnect", EventAddress>
  | EventFor<"end">
  | EventFor<"handshake", EventAddress>
  | EventFor<"handshake:error:protocol", EventAddress & EventError<ProtoError>>
  | EventFor<"handshake:error:auth", EventAddress & EventError<AuthError>>
  | EventFor<"handshake:error:other", EventAddress & EventError>
  | EventFor<"unknown">

/** The name of an event: "accept", "bind", "handshake", ... */
export type EventType = Event["type"]
/** The event whose type is E. */
export type EventOfType<E extends EventType = EventType> = Expand<Extract<Event, {type: E}>>

/** Observer.waitFor() options. */
export interface WaitForOptions<E extends EventType = EventType> {
  /** Milliseconds before rejecting with EAGAIN; default: wait as long as it takes. */
  timeout?: number
  /** Rejects with an AbortError when signalled. */
  signal?: AbortSignal
  /** Only events this accepts count (e.g. a given address). */
  filter?: (event: EventOfType<E>) => boolean
}

// libzmq's monitor events, and what kind of value each carries: the events table.
const eventTypes = new Map<number, [EventType, "errno" | "interval" | "protocol" | "status" | null]>([
  [zmq.ZMQ_EVENT_CONNECTED, ["connect", null]],
  [zmq.ZMQ_EVENT_CONNECT_DELAYED, ["connect:delay", null]],
  [zmq.ZMQ_EVENT_CONNECT_RETRIED, ["connect:retry", "interval"]],
  [zmq.ZMQ_EVENT_LISTENING, ["bind", null]],
  [zmq.ZMQ_EVENT_BIND_FAILED, ["bind:error", "errno"]],
  [zmq.ZMQ_EVENT_ACCEPTED, ["accept", null]],
  [zmq.ZMQ_EVENT_ACCEPT_FAILED, ["accept:error", "errno"]],
  [zmq.ZMQ_EVENT_CLOSED, ["close", null]],
  [zmq.ZMQ_EVENT_CLOSE_FAILED, ["close:error", "errno"]],
  [zmq.ZMQ_EVENT_DISCONNECTED, ["disconnect", null]],
  [zmq.ZMQ_EVENT_MONITOR_STOPPED, ["end", null]],
  [zmq.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, ["handshake:error:other", "errno"]],
  [zmq.ZMQ_EVENT_HANDSHAKE_SUCCEEDED, ["handshake", null]],
  [zmq.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ["handshake:error:protocol", "protocol"]],
  [zmq.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH, ["handshake:error:auth", "status"]],
])

/** Every event type's name. */
export const knownTypes = new Set<string>([...[...eventTypes.values()].map(([type]) => type), "unknown"])

const protocolErrors = new Map<number, ProtoError["code"]>(
  Object.entries(zmq)
    .filter(([name]) => name.startsWith(protocolPrefix))
    .map(([name, value]) => [
      value as number,
      `ERR_${name.slice(protocolPrefix.length)}` as ProtoError["code"],
    ]),
)

// The events' errors are zeromq v6's: an errno event's is the error a libzmq failure with that
// number becomes (the event carries the address); a protocol error says whose protocol (its
// code which violation); an authentication failure what the ZAP status means.
function protocolError(value: number): ProtoError {
  const code = protocolErrors.get(value) ?? "ERR_ZMTP_UNSPECIFIED"
  const error = new Error(`${code.startsWith("ERR_ZAP_") ? "ZAP" : "ZMTP"} protocol error`) as ProtoError
  error.code = code
  return error
}

const zapStatuses: Record<number, string> = {
  300: "Temporary error",
  400: "Authentication failure",
  500: "Internal error",
}

function authError(status: number): AuthError {
  const error = new Error(zapStatuses[status] ?? "Unknown error") as AuthError
  error.status = status as AuthError["status"]
  return error
}

/** Turns a native [id, value, endpoint] triple into an Event. */
export function toEvent(id: number, value: number, address: string): Event {
  const known = eventTypes.get(id)
  if (known === undefined) return {type: "unknown"}
  const [type, payload] = known
  if (type === "end") return {type}
  switch (payload) {
    case "interval":
      return {type, address, interval: value} as Event
    case "errno":
      return {type, address, error: binding.libzmqError(value)} as Event
    case "protocol":
      return {type, address, error: protocolError(value)} as Event
    case "status":
      return {type, address, error: authError(value)} as Event
    default:
      return {type, address} as Event
  }
}
