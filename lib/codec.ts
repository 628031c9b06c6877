// JSON and string helpers: pyzmq's send_json/recv_json and send_string/recv_string. They are
// free functions over any socket with send() or receive() (zeromq v6's included), not socket
// methods: the socket classes keep exactly the drop-in surface, and a helper costs what the
// code it replaces costs (one JSON.stringify or JSON.parse, one UTF-8 conversion).
import type {Message, OperationOptions} from "./socket"

/** What the send helpers need: a socket's send(). Its options (a draft Radio's group) are kept. */
export interface TextSender<O extends unknown[] = [OperationOptions?]> {
  /**
   * The socket's send(): queues one message.
   *
   * @throws Whatever the socket's send() rejects with.
   */
  send(message: string, ...options: O): Promise<void>
}

/** What the receive helpers need: a socket's receive() giving frames. */
export interface FrameReceiver {
  /**
   * The socket's receive(): one message's frames.
   *
   * @throws Whatever the socket's receive() rejects with.
   */
  receive(options?: OperationOptions): Promise<Message[]>
}

function onlyFrame(frames: Message[], helper: string): Message {
  if (frames.length !== 1) {
    throw new TypeError(
      `${helper} takes messages of one frame; received ${frames.length} frames (use receive() for multipart messages)`,
    )
  }
  return frames[0]
}

// Module-level continuations, so a receive makes no closure: one derived promise is all a
// helper adds to the plain `JSON.parse((await socket.receive())[0].toString())`.
function decodeString(frames: Message[]): string {
  return onlyFrame(frames, "receiveString").toString("utf8")
}

function decodeJson(frames: Message[]): unknown {
  return JSON.parse(onlyFrame(frames, "receiveJson").toString("utf8"))
}

/**
 * Sends `text` as one frame of UTF-8, like pyzmq's `socket.send_string(text)`. The same as
 * `socket.send(text, ...options)`, written as a helper for symmetry with {@link receiveString}.
 *
 * @example
 * ```ts
 * import {Push, sendString} from "zmq-native"
 * declare const push: Push
 * await sendString(push, "hello")
 * ```
 * @throws TypeError when `text` is not a string; otherwise as the socket's `send()` does.
 */
export function sendString<O extends unknown[]>(
  socket: TextSender<O>,
  text: string,
  ...options: O
): Promise<void>
// One optional parameter instead of a rest parameter: no array made and spread per message.
export function sendString(socket: TextSender<any[]>, text: string, options?: unknown): Promise<void> {
  if (typeof text !== "string") {
    return Promise.reject(new TypeError(`The "text" argument must be a string; received ${typeof text}`))
  }
  return options === undefined ? socket.send(text) : socket.send(text, options)
}

/**
 * Receives a message of one frame and decodes it as UTF-8, like pyzmq's `socket.recv_string()`.
 *
 * @example
 * ```ts
 * import {Pull, receiveString} from "zmq-native"
 * declare const pull: Pull
 * const text: string = await receiveString(pull, {timeout: 1000})
 * ```
 * @throws TypeError when the message has more than one frame (it is consumed); otherwise as
 * the socket's `receive()` does (`EAGAIN` on timeout, `AbortError` when `options.signal` aborts).
 */
export function receiveString(socket: FrameReceiver, options?: OperationOptions): Promise<string> {
  return socket.receive(options).then(decodeString)
}

/**
 * Sends `value` as one frame of JSON text (UTF-8), like pyzmq's `socket.send_json(value)`.
 *
 * @example
 * ```ts
 * import {Push, sendJson} from "zmq-native"
 * declare const push: Push
 * await sendJson(push, {num: 1})
 * ```
 * @throws TypeError when `value` cannot be written as JSON (`undefined`, a function, a
 * BigInt, a cycle); otherwise as the socket's `send()` does.
 */
export function sendJson<O extends unknown[]>(
  socket: TextSender<O>,
  value: unknown,
  ...options: O
): Promise<void>
export function sendJson(socket: TextSender<any[]>, value: unknown, options?: unknown): Promise<void> {
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch (error) {
    return Promise.reject(error)
  }
  if (text === undefined) {
    return Promise.reject(
      new TypeError(`The "value" argument cannot be written as JSON; received ${typeof value}`),
    )
  }
  return options === undefined ? socket.send(text) : socket.send(text, options)
}

/**
 * Receives a message of one frame and parses it as JSON, like pyzmq's `socket.recv_json()`.
 * The type parameter says what you expect; nothing checks it.
 *
 * @example
 * ```ts
 * import {Pull, receiveJson} from "zmq-native"
 * declare const pull: Pull
 * const {num} = await receiveJson<{num: number}>(pull)
 * ```
 * @throws SyntaxError when the frame is not JSON, TypeError when the message has more than one
 * frame (either way the message is consumed); otherwise as the socket's `receive()` does.
 */
export function receiveJson<T = unknown>(socket: FrameReceiver, options?: OperationOptions): Promise<T> {
  return socket.receive(options).then(decodeJson) as Promise<T>
}
