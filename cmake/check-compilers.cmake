# Stops with a plain "install this" message when no C or C++ compiler is found, instead of
# CMake's generic "No CMAKE_CXX_COMPILER could be found", then enables both languages.
# Included right after project(... NONE).
include(CheckLanguage)

if(WIN32)
  set(zmq_native_compiler_hint "install Visual Studio (or its Build Tools) with the 'Desktop development with C++' workload")
elseif(APPLE)
  set(zmq_native_compiler_hint "run: xcode-select --install")
elseif(EXISTS "/etc/alpine-release")
  set(zmq_native_compiler_hint "run: apk add build-base")
elseif(EXISTS "/etc/debian_version")
  set(zmq_native_compiler_hint "run: apt-get install build-essential")
else()
  set(zmq_native_compiler_hint "install gcc and g++ (or clang and clang++) and make sure they are on PATH, or set CC and CXX")
endif()

foreach(language C CXX)
  check_language(${language})
  if(NOT CMAKE_${language}_COMPILER)
    message(FATAL_ERROR "zmq-native: no ${language} compiler was found, and libzmq and the addon must be compiled from source here (no prebuilt binary loads here). To fix: ${zmq_native_compiler_hint}.")
  endif()
endforeach()
enable_language(C)
enable_language(CXX)
