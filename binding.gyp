# The node-gyp build of the addon (used by `npm install` when no prebuild fits, and by
# prebuildify). It mirrors CMakeLists.txt: the same sources and definitions, linked against the
# static libzmq that scripts/build-libzmq.js builds (facts read by scripts/lib/libzmq-link.js), or
# against the system libzmq through pkg-config with ZMQ_SHARED=1 / `npm install --zmq-shared`.
{
  "targets": [
    {
      "target_name": "zmq_native",
      "sources": [
        "<!@(node -p \"require('fs').readdirSync('native').filter(f => f.endsWith('.cc')).sort().map(f => 'native/' + f).join(' ')\")",
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "<!@(node scripts/lib/libzmq-link.js include)",
      ],
      "defines": [
        "NAPI_VERSION=8",
        "NODE_ADDON_API_DISABLE_DEPRECATED",
        "NAPI_DISABLE_CPP_EXCEPTIONS",
        # As in CMakeLists.txt: a throw while the environment shuts down is dropped, not fatal.
        "NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS",
        "<!@(node scripts/lib/libzmq-link.js defines)",
      ],
      "libraries": [
        "<!@(node scripts/lib/libzmq-link.js libraries)",
      ],
      "cflags": ["-fvisibility=hidden", "-Wall", "-Wextra"],
      "cflags_cc": ["-std=c++17"],
      "conditions": [
        ["OS == 'linux'", {
          # As in CMakeLists.txt: the static libraries' symbols stay local to the addon (Debian's
          # libsodium.a cannot go into a shared object otherwise, and no other addon's libzmq can
          # bind to ours); only the Node-API entry points are exported. The C++ runtime is linked
          # in, so the addon loads where the system's libstdc++ is older than the compiler's.
          "ldflags": [
            "-Wl,--exclude-libs,ALL",
            "-Wl,--version-script=<(module_root_dir)/native/exports.map",
            "-static-libstdc++",
            "-static-libgcc",
            # The oldest glibc versions of these (native/glibc-compat.cc).
            "-Wl,--wrap=exp,--wrap=log,--wrap=pow,--wrap=fcntl64,--wrap=pthread_cond_clockwait",
          ],
          # dladdr/dlopen pin the module (native/pin.h): libdl before glibc 2.34.
          "libraries": ["-ldl"],
        }],
        ["OS == 'mac'", {
          "xcode_settings": {
            "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
            "GCC_SYMBOLS_PRIVATE_EXTERN": "YES",
            "MACOSX_DEPLOYMENT_TARGET": "11.0",
          },
        }],
        ["OS == 'win'", {
          "msvs_settings": {
            "VCCLCompilerTool": {"AdditionalOptions": ["/std:c++17"]},
          },
        }],
      ],
    },
  ],
}
