// Observes a socket's libzmq monitor: zmq_socket_monitor publishes the socket's events on an
// inproc endpoint of its context, and a PAIR socket owned here reads them, watched by a Poller.
#pragma once

#include <napi.h>

#include "poller.h"
#include "socket.h"
#include "tagged.h"
#include "util/reaper.h"

namespace zmqn {

struct AddonData;

class Observer : public Napi::ObjectWrap<Observer>, public Closable, public SocketUser {
 public:
  // Marks instances (native/tagged.h); Unwrap hides ObjectWrap's, see UnwrapThis.
  static const napi_type_tag kTypeTag;
  static Observer* Unwrap(Napi::Object object) { return UnwrapThis<Observer>(object, "Observer"); }

  static Napi::Function Define(Napi::Env env);

  explicit Observer(const Napi::CallbackInfo& info);
  ~Observer() override;

  // Stops monitoring and closes the reading socket. Used by close() and at teardown.
  void Close();
  void Reap(ExitWait) override { Close(); }
  // The observed socket is being closed (by close(), its finalizer or teardown): forget it. An
  // observer nobody is reading from is closed at once; one being read goes on until the final
  // "end" event, which lib/ delivers before closing it.
  bool SocketClosing(Socket* socket) override;

 private:
  Napi::Value Stop(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value Receive(const Napi::CallbackInfo& info);
  Napi::Value Watch(const Napi::CallbackInfo& info);
  Napi::Value Unwatch(const Napi::CallbackInfo& info);
  Napi::Value Closed(const Napi::CallbackInfo& info);

  // Ends the monitor of the observed socket if it is still open; libzmq then sends the
  // MONITOR_STOPPED event, which stays readable until the reading socket is closed.
  void StopMonitor();
  void StopWatching();

  AddonData* data_ = nullptr;
  Socket* socket_ = nullptr;   // the observed socket until it closes (it tells us)
  void* monitored_ = nullptr;  // socket_'s libzmq handle when monitoring began
  void* pair_ = nullptr;
  Poller poller_;
  Napi::FunctionReference onReady_;
  bool watching_ = false;
};

}  // namespace zmqn
