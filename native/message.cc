// Moves message bytes between JS values and libzmq messages: outgoing frames from strings and
// binary views (large ones without copying), incoming frames as Buffers (large ones wrapping
// libzmq's memory).
#include "message.h"

#include <chrono>
#include <cstring>
#include <thread>

namespace zmqn {

// What libzmq holds beside a borrowed buffer's bytes: the reference keeping the buffer alive,
// and the way to hand it back to the JS thread.
struct BorrowedBuffer {
  CrossThreadQueue<napi_ref>::Sender returns;
  napi_ref ref;
};

void ReleaseQueue::Start(Napi::Env env) {
  uv_loop_t* loop = nullptr;
  napi_get_uv_event_loop(env, &loop);
  // A failed start leaves nothing lent: every frame is copied.
  // Waiting releases must not keep the process alive.
  const int status = returns_.Start(
      loop,
      [env](std::vector<napi_ref>& refs) {
        for (napi_ref ref : refs) napi_delete_reference(env, ref);
      },
      false);
  // Node runs its main thread on libuv's default loop and every worker on a loop of its own.
  lend_ = status == 0 && loop == uv_default_loop();
}

bool ReleaseQueue::AwaitReturns(int timeoutMs) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  while (returns_.Senders() != 0) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

void ReleaseQueue::Stop() {
  lend_ = false;
  returns_.Stop();
}

void ReleaseQueue::SetLendable(Napi::Function lendable) {
  lendable_ = Napi::Persistent(lendable);
}

// Whether libzmq may borrow arrayBuffer's memory: a detached (transferred) ArrayBuffer's memory
// goes with its new owner and is freed with it, under libzmq's feet. lendable() decides and,
// when it agrees, makes detaching impossible; an exception from it means no.
static bool Lendable(Napi::Env env, Napi::FunctionReference& lendable, napi_value arrayBuffer) {
  bool pending = false;
  if (lendable.IsEmpty() || napi_is_exception_pending(env, &pending) != napi_ok || pending)
    return false;
  napi_value result;
  if (napi_call_function(env, env.Undefined(), lendable.Value(), 1, &arrayBuffer, &result) !=
      napi_ok) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
    return false;
  }
  bool yes = false;
  return napi_get_value_bool(env, result, &yes) == napi_ok && yes;
}

// libzmq's free function for borrowed buffers: runs on whichever thread drops the message.
static void ReturnBorrowed(void* /*data*/, void* hint) {
  auto* borrowed = static_cast<BorrowedBuffer*>(hint);
  // Dropped once the environment is gone: the reference died with it.
  borrowed->returns.Push(borrowed->ref);
  delete borrowed;
}

// Lends data to libzmq until it lets go of it (ReturnBorrowed). Kept out of line so that
// InitBytes, whose copy is the common case, stays small enough to be inlined into its callers
// (measured with callgrind: 27 instructions per sent message otherwise).
[[gnu::noinline]] static int LendBytes(Napi::Env env, const CrossThreadQueue<napi_ref>& returns,
                                       napi_value holder, void* data, size_t length,
                                       zmq_msg_t* msg) {
  napi_ref ref = nullptr;
  napi_create_reference(env, holder, 1, &ref);
  auto* borrowed = new BorrowedBuffer{returns.NewSender(), ref};
  if (zmq_msg_init_data(msg, data, length, ReturnBorrowed, borrowed) == 0) return 0;
  // libzmq did not take the buffer (out of memory): nothing will call ReturnBorrowed.
  napi_delete_reference(env, ref);
  delete borrowed;
  return -1;
}

int InitBytes(Napi::Env env, ReleaseQueue& releases, napi_value holder, napi_value arrayBuffer,
              void* data, size_t length, zmq_msg_t* msg) {
  if (length < kZeroCopyThreshold || !releases.lend_ ||
      !Lendable(env, releases.lendable_, arrayBuffer)) {
    if (zmq_msg_init_size(msg, length) != 0) return -1;
    if (length > 0) std::memcpy(zmq_msg_data(msg), data, length);
    return 0;
  }
  return LendBytes(env, releases.returns_, holder, data, length, msg);
}

bool TypedArrayBytes(napi_env env, napi_value value, void** data, size_t* length,
                     napi_value* arrayBuffer) {
  // napi_get_typedarray_info fails without an exception for anything else, so this one call is
  // both the type check and the read.
  napi_typedarray_type elementType;
  size_t count = 0, offset = 0;
  if (napi_get_typedarray_info(env, value, &elementType, &count, data, arrayBuffer, &offset) !=
      napi_ok) {
    return false;
  }
  size_t elementSize = 1;
  switch (elementType) {
    case napi_int16_array:
    case napi_uint16_array: elementSize = 2; break;
    case napi_int32_array:
    case napi_uint32_array:
    case napi_float32_array: elementSize = 4; break;
    case napi_float64_array:
    case napi_bigint64_array:
    case napi_biguint64_array: elementSize = 8; break;
    default: break;
  }
  *length = count * elementSize;
  return true;
}

bool DataViewBytes(napi_env env, napi_value value, void** data, size_t* length,
                   napi_value* arrayBuffer) {
  bool is = false;
  if (napi_is_dataview(env, value, &is) != napi_ok || !is) return false;
  size_t offset = 0;
  return napi_get_dataview_info(env, value, length, data, arrayBuffer, &offset) == napi_ok;
}

