// This addon's wrapped objects, recognised among arbitrary JS values without throwing: every
// class tags its instances as they are made (napi_type_tag_object), and a value is unwrapped
// only when it carries that class's tag — never a foreign object, nor one of another class.
#pragma once

#include <napi.h>

#include "errors.h"

namespace zmqn {

// Marks a new instance of T (T::kTypeTag); first thing in T's constructor.
template <typename T>
void TagInstance(const Napi::CallbackInfo& info) {
  napi_type_tag_object(info.Env(), info.This(), &T::kTypeTag);
}

// The T that `value` wraps, or null — with nothing thrown — for anything else.
template <typename T>
T* Unwrapped(napi_env env, napi_value value) {
  napi_valuetype type;
  // napi_check_object_type_tag converts primitives with ToObject, which throws for null and
  // undefined: only objects are asked.
  if (value == nullptr || napi_typeof(env, value, &type) != napi_ok || type != napi_object)
    return nullptr;
  bool tagged = false;
  if (napi_check_object_type_tag(env, value, &T::kTypeTag, &tagged) != napi_ok || !tagged)
    return nullptr;
  void* wrapped = nullptr;
  // Fails (without throwing) once the instance's native half is gone, or during teardown.
  if (napi_unwrap(env, value, &wrapped) != napi_ok) return nullptr;
  return static_cast<T*>(wrapped);
}

// For T::Unwrap, which hides ObjectWrap::Unwrap: node-addon-api's method wrappers call it on
// `this`, and the base one throws for a foreign object — then the method's own error would be a
// second throw, which aborts the process — and would read another class's object as a T.
template <typename T>
T* UnwrapThis(Napi::Object object, const char* className) {
  T* self = Unwrapped<T>(object.Env(), object);
  if (self == nullptr) {
    Throw(Napi::TypeError::New(object.Env(),
                               std::string("Illegal invocation: not a native ") + className));
  }
  return self;
}

}  // namespace zmqn
