// Stream sockets talk raw TCP to a plain net.Socket peer.
import * as net from "node:net"
import {once} from "node:events"
import * as zmq from "../../lib"
import {closeAfterEach} from "../helpers"

describe("Stream with a raw TCP peer", () => {
  const use = closeAfterEach()

  it("receives the connect notice and data, and replies by routing id", async () => {
    const stream = use(new zmq.Stream())
    await stream.bind("tcp://127.0.0.1:*")
    const port = Number(/:(\d+)$/.exec(stream.lastEndpoint!)![1])
    const peer = net.connect(port, "127.0.0.1")
    try {
      await once(peer, "connect")
      const [id, notice] = await stream.receive()
      expect(notice).toHaveLength(0)
      peer.write("hello")
      const [dataId, data] = await stream.receive()
      expect(dataId).toEqual(id)
      expect(data.toString()).toBe("hello")
      const reply = once(peer, "data")
      await stream.send([id, "world"])
      expect(String((await reply)[0])).toBe("world")
      // The peer hanging up arrives as an empty frame.
      peer.end()
      const [goneId, gone] = await stream.receive()
      expect(goneId).toEqual(id)
      expect(gone).toHaveLength(0)
    } finally {
      peer.destroy()
    }
  })
})
