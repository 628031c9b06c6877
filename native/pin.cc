// Keeps the addon's code mapped until the process ends, whichever environments come and go.
#include "pin.h"

#include <mutex>

#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#endif

namespace zmqn {

namespace {

bool Pin() {
  // Any address inside this module names it.
  const void* self = reinterpret_cast<const void*>(&PinModule);
#ifdef _WIN32
  HMODULE module = nullptr;
  return GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                            static_cast<LPCWSTR>(self), &module) != 0;
#else
  Dl_info info;
  if (dladdr(self, &info) == 0 || info.dli_fname == nullptr) return false;
  // RTLD_NOLOAD: only the copy already loaded (never a second one, should the file have been
  // replaced on disk meanwhile), whose flags gain RTLD_NODELETE: it is never unloaded. The
  // handle is deliberately never closed.
  return dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE) != nullptr;
#endif
}

}  // namespace

bool PinModule() {
  static std::once_flag once;
  static bool pinned = false;
  std::call_once(once, [] { pinned = Pin(); });
  return pinned;
}

}  // namespace zmqn