FrameStatus InitTypedArrayFrame(Napi::Env env, ReleaseQueue& releases, napi_value value,
                                zmq_msg_t* msg) {
  void* data = nullptr;
  size_t length = 0;
  napi_value arrayBuffer;
  if (!TypedArrayBytes(env, value, &data, &length, &arrayBuffer)) return FrameStatus::Unsupported;
  return InitBytes(env, releases, value, arrayBuffer, data, length, msg) == 0 ? FrameStatus::Ok
                                                                              : FrameStatus::Failed;
}

FrameStatus InitFrame(Napi::Env env, ReleaseQueue& releases, napi_value value, zmq_msg_t* msg) {
  const FrameStatus typedArray = InitTypedArrayFrame(env, releases, value, msg);
  if (typedArray != FrameStatus::Unsupported) return typedArray;
  napi_valuetype type;
  napi_typeof(env, value, &type);
  if (type == napi_string) {
    size_t length = 0;
    napi_get_value_string_utf8(env, value, nullptr, 0, &length);
    if (zmq_msg_init_size(msg, length) != 0) return FrameStatus::Failed;
    // N-API always writes a terminating NUL: give it room, then drop it.
    if (length > 0) {
      if (length < 256) {
        char scratch[256];
        napi_get_value_string_utf8(env, value, scratch, sizeof scratch, &length);
        std::memcpy(zmq_msg_data(msg), scratch, length);
      } else {
        std::vector<char> scratch(length + 1);
        napi_get_value_string_utf8(env, value, scratch.data(), scratch.size(), &length);
        std::memcpy(zmq_msg_data(msg), scratch.data(), length);
      }
    }
    return FrameStatus::Ok;
  }
  // null is an empty frame; undefined is a missing argument, rejected as unsupported.
  if (type == napi_null) {
    zmq_msg_init(msg);
    return FrameStatus::Ok;
  }
  if (type != napi_object) return FrameStatus::Unsupported;

  size_t viewed = 0;
  void* viewedData = nullptr;
  napi_value viewedBuffer;
  if (DataViewBytes(env, value, &viewedData, &viewed, &viewedBuffer)) {
    return InitBytes(env, releases, value, viewedBuffer, viewedData, viewed, msg) == 0
               ? FrameStatus::Ok
               : FrameStatus::Failed;
  }
  bool is = false;
  napi_is_arraybuffer(env, value, &is);
  if (is) {
    size_t length = 0;
    void* data = nullptr;
    napi_get_arraybuffer_info(env, value, &data, &length);
    return InitBytes(env, releases, value, value, data, length, msg) == 0 ? FrameStatus::Ok
                                                                          : FrameStatus::Failed;
  }
  return FrameStatus::Unsupported;
}

Napi::Value FrameToBuffer(Napi::Env env, zmq_msg_t* msg) {
  const size_t length = zmq_msg_size(msg);
  if (length < kZeroCopyThreshold) {
    auto buffer =
        Napi::Buffer<uint8_t>::Copy(env, static_cast<uint8_t*>(zmq_msg_data(msg)), length);
    zmq_msg_close(msg);
    return buffer;
  }
  // Hand libzmq's memory to JS; the message is closed when the Buffer is collected.
  auto* owned = new zmq_msg_t;
  zmq_msg_init(owned);
  zmq_msg_move(owned, msg);
  zmq_msg_close(msg);
  return Napi::Buffer<uint8_t>::New(
      env, static_cast<uint8_t*>(zmq_msg_data(owned)), length,
      [](Napi::Env, uint8_t*, zmq_msg_t* held) {
        zmq_msg_close(held);
        delete held;
      },
      owned);
}

Napi::Value FramesToSlab(Napi::Env env, zmq_msg_t* msgs, const bool* more, size_t count,
                         napi_value large) {
  size_t bytes = 0;
  for (size_t i = 0; i < count; i++) {
    const size_t length = zmq_msg_size(&msgs[i]);
    if (length < kZeroCopyThreshold) bytes += length;
  }
  const size_t header = sizeof(int32_t) * (count + 1);
  void* data = nullptr;
  napi_value slab;
  if (napi_create_buffer(env, header + bytes, &data, &slab) != napi_ok) {
    for (size_t i = 0; i < count; i++) zmq_msg_close(&msgs[i]);
    return Napi::Value();
  }
  auto* entries = static_cast<int32_t*>(data);
  auto* out = static_cast<uint8_t*>(data) + header;
  entries[0] = static_cast<int32_t>(count);
  uint32_t largeCount = 0;
  for (size_t i = 0; i < count; i++) {
    const size_t length = zmq_msg_size(&msgs[i]);
    if (length < kZeroCopyThreshold) {
      entries[i + 1] = static_cast<int32_t>(length << 1 | (more[i] ? 1 : 0));
      if (length > 0) std::memcpy(out, zmq_msg_data(&msgs[i]), length);
      out += length;
      zmq_msg_close(&msgs[i]);
    } else {
      entries[i + 1] = -1 - (more[i] ? 1 : 0);
      napi_set_element(env, large, largeCount++, FrameToBuffer(env, &msgs[i]));
    }
  }
  return Napi::Value(env, slab);
}

}  // namespace zmqn
