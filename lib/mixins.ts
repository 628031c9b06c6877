// The public send and receive methods, given only to the socket types that can use them: a
// Pull has no send(), a Push no receive(), at runtime as in the types.
import {Socket, type Message, type MessageLike, type OperationOptions} from "./socket"
import type {MessageWithMetadata, MetadataReceiveOptions} from "./metadata"

type SocketClass = abstract new (...args: any[]) => Socket

/**
 * M: what one message is; O: the options after it, as a tuple — optional for most sockets,
 * required where libzmq needs an address (a draft Server's routing id, a Radio's group).
 */
export interface Writable<M = MessageLike | MessageLike[], O extends unknown[] = [OperationOptions?]> {
  send(message: M, ...options: O): Promise<void>
  sendMany(messages: M[], ...options: O): Promise<void>
}

/** R: what receive() gives for one message (frames; draft sockets add routing id or group). */
export interface Readable<R = Message[]> {
  /** With `options.metadata`: the message and its metadata (socket made with `receiveMetadata: true`). */
  receive(options: MetadataReceiveOptions): Promise<MessageWithMetadata>
  receive(options?: OperationOptions): Promise<R>
  receiveMany(max?: number, options?: OperationOptions): Promise<R[]>
  [Symbol.asyncIterator](): AsyncIterator<R, undefined>
}

export function Writable<
  B extends SocketClass,
  M = MessageLike | MessageLike[],
  O extends unknown[] = [OperationOptions?],
>(Base: B): B & (abstract new (...args: any[]) => Writable<M, O>) {
  abstract class WritableSocket extends Base implements Writable {
    /**
     * Queues a message — one frame, or an array of frames for a multipart message. Resolves
     * once libzmq accepted it; waits while the high-water mark is reached (up to sendTimeout,
     * or `options.timeout`). Several sends may be pending; they go out in call order.
     */
    send(message: MessageLike | MessageLike[], options?: OperationOptions): Promise<void> {
      return this.sendMessage(message, options)
    }

    /** Sends messages in order with as few native calls as possible; resolves when all are queued. */
    sendMany(messages: (MessageLike | MessageLike[])[], options?: OperationOptions): Promise<void> {
      return this.sendManyMessages(messages, options)
    }
  }
  return WritableSocket as unknown as B & (abstract new (...args: any[]) => Writable<M, O>)
}

export function Readable<B extends SocketClass, R = Message[]>(
  Base: B,
): B & (abstract new (...args: any[]) => Readable<R>) {
  abstract class ReadableSocket extends Base implements Readable {
    /** Receives one message as an array of frames. Several receives may be pending, served in order. */
    receive(options?: OperationOptions): Promise<Message[]>
    receive(options: MetadataReceiveOptions): Promise<MessageWithMetadata>
    receive(options?: OperationOptions | MetadataReceiveOptions): Promise<unknown> {
      if (options !== undefined && (options as MetadataReceiveOptions).metadata !== undefined) {
        return this.receiveMessageWithMetadata(options as MetadataReceiveOptions)
      }
      return this.receiveMessage(options)
    }

    /** Every message ready now (waiting for at least one), at most `max`, in one call. */
    receiveMany(max?: number, options?: OperationOptions): Promise<Message[][]> {
      return this.receiveManyMessages(max, options)
    }

    /** `for await (const frames of socket)`: ends when the socket is closed. */
    [Symbol.asyncIterator](): AsyncGenerator<Message[], undefined, undefined> {
      return this.iterateMessages() as AsyncGenerator<Message[], undefined, undefined>
    }
  }
  return ReadableSocket as unknown as B & (abstract new (...args: any[]) => Readable<R>)
}
