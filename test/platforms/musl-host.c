// Stands in for Node on musl, where no Node runs here: loads a Node-API addon with musl's own
// dynamic loader (which resolves every symbol at load, and runs the addon's static
// constructors: libc++'s, libzmq's), then calls the addon's version entry point. Node's own
// functions come from stubs the test generates (musl-stubs.c: each one aborts, none is called).
// Prints "loaded <Node-API version>" or the loader's error.
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: musl-host ADDON\n");
    return 2;
  }
  void* addon = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!addon) {
    printf("dlopen failed: %s\n", dlerror());
    return 1;
  }
  int (*version)(void) = (int (*)(void))dlsym(addon, "node_api_module_get_api_version_v1");
  if (!version || !dlsym(addon, "napi_register_module_v1")) {
    printf("no Node-API entry points\n");
    return 1;
  }
  printf("loaded %d\n", version());
  return 0;
}
