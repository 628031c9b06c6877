// receive({metadata}): the opt-in receive path that reads each message's properties, served in
// order with plain receives, refused clearly where it cannot work.
import * as zmq from "../../lib"
import * as draft from "../../lib/draft"
import {closeAfterEach, inprocEndpoint} from "../helpers"
import {bindEndpoint, connected, peerAddress, secureTransports} from "./helpers"

const track = closeAfterEach()

describe.each(secureTransports)("receive({metadata}) over %s", transport => {
  it("gives Peer-Address, Socket-Type and Routing-Id without any security", async () => {
    const router = track(new zmq.Router({linger: 0, receiveMetadata: true}))
    await router.bind(bindEndpoint(transport))
    const dealer = track(new zmq.Dealer({linger: 0, routingId: "worker-7"}))
    await connected(dealer, router.lastEndpoint!)
    await dealer.send("job")
    const {frames, metadata} = await router.receive({metadata: true, timeout: 5000})
    expect(frames.map(String)).toEqual(["worker-7", "job"])
    expect(metadata).toEqual({
      "Peer-Address": peerAddress(transport),
      "Socket-Type": "DEALER",
      "Routing-Id": "worker-7",
    })
  })

  it("is served in order with plain receives, receiveMany and iteration", async () => {
    const pull = track(new zmq.Pull({linger: 0, receiveMetadata: true}))
    await pull.bind(bindEndpoint(transport))
    const push = track(new zmq.Push({linger: 0}))
    await connected(push, pull.lastEndpoint!)
    const received = [
      pull.receive(),
      pull.receive({metadata: true}),
      pull.receive({timeout: 5000}),
      pull.receive({metadata: ["X-Nothing"], timeout: 5000}),
    ]
    await push.sendMany(["0", "1", "2", "3", "4", "5"])
    const [zero, one, two, three] = await Promise.all(received)
    expect([zero, two].map(frames => (frames as Buffer[]).map(String))).toEqual([["0"], ["2"]])
    expect((one as zmq.MessageWithMetadata).frames.map(String)).toEqual(["1"])
    expect((one as zmq.MessageWithMetadata).metadata["Socket-Type"]).toBe("PUSH")
    expect((three as zmq.MessageWithMetadata).frames.map(String)).toEqual(["3"])
    expect((three as zmq.MessageWithMetadata).metadata).not.toHaveProperty("X-Nothing")
    expect((await pull.receiveMany(10)).map(frames => frames.map(String))).toEqual([["4"], ["5"]])
    await push.send("6")
    for await (const frames of pull) {
      expect(frames.map(String)).toEqual(["6"])
      break
    }
  })
})

describe("receive({metadata})", () => {
  it("gives multipart messages whole", async () => {
    const pull = track(new zmq.Pull({linger: 0, receiveMetadata: true}))
    await pull.bind(bindEndpoint("tcp"))
    const push = track(new zmq.Push({linger: 0}))
    await connected(push, pull.lastEndpoint!)
    const large = Buffer.alloc(100_000, 7)
    await push.send(["a", "", large])
    const {frames} = await pull.receive({metadata: true, timeout: 5000})
    expect(frames.map(frame => frame.length)).toEqual([1, 0, 100_000])
    expect(frames[2].equals(large)).toBe(true)
  })

  it("honours its timeout and signal", async () => {
    const pull = track(new zmq.Pull({linger: 0, receiveMetadata: true}))
    await pull.bind(bindEndpoint("tcp"))
    await expect(pull.receive({metadata: true, timeout: 20})).rejects.toMatchObject({code: "EAGAIN"})
    const controller = new AbortController()
    const pending = pull.receive({metadata: true, signal: controller.signal})
    controller.abort()
    await expect(pending).rejects.toMatchObject({name: "AbortError"})
  })

  it("has nothing to say over inproc, which has no handshake", async () => {
    const pull = track(new zmq.Pull({linger: 0, receiveMetadata: true}))
    const endpoint = inprocEndpoint("metadata")
    await pull.bind(endpoint)
    const push = track(new zmq.Push({linger: 0}))
    push.connect(endpoint)
    await push.send("x")
    expect(await pull.receive({metadata: true, timeout: 5000})).toEqual({
      frames: [Buffer.from("x")],
      metadata: {},
    })
  })

  it("needs a socket made with receiveMetadata: true", async () => {
    const pull = track(new zmq.Pull({linger: 0}))
    await expect(pull.receive({metadata: true})).rejects.toThrow(
      new TypeError('The "options.metadata" option needs a socket made with {receiveMetadata: true}'),
    )
  })

  it("refuses bad arguments, naming them", async () => {
    const pull = track(new zmq.Pull({linger: 0, receiveMetadata: true}))
    await expect(pull.receive({metadata: "User-Id" as never})).rejects.toThrow(
      /"options.metadata" argument must be true or an array/,
    )
    await expect(pull.receive({metadata: ["ok", ""]})).rejects.toThrow(
      /"options.metadata\[1\]" argument must be a property name/,
    )
    expect(() => new zmq.Pull({receiveMetadata: "yes" as never})).toThrow(
      /"options.receiveMetadata" argument must be a boolean/,
    )
    expect(() => new draft.Server({receiveMetadata: true})).toThrow(/standard socket types, not Server/)
  })

  it("throws EBADF on a closed socket", () => {
    const pull = new zmq.Pull({receiveMetadata: true})
    pull.close()
    expect(() => pull.receive({metadata: true})).toThrow(expect.objectContaining({code: "EBADF"}))
  })
})
