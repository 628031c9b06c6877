# libzmq's own perf programs (local_thr, remote_thr, local_lat, remote_lat, inproc_thr,
# inproc_lat), linked against the same static libzmq as the addon: the "raw C" column of
# `npm run bench`. Not built by default: `cmake --build <dir> --target zmq_perf_tools`.
add_custom_target(zmq_perf_tools)
foreach(tool local_thr remote_thr local_lat remote_lat inproc_thr inproc_lat)
  add_executable(${tool} EXCLUDE_FROM_ALL "${ZMQ_NATIVE_LIBZMQ_SOURCE}/perf/${tool}.cpp")
  add_dependencies(${tool} ${ZMQ_NATIVE_LIBZMQ_TARGET})
  # inproc_* include platform.hpp, generated into the libzmq build tree.
  target_include_directories(${tool} PRIVATE "${ZMQ_NATIVE_LIBZMQ_INCLUDE}" "${ZMQ_NATIVE_LIBZMQ_PREFIX}/../libzmq-build")
  target_compile_definitions(${tool} PRIVATE ZMQ_STATIC)
  target_link_libraries(${tool} PRIVATE ${ZMQ_NATIVE_LIBZMQ_LIBRARIES} stdc++)
  set_target_properties(${tool} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/perf")
  add_dependencies(zmq_perf_tools ${tool})
endforeach()

# Our own C programs (bench/c/): latency, the REQ/REP requester timing each round trip (the C
# column of the latency distribution), and peers, the many Dealers or Subscribers of the scale
# scenarios.
foreach(tool latency peers)
  add_executable(${tool} EXCLUDE_FROM_ALL "${CMAKE_CURRENT_SOURCE_DIR}/bench/c/${tool}.c")
  add_dependencies(${tool} ${ZMQ_NATIVE_LIBZMQ_TARGET})
  target_include_directories(${tool} PRIVATE "${ZMQ_NATIVE_LIBZMQ_INCLUDE}")
  target_compile_definitions(${tool} PRIVATE ZMQ_STATIC)
  target_link_libraries(${tool} PRIVATE ${ZMQ_NATIVE_LIBZMQ_LIBRARIES} stdc++ m pthread)
  set_target_properties(${tool} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/perf")
  add_dependencies(zmq_perf_tools ${tool})
endforeach()
