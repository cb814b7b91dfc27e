# Install helpers (top-level CMakeLists.txt).

# discrec_install_gzipped(FILE DESTINATION): installs FILE as DESTINATION/<name>.gz, compressed
# with `gzip -9n` (-n: no name or time stamp in the header, so packages are reproducible), at
# install time, so `cmake --install` and cpack need no extra build target. Without gzip (or on
# Windows) FILE is installed as it is.
find_program(DISCREC_GZIP gzip)
function(discrec_install_gzipped file destination)
  get_filename_component(_name "${file}" NAME)
  if(NOT DISCREC_GZIP OR WIN32)
    install(FILES "${file}" DESTINATION "${destination}")
    return()
  endif()
  install(CODE "
    set(_dir \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${destination}\")
    file(MAKE_DIRECTORY \"\${_dir}\")
    message(STATUS \"Installing: \${_dir}/${_name}.gz\")
    execute_process(COMMAND \"${DISCREC_GZIP}\" -9nc \"${file}\"
                    OUTPUT_FILE \"\${_dir}/${_name}.gz\" RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR \"gzip -9nc ${file} failed: \${_rc}\")
    endif()
    list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${_dir}/${_name}.gz\")
  ")
endfunction()

# discrec_install_stripped(TARGET): installs the executable TARGET to bindir stripped, as every
# distribution ships programs (a RelWithDebInfo discrec is ~50 MB with its debug information,
# 3 MB without). When the build has debug information (ELF with a build ID), it is first kept
# in lib/debug/.build-id/xx/yyyy.debug, where gdb and debuginfod look for it, as the separate
# install component "debug": `cmake --install` installs it, the .deb does not
# (CPACK_INSTALL_CMAKE_PROJECTS), as Debian puts it in a -dbgsym package.
function(discrec_install_stripped target)
  install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  if(NOT CMAKE_STRIP)
    message(WARNING "no strip program: ${target} is installed with its symbols")
    return()
  endif()
  set(_installed "\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:${target}>")
  if(NOT WIN32 AND CMAKE_OBJCOPY AND CMAKE_READELF)
    install(CODE "
      execute_process(COMMAND \"${CMAKE_READELF}\" -S -n \"$<TARGET_FILE:${target}>\"
                      OUTPUT_VARIABLE _elf RESULT_VARIABLE _rc)
      if(_rc EQUAL 0 AND _elf MATCHES \"[.]debug_info\" AND _elf MATCHES \"Build ID: ([0-9a-f][0-9a-f])([0-9a-f]+)\")
        set(_debug \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/debug/.build-id/\${CMAKE_MATCH_1}/\${CMAKE_MATCH_2}.debug\")
        get_filename_component(_dir \"\${_debug}\" DIRECTORY)
        file(MAKE_DIRECTORY \"\${_dir}\")
        message(STATUS \"Installing: \${_debug} (debug information of ${target})\")
        execute_process(COMMAND \"${CMAKE_OBJCOPY}\" --only-keep-debug --compress-debug-sections
                                \"$<TARGET_FILE:${target}>\" \"\${_debug}\" RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
          message(FATAL_ERROR \"objcopy --only-keep-debug $<TARGET_FILE:${target}> failed: \${_rc}\")
        endif()
        list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${_debug}\")
      endif()
    " COMPONENT debug)
  endif()
  # What dh_strip does to an executable: all symbols and debug sections, and the .comment
  # and .note sections (compiler versions) that lintian calls unneeded.
  install(CODE "
    message(STATUS \"Stripping: ${_installed}\")
    execute_process(COMMAND \"${CMAKE_STRIP}\" --remove-section=.comment --remove-section=.note
                            \"${_installed}\" RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR \"${CMAKE_STRIP} ${_installed} failed: \${_rc}\")
    endif()
  ")
endfunction()
