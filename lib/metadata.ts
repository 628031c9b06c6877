// Per-message metadata (libzmq's zmq_msg_gets): who sent a message, as the connection's
// handshake established it — User-Id and ZAP metadata from the authenticator, Peer-Address,
// Socket-Type, Routing-Id. An opt-in receive path: a socket made with `receiveMetadata: true`
// reads messages one at a time, so none is read ahead without its metadata; every other socket
// keeps the batched path untouched.
import {binding, type NativeSocket} from "./native"
import {typeError} from "./errors"
import type {Message, OperationOptions} from "./socket"

/** The properties every `receive({metadata})` reads (those a message has). */
export const standardProperties = ["User-Id", "Peer-Address", "Socket-Type", "Routing-Id"] as const

/** receive() options that ask for the message's metadata too. */
export interface MetadataReceiveOptions extends OperationOptions {
  /**
   * true: the standard properties (User-Id, Peer-Address, Socket-Type, Routing-Id); an array:
   * those and the named ones (ZAP metadata set by the authenticator, e.g. from certificates).
   * Needs a socket made with `receiveMetadata: true`.
   */
  metadata: true | readonly string[]
}

/** A message with the properties it has (name → value; absent ones are left out). */
export interface MessageWithMetadata {
  /** The message's frames. */
  frames: Message[]
  /** Its properties, name → value (User-Id, Peer-Address, ...). */
  metadata: Record<string, string>
}

/** @internal what a metadata receive reads: property names, as libzmq is asked for them */
export interface MetadataRequest {
  names: readonly string[]
  /**
   * libzmq 4.3 files the peer's routing id under its ZMTP name, "Identity", where zmq_msg_gets
   * looks for "Routing-Id": "Identity" is read too (last in `names`) and reported as Routing-Id.
   */
  identity: boolean
}

const standardRequest: MetadataRequest = {names: [...standardProperties, "Identity"], identity: true}

/** @internal the request `options.metadata` makes */
export function metadataRequest(value: unknown): MetadataRequest {
  if (value === true) return standardRequest
  if (!Array.isArray(value)) throw typeError("options.metadata", "true or an array of property names", value)
  value.forEach((name: unknown, index) => {
    if (typeof name !== "string" || name === "" || name.includes("\0")) {
      throw typeError(`options.metadata[${index}]`, "a property name (a non-empty string)", name)
    }
  })
  const names = [...new Set([...standardProperties, ...(value as string[])])]
  const identity = !names.includes("Identity")
  return {names: identity ? [...names, "Identity"] : names, identity}
}

/** @internal one message that is ready now, with its properties; undefined when none is */
export function receiveWithMetadata(
  native: NativeSocket,
  request: MetadataRequest,
): MessageWithMetadata | undefined {
  const received = binding.receiveWithProperties(native, request.names)
  if (received === undefined) return undefined
  const [frames, values] = received
  const metadata: Record<string, string> = {}
  const reported = request.identity ? request.names.length - 1 : request.names.length
  for (let index = 0; index < reported; index++) {
    const value = values[index]
    if (value !== null) metadata[request.names[index]] = value
  }
  // An empty routing id is a peer without one.
  const identity = values[values.length - 1]
  if (request.identity && identity && !metadata["Routing-Id"]) metadata["Routing-Id"] = identity
  if (metadata["Routing-Id"] === "") delete metadata["Routing-Id"]
  return {frames, metadata}
}
