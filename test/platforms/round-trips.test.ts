// Each prebuild this machine builds, run in its own environment: the win32-x64 one under Wine
// with the official Node for Windows, linux-arm64 under qemu-user with Node for arm64 on Debian
// 11's arm64 glibc, linux-x64 inside a Debian 11 chroot with Node for x64 from npm. Each must
// load the expected binary, have the same libzmq as this machine's build and its platform's
// capabilities, and deliver every round trip. ipc:// is compiled into the Windows binary
// (capability.ipc; Windows 10 has AF_UNIX) but Wine 8 has no AF_UNIX: it runs only on real
// Windows (the GitHub workflow).
import {capability as hostCapability, version as hostVersion} from "../../lib"
import {inBullseye, prebuild, underQemu, underWine, type Report} from "./foreign"

const {expected} = require("./check-here.js") as {expected: Record<string, string>}

const linux = ["tcp", "reqrep", "curve", "inproc", "ipc", "worker"]
const environments = [
  {
    target: "win32-x64",
    where: "under Wine",
    start: underWine,
    loaded: "prebuilds/win32-x64/zmq-native.node",
    platform: "win32",
    arch: "x64",
    capability: {tipc: false, pgm: false, norm: false},
    checks: ["tcp", "reqrep", "curve", "inproc", "worker"],
  },
  {
    target: "linux-arm64",
    where: "under qemu-user",
    start: underQemu,
    loaded: "prebuilds/linux-arm64/zmq-native.glibc.node",
    platform: "linux",
    arch: "arm64",
    capability: {},
    checks: linux,
  },
  {
    target: "linux-x64",
    where: "on Debian 11 (bullseye)",
    start: inBullseye,
    loaded: "prebuilds/linux-x64/zmq-native.glibc.node",
    platform: "linux",
    arch: "x64",
    capability: {},
    checks: linux,
  },
]

describe.each(environments)("the $target prebuild $where", environment => {
  let report: Report
  beforeAll(async () => {
    prebuild(environment.target)
    report = await environment.start(environment.checks)
  }, 600_000)

  it(`loads ${environment.loaded}`, () => {
    expect(report.loaded.replace(/\\/g, "/")).toBe(environment.loaded)
    expect([report.platform, report.arch]).toEqual([environment.platform, environment.arch])
  })

  it("has the same libzmq version as this machine's build", () => {
    expect(hostVersion).toMatch(/^4\.3\.\d+$/)
    expect(report.version).toBe(hostVersion)
  })

  it("reports its platform's capabilities", () => {
    expect(report.capability).toEqual({...hostCapability, ...environment.capability})
  })

  it.each(environment.checks)("%s round trip", check => {
    expect(report[check]).toBe(expected[check])
  })
})
