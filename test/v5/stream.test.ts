// A v5 "stream" socket against a raw TCP client (node:net): connect notice, data both ways,
// and closing the connection from either side.
import * as net from "node:net"
import {once} from "node:events"
import {portOf} from "../helpers"
import {socketsClosedAfterEach} from "./helpers"

const make = socketsClosedAfterEach()

/** The next "message" event of a stream socket: [routing id, data]. */
async function next(stream: ReturnType<typeof make>): Promise<[Buffer, Buffer]> {
  return (await once(stream, "message")) as [Buffer, Buffer]
}

describe("stream socket with a raw TCP client", () => {
  let peer: net.Socket | undefined
  afterEach(() => peer?.destroy())

  it("gets the connect notice and the client's bytes, and answers by routing id", async () => {
    const stream = make("stream")
    stream.bindSync("tcp://127.0.0.1:*")
    const notice = next(stream)
    peer = net.connect(portOf(stream.last_endpoint!), "127.0.0.1")
    const [id, empty] = await notice
    expect(empty).toHaveLength(0)
    const data = next(stream)
    peer.write("GET / HTTP/1.0\r\n\r\n")
    const [dataId, bytes] = await data
    expect(dataId).toEqual(id)
    expect(bytes.toString()).toBe("GET / HTTP/1.0\r\n\r\n")
    const reply = once(peer, "data")
    stream.send([id, "HTTP/1.0 200 OK\r\n\r\nhello"])
    expect(String((await reply)[0])).toBe("HTTP/1.0 200 OK\r\n\r\nhello")
    // [id, empty frame] closes that connection.
    const ended = once(peer, "end")
    stream.send([id, ""])
    await ended
  })

  it("reports a client that hangs up as an empty frame", async () => {
    const stream = make("stream")
    stream.bindSync("tcp://127.0.0.1:*")
    const notice = next(stream)
    peer = net.connect(portOf(stream.last_endpoint!), "127.0.0.1")
    const [id] = await notice
    const gone = next(stream)
    peer.end()
    const [goneId, empty] = await gone
    expect(goneId).toEqual(id)
    expect(empty).toHaveLength(0)
  })
})
