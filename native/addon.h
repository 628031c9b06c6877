// Per-environment state of the addon: constructors, open sockets and owned contexts.
// The addon may be loaded by several environments at once (worker threads, jest), so none of
// this is process-global; the one process-wide object is the shared default context.
#pragma once

#include <napi.h>

#include <unordered_set>

#include "message.h"

namespace zmqn {

class Socket;
class Context;
class Observer;
class Proxy;

struct AddonData {
  Napi::FunctionReference contextConstructor;
  Napi::FunctionReference socketConstructor;
  Napi::FunctionReference observerConstructor;
  Napi::FunctionReference proxyConstructor;

  // Sockets still open in this environment: closed when the environment tears down.
  std::unordered_set<Socket*> sockets;
  // Contexts created (not merely wrapped) in this environment: terminated at teardown.
  std::unordered_set<Context*> contexts;
  // Observers whose reading socket is open, and proxies whose thread runs: both stopped at
  // teardown.
  std::unordered_set<Observer*> observers;
  std::unordered_set<Proxy*> proxies;

  // Large outgoing buffers that libzmq is done with, released on the JS thread.
  ReleaseQueue releases;

  bool tearingDown = false;

  static AddonData* Of(Napi::Env env) { return env.GetInstanceData<AddonData>(); }
};

}  // namespace zmqn
