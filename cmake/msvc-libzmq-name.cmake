# Run as a script (cmake -P) after libzmq's MSVC install: copies the static archive, whose name
# carries the toolset and version (libzmq-v143-mt-s-4_3_5.lib), to the plain name ${plain}.
file(GLOB candidates "${library_dir}/libzmq*-mt-s-*.lib")
list(LENGTH candidates count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "zmq-native: expected one static libzmq archive in ${library_dir}, found: ${candidates}")
endif()
configure_file("${candidates}" "${plain}" COPYONLY)
