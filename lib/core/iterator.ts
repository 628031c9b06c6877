// `for await (const message of socket)`, built on receive: hand-written rather than an async
// generator, because a message that is already there then costs one resolved promise, where a
// generator's yield-await costs several. Ends when the socket closes; any other error is thrown
// to the loop once, and then it is done.
import type {Burst} from "./fairness"

export class MessageIterator<T> implements AsyncGenerator<T, undefined, undefined> {
  private finished = false

  /**
   * now: a message ready at once, or undefined; wait: the next message, queued behind earlier
   * receives; closed: whether the socket is closed; burst: the socket's (lib/core/fairness.ts).
   */
  constructor(
    private readonly now: () => T | undefined,
    private readonly wait: () => Promise<T>,
    private readonly closed: () => boolean,
    private readonly burst: Burst,
  ) {}

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.finished || this.closed()) return this.return()
    let message: T | undefined
    try {
      message = this.now()
    } catch (error) {
      return this.throw(error)
    }
    if (message !== undefined) return this.burst.completed({done: false, value: message})
    return this.wait().then(
      value => ({done: false, value}),
      error => {
        if (this.closed() && (error as {code?: string}).code === "EAGAIN") return this.return()
        return this.throw(error)
      },
    )
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.finished = true
    return Promise.resolve({done: true, value: undefined})
  }

  throw(error: unknown): Promise<IteratorResult<T, undefined>> {
    this.finished = true
    return Promise.reject(error)
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.finished = true
  }
}
