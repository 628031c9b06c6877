// A FIFO with O(1) push and shift: a socket's pending sends and receives, the messages a batch
// receive read ahead, an observer's waiting receives.
export class Queue<T> {
  private items: (T | undefined)[] = []
  private head = 0

  get length(): number {
    return this.items.length - this.head
  }

  peek(): T | undefined {
    return this.items[this.head]
  }

  push(item: T): void {
    this.items.push(item)
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined
    const item = this.items[this.head]
    this.items[this.head++] = undefined
    if (this.head === this.items.length) {
      this.items.length = 0
      this.head = 0
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return item
  }

  /** Removes and returns up to `max` items from the front. */
  shiftMany(max: number): T[] {
    const taken = this.items.slice(this.head, this.head + max) as T[]
    this.head += taken.length
    if (this.head === this.items.length) {
      this.items = []
      this.head = 0
    }
    return taken
  }

  /**
   * Takes over `items` (no copy) as the whole queue, minus the first `from` of them: an empty
   * queue refilled with a batch the caller already took the head of.
   */
  refill(items: T[], from: number): void {
    this.items = items
    this.head = from
    if (from >= items.length) {
      this.items = []
      this.head = 0
    }
  }

  /** Removes and returns everything still queued. */
  drain(): T[] {
    const rest = this.items.slice(this.head) as T[]
    this.items = []
    this.head = 0
    return rest
  }
}
