// An ES module user's named imports of both entry points (checked with Node16 resolution).
import {Push, Pull, version, capability, context, type Message} from "zmq-native"
import {Server, Radio, Dish} from "zmq-native/draft"

export async function esModule(): Promise<Message[]> {
  const push = new Push({context})
  const pull = new Pull()
  const sockets = [push, pull, new Server(), new Radio(), new Dish()]
  const ok: boolean = capability.ipc && version.length > 0
  const received = await pull.receive()
  for (const socket of sockets) socket.close()
  return received
}
