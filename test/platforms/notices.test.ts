// Every binary built here ships the license notices of what is linked into it: libzmq's own, and
// for each system library its build linked statically (read from that build's
// zmq-native-link.json) the copyright file of the package holding it — with OpenPGM's LGPL-2.1
// text too. Checked for build/ and each prebuild folder against the link files of every build
// that puts a binary there, and no folder carries a notice of a library none of its binaries
// links (a binary without libsodium, say, gets no libsodium notice).
import * as fs from "node:fs"
import * as path from "node:path"
import {root} from "../helpers"

const {local} = require("../../scripts/lib/prebuild-targets.js")
const {prebuildLinkFile, buildLinkFile} = require("../../scripts/lib/link-files.js")

interface Link {
  archives: string[]
  disabled: string[]
}

/**
 * The notice files a build whose link is `linkFile` calls for: one per system archive it links
 * (those outside this repository), and OpenPGM's when pgm is on — the build links its own copy
 * of libpgm.a then (cmake/pgm-numeric-lookups.cmake), which no package owns.
 */
function expectedNotices(linkFile: string): string[] {
  const link: Link = JSON.parse(fs.readFileSync(linkFile, "utf8"))
  const system = link.archives
    .filter(archive => !path.resolve(archive).startsWith(root + path.sep))
    .map(archive => path.basename(archive).replace(/\.[^.]+$/, ""))
  if (!link.disabled.includes("pgm")) system.push("libpgm")
  return system.flatMap(stem => [
    `${stem}-copyright.txt`,
    ...(stem === "libpgm" ? ["openpgm-LGPL-2.1.txt"] : []),
  ])
}

interface Folder {
  folder: string
  linkFiles: string[]
}

const folders: Folder[] = []
const add = (folder: string, linkFile: string) => {
  const known = folders.find(entry => entry.folder === folder)
  if (known) known.linkFiles.push(linkFile)
  else folders.push({folder, linkFiles: [linkFile]})
}
for (const entry of local) add(path.join("prebuilds", entry.tuple), prebuildLinkFile(entry))
add(path.join("build", "Release"), buildLinkFile())

const systemNotice = /-copyright\.txt$|^openpgm-/

describe.each(folders)("$folder", ({folder, linkFiles}) => {
  const expected = [...new Set(linkFiles.flatMap(expectedNotices))].sort()
  const present = () => fs.readdirSync(path.join(root, folder))

  it("carries libzmq's license and THIRD_PARTY_NOTICES.md", () => {
    expect(present()).toEqual(
      expect.arrayContaining(["THIRD_PARTY_NOTICES.md", "libzmq-COPYING.txt", "libzmq-COPYING.LESSER.txt"]),
    )
  })

  it("carries the notice of each system library linked into it, and no other", () => {
    expect(
      present()
        .filter(name => systemNotice.test(name))
        .sort(),
    ).toEqual(expected)
    for (const name of expected) {
      expect(fs.readFileSync(path.join(root, folder, name), "utf8")).toMatch(/copyright|GNU LESSER/i)
    }
  })
})

it("the glibc builds link libsodium, OpenPGM and NORM, so their notices are among those checked", () => {
  const linux = local.find((entry: {target: string}) => entry.target === "linux-x64")
  expect(expectedNotices(prebuildLinkFile(linux))).toEqual(
    expect.arrayContaining([
      "libsodium-copyright.txt",
      "libpgm-copyright.txt",
      "openpgm-LGPL-2.1.txt",
      "libnorm-copyright.txt",
    ]),
  )
})
