// A pgm:// or epgm:// endpoint whose interface or group word is a name libpgm would have to look
// up fails at once with EINVAL naming that word: our libpgm never asks a name service
// (cmake/pgm-numeric-lookups.c), so nothing waits on DNS. That interface names work without DNS is
// shown across namespaces in multicast.test.ts.
import * as os from "node:os"
import {Publisher, Subscriber, capability} from "../../lib"
import {closeAfterEach} from "../helpers"

const track = closeAfterEach()
const EINVAL = os.constants.errno.EINVAL
const interfaces = Object.keys(os.networkInterfaces()).join(", ")

beforeAll(() => expect(capability.pgm).toBe(true))

describe.each(["pgm", "epgm"])("%s", scheme => {
  it("an interface word that is no interface of this host nor an address is named", () => {
    const address = `${scheme}://no-such-if0;239.192.77.1:5555`
    expect(() => track(new Subscriber()).connect(address)).toThrow(
      expect.objectContaining({
        code: "EINVAL",
        errno: EINVAL,
        address,
        message:
          `Invalid argument: "no-such-if0" is neither a numeric address nor one of this host's network interfaces ` +
          `(${interfaces}); pgm and epgm endpoints do not look names up: ${address}`,
      }),
    )
  })

  it("a host name is not looked up either (not even one /etc/hosts knows)", async () => {
    const address = `${scheme}://localhost;239.192.77.1:5555`
    await expect(track(new Publisher()).bind(address)).rejects.toMatchObject({
      code: "EINVAL",
      address,
      message: expect.stringMatching(
        /^Invalid argument: "localhost" is neither a numeric address nor one of this host's/,
      ),
    })
  })

  it("a group given by name is named", () => {
    const address = `${scheme}://127.0.0.1;some-group:5555`
    expect(() => track(new Publisher()).connect(address)).toThrow(
      expect.objectContaining({
        code: "EINVAL",
        address,
        message: `Invalid argument: the multicast group "some-group" is not a numeric address: ${address}`,
      }),
    )
  })
})
