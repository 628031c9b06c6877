// Key and Z85 tools: libzmq's encoder both ways, a secret key's public key, and every kind of
// bad input refused with an error naming the argument (and never quoting a key).
import * as zmq from "../../lib"

// RFC 32's test vector.
const helloWorldBytes = Buffer.from([0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b])

describe("z85Encode / z85Decode", () => {
  it("encode RFC 32's test vector and decode it back", () => {
    expect(zmq.z85Encode(helloWorldBytes)).toBe("HelloWorld")
    expect(zmq.z85Decode("HelloWorld")).toEqual(helloWorldBytes)
  })

  it("round-trip every byte value, from a Buffer or a plain Uint8Array view", () => {
    const bytes = Buffer.from(Array.from({length: 256}, (_, index) => index))
    const text = zmq.z85Encode(bytes)
    expect(text).toHaveLength(320)
    expect(zmq.z85Decode(text)).toEqual(bytes)
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset + 4, 8)
    expect(zmq.z85Decode(zmq.z85Encode(view))).toEqual(Buffer.from(view))
  })

  it("treat empty input as empty", () => {
    expect(zmq.z85Encode(Buffer.alloc(0))).toBe("")
    expect(zmq.z85Decode("")).toEqual(Buffer.alloc(0))
  })

  it("refuse lengths that are not a multiple of 4 bytes or 5 characters (RangeError)", () => {
    expect(() => zmq.z85Encode(Buffer.alloc(3))).toThrow(
      new RangeError('The "bytes" argument must be a length that is a multiple of 4; received 3 bytes'),
    )
    expect(() => zmq.z85Decode("Hello!")).toThrow(
      new RangeError(
        'The "text" argument must be Z85 text whose length is a multiple of 5; received 6 characters',
      ),
    )
  })

  it("refuse text outside the Z85 alphabet and groups above 2^32 - 1 (RangeError)", () => {
    for (const text of ["Hello Worl", 'Hell"', "Hell~", "héllo", "Hell\0"]) {
      expect(() => zmq.z85Decode(text)).toThrow(RangeError)
      expect(() => zmq.z85Decode(text)).toThrow(/"text" argument/)
    }
    // "%%%%%" is 84 * (85^4 + ... + 1) > 2^32 - 1: right alphabet, no 4 bytes can say it.
    expect(() => zmq.z85Decode("%%%%%")).toThrow(/"text" argument must be valid Z85 text/)
  })

  it("refuse wrong types (TypeError)", () => {
    expect(() => zmq.z85Encode("abcd" as never)).toThrow(TypeError)
    expect(() => zmq.z85Encode([1, 2, 3, 4] as never)).toThrow(
      /"bytes" argument must be a Buffer or Uint8Array/,
    )
    expect(() => zmq.z85Decode(Buffer.from("HelloWorld") as never)).toThrow(TypeError)
  })
})

describe("curvePublic", () => {
  it("give the public key of a key pair's secret key, as text or as bytes", () => {
    const pair = zmq.curveKeyPair()
    expect(zmq.curvePublic(pair.secretKey)).toBe(pair.publicKey)
    const publicBytes = zmq.curvePublic(zmq.z85Decode(pair.secretKey))
    expect(Buffer.isBuffer(publicBytes)).toBe(true)
    expect(publicBytes).toEqual(zmq.z85Decode(pair.publicKey))
  })

  it("refuse keys of the wrong length or alphabet without quoting them", () => {
    const {secretKey} = zmq.curveKeyPair()
    const attempts: [unknown, RegExp][] = [
      [secretKey.slice(0, 39), /received 39 characters/],
      [secretKey + "0", /received 41 characters/],
      [secretKey.slice(0, 35) + "     ", /received other characters/],
      [Buffer.alloc(31), /received 31 bytes/],
      [undefined, /"secretKey" argument must be a CURVE key/],
    ]
    for (const [key, message] of attempts) {
      let error: unknown
      try {
        zmq.curvePublic(key as string)
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(key === undefined ? TypeError : RangeError)
      expect((error as Error).message).toMatch(/"secretKey" argument/)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).not.toContain(secretKey.slice(0, 35))
    }
  })

  it("accept the keys sockets accept: a CURVE client with binary keys talks to a Z85-configured server", async () => {
    const server = zmq.curveKeyPair()
    const client = zmq.curveKeyPair()
    const reply = new zmq.Reply({
      linger: 0,
      curveServer: true,
      curveSecretKey: zmq.z85Decode(server.secretKey) as never,
    })
    const request = new zmq.Request({
      linger: 0,
      curveServerKey: server.publicKey,
      curveSecretKey: zmq.z85Decode(client.secretKey) as never,
      curvePublicKey: zmq.curvePublic(zmq.z85Decode(client.secretKey)) as never,
    })
    try {
      await reply.bind("tcp://127.0.0.1:*")
      request.connect(reply.lastEndpoint!)
      await request.send("ping")
      expect((await reply.receive({timeout: 5000})).map(String)).toEqual(["ping"])
    } finally {
      request.close()
      reply.close()
    }
  })
})
