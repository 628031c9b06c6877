// Per-environment state of the addon: what its objects share, and what teardown closes. The
// addon may be loaded by several environments at once (worker threads, jest), so none of this
// is process-global; the one process-wide object is the shared default context (context.h).
#pragma once

#include <napi.h>

#include "message.h"
#include "util/reaper.h"

namespace zmqn {

struct AddonData {
  // Every open socket, observer, running proxy and owned context, closed in order at teardown.
  Reaper reaper;

  // Large outgoing buffers that libzmq is done with, released on the JS thread.
  ReleaseQueue releases;

  static AddonData* Of(Napi::Env env) { return env.GetInstanceData<AddonData>(); }
};

}  // namespace zmqn
