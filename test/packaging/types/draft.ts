// The draft entry as a user's TypeScript sees it. Type-checked only (never run); each
// line marked @ts-expect-error is a type error the declarations must keep reporting.
import {type Message} from "zmq-native"
import {Client, Dish, Peer, Radio, Server, groupMaxLength} from "zmq-native/draft"

export async function draftSockets(): Promise<void> {
  const server = new Server({receiveTimeout: 1000, linger: 0})
  const client = new Client({sendHighWaterMark: 10})
  // @ts-expect-error a DISH socket has no send high-water mark
  new Dish({sendHighWaterMark: 10})

  const [request, {routingId}]: [Message, {routingId: number}] = await server.receive()
  await server.send(request, {routingId})
  await server.send("reply", {routingId, timeout: 100})
  // @ts-expect-error a Server needs the routing id to send to
  await server.send("reply")
  // @ts-expect-error a routing id is a number
  await server.send("reply", {routingId: "peer"})
  // @ts-expect-error draft sockets send one frame per message
  await client.send(["a", "b"])
  await client.send("one")
  const [answer]: Message[] = await client.receive()

  const radio = new Radio()
  await radio.send("news", {group: "weather"})
  await radio.send("news", {group: Buffer.from("weather")})
  // @ts-expect-error a Radio needs the group to send to
  await radio.send("news")
  // @ts-expect-error a RADIO socket cannot receive
  radio.receive()

  const dish = new Dish()
  dish.join("weather", Buffer.from("sport"))
  dish.leave("sport")
  for await (const [frame, {group}] of dish) {
    const bytes: Buffer = frame
    const name: Buffer = group
  }
  // @ts-expect-error a DISH socket cannot send
  dish.send("x")

  const peer = new Peer()
  const peerId: number = peer.connect("tcp://127.0.0.1:5555")
  await peer.send("hello", {routingId: peerId})

  const longest: number = groupMaxLength
  for (const socket of [server, client, radio, dish, peer]) socket.close()
}
