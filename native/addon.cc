// Registers the addon: classes, the shared default context, libzmq facts, and the teardown
// that closes what an environment (main thread or worker) leaves open.
#include <napi.h>
#include <zmq.h>

#include "context.h"
#include "environment.h"
#include "errors.h"
#include "keys.h"
#include "message.h"
#include "observer.h"
#include "pin.h"
#include "properties.h"
#include "proxy.h"
#include "socket.h"

namespace zmqn {

static Napi::Value Version(const Napi::CallbackInfo& info) {
  int major, minor, patch;
  zmq_version(&major, &minor, &patch);
  return Napi::String::New(info.Env(), std::to_string(major) + "." + std::to_string(minor) + "." +
                                           std::to_string(patch));
}

// has(name): zmq_has, libzmq's own answer about compiled-in capabilities.
static Napi::Value Has(const Napi::CallbackInfo& info) {
  const std::string name = info[0].As<Napi::String>().Utf8Value();
  return Napi::Boolean::New(info.Env(), zmq_has(name.c_str()) != 0);
}

// lendWith(lendable): see ReleaseQueue::SetLendable.
// libzmqError(errno) → the Error a libzmq failure with this number becomes (ZmqError: code,
// errno, zeromq v6's or libzmq's text): for the errors monitor events report.
static Napi::Value LibzmqError(const Napi::CallbackInfo& info) {
  return ZmqError(info.Env(), info[0].As<Napi::Number>().Int32Value()).Value();
}

static Napi::Value LendWith(const Napi::CallbackInfo& info) {
  if (!info[0].IsFunction()) {
    Throw(Napi::TypeError::New(info.Env(), "lendWith takes a function"));
    return Napi::Value();
  }
  AddonData::Of(info.Env())->releases.SetLendable(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

// How long teardown waits for libzmq to give back borrowed send buffers.
constexpr int kReleaseWaitMs = 1000;

// Closes what the environment leaves open, once: from the process's "exit" event (ExitTeardown),
// else when the environment shuts down (worker termination), before wrapped objects are
// finalized. UntilDelivered (the main thread's natural exit): sockets the program left open are
// closed with their own linger and contexts wait until it is over, as in zeromq v6 (a message
// send() resolved is not lost); Bounded (process.exit(), worker termination): they are closed
// without lingering and contexts are terminated, bounded in time.
static void Teardown(AddonData* data, ExitWait wait) {
  if (data->reaper.Reaping()) return;
  // Proxies, sockets, observers, owned contexts: in that order (util/reaper.h).
  data->reaper.ReapAll(wait);
  // The closed sockets' queues are dropped on libzmq's I/O threads: let them give back the
  // buffers they borrowed before the runtime frees the memory (bounded; see ReleaseQueue).
  data->releases.AwaitReturns(kReleaseWaitMs);
  data->releases.Stop();
  ReleaseSharedContext(wait);
}

// exitTeardown(natural): process.exit() ends the main thread without running environment
// cleanup hooks, so sockets closed just before it were dropped instead of lingering. lib/native.ts
// calls this from the process's "exit" event, which process.exit() does emit too; `natural`:
// the main thread's event loop ran dry before (its "beforeExit").
// A raw N-API callback, not a node-addon-api one: a worker terminated inside this call has its
// JavaScript stopped, so reading the argument fails, and node-addon-api's Error::New on that
// failure is fatal. An unreadable argument means the bounded teardown.
static napi_value ExitTeardown(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg = nullptr;
  bool natural = false;  // Stays false when unreadable.
  if (napi_get_cb_info(env, info, &argc, &arg, nullptr, nullptr) == napi_ok && argc >= 1) {
    napi_get_value_bool(env, arg, &natural);
  }
  Teardown(AddonData::Of(Napi::Env(env)), natural ? ExitWait::UntilDelivered : ExitWait::Bounded);
  return nullptr;
}

// The environment shuts down without an "exit" event of its own (worker termination).
static void CleanupTeardown(AddonData* data) {
  Teardown(data, ExitWait::Bounded);
}

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  PinModule();
  auto* data = new AddonData();
  env.SetInstanceData(data);
  data->releases.Start(env);
  env.AddCleanupHook(CleanupTeardown, data);

  auto context = Context::Define(env);
  auto socket = Socket::Define(env);
  auto observer = Observer::Define(env);
  auto proxy = Proxy::Define(env);

  exports.Set("Context", context);
  exports.Set("Socket", socket);
  exports.Set("Observer", observer);
  exports.Set("Proxy", proxy);
  exports.Set("context", context.New({Napi::Boolean::New(env, true)}));
  exports.Set("version", Napi::Function::New<Version>(env, "version"));
  exports.Set("has", Napi::Function::New<Has>(env, "has"));
  exports.Set("errnos", ErrnoTable(env));
  exports.Set("largestCopiedFrame",
              Napi::Number::New(env, static_cast<double>(kZeroCopyThreshold - 1)));
  exports.Set("libzmqError", Napi::Function::New<LibzmqError>(env, "libzmqError"));
  exports.Set("lendWith", Napi::Function::New<LendWith>(env, "lendWith"));
  napi_value exitTeardown = nullptr;
  if (napi_create_function(env, "exitTeardown", NAPI_AUTO_LENGTH, ExitTeardown, nullptr,
                           &exitTeardown) != napi_ok) {
    Throw(Napi::Error::New(env));
    return exports;
  }
  exports.Set("exitTeardown", Napi::Value(env, exitTeardown));
  DefineKeys(env, exports);
  DefineProperties(env, exports);
  return exports;
}

}  // namespace zmqn

static Napi::Object InitModule(Napi::Env env, Napi::Object exports) {
  return zmqn::Init(env, exports);
}

NODE_API_MODULE(zmq_native, InitModule)
