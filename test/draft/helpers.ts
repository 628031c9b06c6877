// Shared by the draft socket tests: endpoints per transport, closing every socket after each
// test, and the probe loop that waits until a Dish hears a Radio.
import type {Socket} from "../../lib/socket"
import type {Dish, Radio} from "../../lib/draft"
import {inprocEndpoint, socketTracker} from "../helpers"

export type Transport = "tcp" | "inproc"
export const transports: Transport[] = ["tcp", "inproc"]

const sockets = socketTracker()
/** Registers sockets to be closed by closeAll() (called from afterEach); returns them. */
export const track = sockets.all
export const closeAll = sockets.closeAll

/** Binds to a fresh endpoint of the transport and returns the address to connect to. */
export async function bindAny(
  socket: Socket & {lastEndpoint: string | null},
  transport: Transport,
): Promise<string> {
  if (transport === "tcp") {
    await socket.bind("tcp://127.0.0.1:*")
    return socket.lastEndpoint!
  }
  const address = inprocEndpoint("draft")
  await socket.bind(address)
  return address
}

/**
 * Radio→Dish delivery starts only once the connection exists and (over tcp/inproc) the Dish's
 * joins reached the Radio; nothing signals that, so send probes on `group` until one arrives.
 * Returns the number of probes it took.
 */
export async function awaitDelivery(radio: Radio, dish: Dish, group: string): Promise<number> {
  let sent = 0
  const received = dish.receive()
  let arrived = false
  void received.then(
    () => (arrived = true),
    () => (arrived = true),
  )
  while (!arrived) {
    await radio.send(`probe ${++sent}`, {group})
    await new Promise(resolve => setTimeout(resolve, 5))
  }
  const [frame, {group: from}] = await received
  expect(from.toString()).toBe(group)
  expect(frame.toString()).toMatch(/^probe \d+$/)
  return sent
}

/** The next message that is not a probe (probes sent before the first arrived may follow). */
export async function receiveAfterProbes(dish: Dish): Promise<[Buffer, {group: Buffer}]> {
  for (;;) {
    const message = await dish.receive()
    if (!message[0].toString().startsWith("probe ")) return message
  }
}
