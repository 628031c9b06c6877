// udp:// with draft RADIO/DISH: unicast on 127.0.0.1 in this process, and multicast on loopback
// inside a private network namespace (a child process under `unshare --net`, where lo gets
// multicast and a 224.0.0.0/4 route; the namespace dies with the child, so nothing leaks out).
import {execFile} from "node:child_process"
import * as path from "node:path"
import {Radio, Dish} from "../../lib/draft"
import {awaitDelivery, closeAll, receiveAfterProbes, track} from "../draft/helpers"
import {freeUdpPort} from "../helpers"

afterEach(closeAll)

const text = ([frame, {group}]: [Buffer, {group: Buffer}]) => `${group}:${frame}`

describe("udp unicast", () => {
  test("Radio → Dish on 127.0.0.1 with groups; a left group receives nothing", async () => {
    const [radio, dish] = track(new Radio(), new Dish())
    const port = await freeUdpPort()
    await dish.bind(`udp://127.0.0.1:${port}`)
    radio.connect(`udp://127.0.0.1:${port}`)
    dish.join("left", "kept")
    await awaitDelivery(radio, dish, "kept")

    await radio.send("one", {group: "left"})
    await radio.send("stray", {group: "never-joined"})
    await radio.send("two", {group: "kept"})
    expect(text(await receiveAfterProbes(dish))).toBe("left:one")
    expect(text(await receiveAfterProbes(dish))).toBe("kept:two")

    dish.leave("left")
    await radio.send("three", {group: "left"})
    await radio.send("four", {group: "kept"})
    expect(text(await receiveAfterProbes(dish))).toBe("kept:four")
    expect(dish.readable).toBe(false)
  })

  test("a udp endpoint without a port is an error with code and address", async () => {
    const [dish] = track(new Dish())
    await expect(dish.bind("udp://127.0.0.1")).rejects.toMatchObject({
      code: "EINVAL",
      address: "udp://127.0.0.1",
    })
  })
})

// Runs the multicast fixture in a fresh network namespace; resolves with its RESULT line.
function multicastInNamespace(
  endpoint: string,
): Promise<{probes: number; seen: string[]; readableAfter: boolean}> {
  const fixture = path.join(__dirname, "fixtures", "udp-multicast.js")
  const setup = "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo"
  return new Promise((resolve, reject) => {
    execFile(
      "unshare",
      ["--net", "sh", "-c", `${setup} && exec "$0" "$1" "$2"`, process.execPath, fixture, endpoint],
      {timeout: 30000},
      (error, stdout, stderr) => {
        const line = stdout.split("\n").find(l => l.startsWith("RESULT "))
        if (error || line === undefined) {
          // No root or no unshare: say so loudly, never skip.
          reject(
            new Error(
              `udp multicast in a network namespace failed (needs root and util-linux unshare): ${error?.message}\n${stderr}`,
            ),
          )
          return
        }
        resolve(JSON.parse(line.slice("RESULT ".length)))
      },
    )
  })
}

describe("udp multicast (private network namespace)", () => {
  test.each(["udp://239.192.77.1:5555", "udp://127.0.0.1;239.192.77.2:5556"])(
    "Radio → Dish over %s with join/leave honoured",
    async endpoint => {
      const result = await multicastInNamespace(endpoint)
      // "never-joined" never arrives; after leave("left"), "left:four" does not while "kept:five" does.
      expect(result.seen).toEqual(["left:one", "kept:two", "kept:three", "kept:five"])
      expect(result.readableAfter).toBe(false)
    },
  )
})
