// zeromq v6's draft sockets (zeromq/draft), typed as v6 code has them. Compiled only.
import {Client, Datagram, Dish, Gather, Radio, Scatter, Server} from "zeromq/draft"
import type {Message} from "zeromq"

export async function draftSockets(): Promise<void> {
  const server = new Server({linger: 0})
  const clientSocket = new Client()
  await server.bind("tcp://127.0.0.1:*")
  clientSocket.connect(server.lastEndpoint!)
  await clientSocket.send("hi")
  const [request, {routingId}] = await server.receive()
  await server.send(request, {routingId})
  const [reply]: [Message] = await clientSocket.receive()

  const radio = new Radio()
  const dish = new Dish({receiveHighWaterMark: 10})
  dish.join("news", Buffer.from([0xff]))
  dish.leave("news")
  await radio.send("headline", {group: "news"})
  await radio.send(Buffer.from("x"), {group: Buffer.from([0xff])})
  const [payload, {group}] = await dish.receive()
  const groupBytes: Buffer = group

  const scatter = new Scatter({conflate: true})
  const gather = new Gather({conflate: true})
  await scatter.send("work")
  const [work] = await gather.receive()

  const datagram = new Datagram()
  await datagram.send(["127.0.0.1:5555", "data"])
  const [from, data] = await datagram.receive()
  console.log(reply, payload, groupBytes, work, from, data)
}
