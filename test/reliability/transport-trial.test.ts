// Found by the fuzz test: pgm://, epgm:// and norm:// engines start on libzmq's I/O thread after
// connect returned, and libzmq asserts — aborting the process — when they fail: pgm:// without
// raw sockets, a norm port already taken, a group no interface can join, an address OpenPGM or
// NORM cannot use, a norm group given by name (looked up there; a failed lookup aborted). Now
// connect tries them first (native/transport-trial.cc) and throws the errno. In child processes in a network namespace with only loopback, as root and as nobody.
import * as path from "node:path"
import {run, transcript} from "../helpers"

const fixture = path.join(__dirname, "fixtures", "transport-trial.js")

async function outcomes(user: string[]): Promise<Record<string, string>> {
  const command = `ip link set lo up && exec ${user.join(" ")} "${process.execPath}" "${fixture}"`
  const result = await run("unshare", ["--net", "sh", "-c", command], {timeout: 60000, killSignal: "SIGKILL"})
  if (result.status !== 0) throw new Error(transcript(result))
  // OpenPGM warns on stdout about using loopback.
  const lines = result.stdout.split("\n").filter(line => line.includes(" => ") || line === "survived")
  expect(lines.pop()).toBe("survived")
  return Object.fromEntries(lines.map(line => line.split(" => ", 2)))
}

const cannotStart = (code: string, transport: string) =>
  expect.stringMatching(new RegExp(`^${code}: .*: the ${transport} transport cannot start here`))

const notNumeric =
  'EINVAL: Invalid argument: the norm address "nosuchgroup" is not a numeric address; ' +
  "norm endpoints are not looked up by name: norm://1,lo;nosuchgroup:5559"

describe("multicast transports tried before libzmq starts them", () => {
  beforeAll(() => {
    if (process.getuid?.() !== 0)
      throw new Error("these tests need root: network namespaces, and a run as nobody")
  })

  it("as root: a taken norm port is EADDRINUSE, a group without a route ENODEV", async () => {
    expect(await outcomes([])).toEqual({
      "pgm publisher": "ok",
      "epgm subscriber": "ok",
      "norm publisher": "ok",
      "norm subscriber on the same port": cannotStart("EADDRINUSE", "norm"),
      "norm group without a multicast route": cannotStart("ENODEV", "norm"),
      "norm group given by name": notNumeric,
    })
  })

  it("as nobody: pgm:// without raw sockets is EPERM, epgm:// works", async () => {
    const nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    expect(await outcomes(nobody)).toEqual({
      "pgm publisher": expect.stringMatching(
        /^EPERM: .*pgm:\/\/ needs raw sockets, the CAP_NET_RAW capability/,
      ),
      "epgm subscriber": "ok",
      "norm publisher": "ok",
      "norm subscriber on the same port": cannotStart("EADDRINUSE", "norm"),
      "norm group without a multicast route": cannotStart("ENODEV", "norm"),
      "norm group given by name": notNumeric,
    })
  })
})
