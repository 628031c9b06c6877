// Owns one libuv handle (a poll, an async): the one place that closes and frees handles.
// libuv still uses a handle after uv_close until its close callback runs, on a later loop turn,
// so the handle lives on the heap and that callback frees it: the owner may go away at once.
// Every method runs on the loop's thread (the JS thread).
#pragma once

#include <uv.h>

#include <utility>

namespace zmqn {

template <typename T>
class UvHandle {
 public:
  UvHandle() = default;
  UvHandle(const UvHandle&) = delete;
  UvHandle& operator=(const UvHandle&) = delete;
  ~UvHandle() { Close(); }

  // Makes the handle with init(loop, handle, arguments...) (uv_poll_init_socket, uv_async_init)
  // and gives it `data`. Returns libuv's error code (0 on success); nothing is held on failure.
  template <typename Initialiser, typename... Arguments>
  int Init(Initialiser init, uv_loop_t* loop, void* data, Arguments... arguments) {
    Close();
    T* handle = new T;
    const int status = init(loop, handle, arguments...);
    // A failed init leaves the handle unknown to the loop: it is freed here, not closed.
    if (status != 0) {
      delete handle;
      return status;
    }
    handle->data = data;
    handle_ = handle;
    return 0;
  }

  T* Get() const { return handle_; }
  explicit operator bool() const { return handle_ != nullptr; }

  // Whether the handle keeps the loop (and so the process) alive while active.
  void KeepAlive(bool keepAlive) {
    if (handle_ == nullptr) return;
    if (keepAlive) {
      uv_ref(AsHandle());
    } else {
      uv_unref(AsHandle());
    }
  }

  // Closes the handle; its callbacks never run again. Safe to call more than once.
  void Close() {
    if (handle_ == nullptr) return;
    handle_->data = nullptr;
    uv_close(AsHandle(), [](uv_handle_t* handle) { delete reinterpret_cast<T*>(handle); });
    handle_ = nullptr;
  }

 private:
  uv_handle_t* AsHandle() const { return reinterpret_cast<uv_handle_t*>(handle_); }

  T* handle_ = nullptr;
};

}  // namespace zmqn
