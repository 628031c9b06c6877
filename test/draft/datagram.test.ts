// Datagram: plain UDP, every message [address, data] both ways. libzmq gives the received
// address as "ip:port" with a trailing NUL byte; sending takes it with or without.
import * as dgram from "node:dgram"
import {Datagram} from "../../lib/draft"
import {freeUdpPort} from "../helpers"
import {closeAll, track} from "./helpers"

afterEach(closeAll)

test("datagrams arrive with their sender's address, and replies go back by it", async () => {
  const [server, client] = track(new Datagram(), new Datagram())
  const port = await freeUdpPort()
  await server.bind(`udp://127.0.0.1:${port}`)
  const clientPort = await freeUdpPort()
  await client.bind(`udp://127.0.0.1:${clientPort}`)

  // The bind completes on libzmq's I/O thread; send until the first datagram lands.
  const arrival = server.receive()
  let landed = false
  void arrival.then(
    () => (landed = true),
    () => (landed = true),
  )
  while (!landed) {
    await client.send([`127.0.0.1:${port}`, "hello"])
    await new Promise(resolve => setTimeout(resolve, 5))
  }
  const [from, data] = await arrival
  expect(from.toString()).toBe(`127.0.0.1:${clientPort}\0`)
  expect(data.toString()).toBe("hello")

  await server.send([from, "hi back"])
  for (;;) {
    const [address, reply] = await client.receive()
    expect(address.toString()).toBe(`127.0.0.1:${port}\0`)
    if (reply.toString() === "hi back") break
  }
})

test("a datagram from a plain UDP socket arrives as [address, data]", async () => {
  const [server] = track(new Datagram())
  const port = await freeUdpPort()
  await server.bind(`udp://127.0.0.1:${port}`)
  const plain = dgram.createSocket("udp4")
  await new Promise<void>(resolve => plain.bind(0, "127.0.0.1", resolve))
  try {
    const arrival = server.receive()
    let landed = false
    void arrival.then(
      () => (landed = true),
      () => (landed = true),
    )
    while (!landed) {
      await new Promise(resolve => plain.send("raw", port, "127.0.0.1", resolve))
      await new Promise(resolve => setTimeout(resolve, 5))
    }
    const [from, data] = await arrival
    expect(from.toString()).toBe(`127.0.0.1:${plain.address().port}\0`)
    expect(data.toString()).toBe("raw")
  } finally {
    plain.close()
  }
})
