# discrec_debian_header_only(<target> <dir>...): defines the INTERFACE IMPORTED
# <target> over a private include directory (in the build tree) holding symlinks to
# /usr/include/<dir> only. A plain -isystem /usr/include would put the host's glibc headers
# ahead of mingw-w64's own and break the cross build.
function(discrec_debian_header_only target)
  if(TARGET ${target})
    return()
  endif()
  set(include_dir ${CMAKE_BINARY_DIR}/mingw-w64-debian-headers)
  file(MAKE_DIRECTORY ${include_dir})
  foreach(dir IN LISTS ARGN)
    if(NOT EXISTS /usr/include/${dir})
      message(FATAL_ERROR "/usr/include/${dir} is missing: install its Debian -dev package")
    endif()
    file(CREATE_LINK /usr/include/${dir} ${include_dir}/${dir} SYMBOLIC)
  endforeach()
  add_library(${target} INTERFACE IMPORTED)
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${include_dir})
endfunction()
