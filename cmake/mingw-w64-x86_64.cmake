# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-compiles SelectScope's engine and its tests for 64-bit Windows with MinGW-w64 on Linux,
# and runs the tests under Wine: `ctest` starts each .exe through CMAKE_CROSSCOMPILING_EMULATOR.
# Used by scripts/test-windows.sh (Debian: g++-mingw-w64-x86-64-posix, wine, wine64).
#
# The "posix" compiler variant is the one whose libstdc++ has std::thread, std::mutex and
# std::condition_variable (on winpthreads); the "win32" variant lacks them in GCC 12.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(SELECTSCOPE_MINGW_PREFIX x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${SELECTSCOPE_MINGW_PREFIX}-gcc-posix)
set(CMAKE_CXX_COMPILER ${SELECTSCOPE_MINGW_PREFIX}-g++-posix)
set(CMAKE_RC_COMPILER ${SELECTSCOPE_MINGW_PREFIX}-windres)

# Headers, libraries and CMake packages come only from the MinGW sysroot, never from the Linux
# host, whose GoogleTest is built for Linux: the cross-built one is named with GTest_DIR.
# Programs (wine, python3) still come from the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/${SELECTSCOPE_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Everything linked statically (libgcc, libstdc++, winpthread), so that Wine finds every DLL the
# tests need among its own (kernel32, ws2_32, ...) and no WINEPATH has to be set up.
# MinGW-w64's _FORTIFY_SOURCE checks (__memcpy_chk and friends; the project fortifies optimised
# builds) live in libssp, which the driver links for -fstack-protector-*; the stack protector is
# worth having in the same build anyway.
set(CMAKE_C_FLAGS_INIT "-fstack-protector-strong")
set(CMAKE_CXX_FLAGS_INIT "-fstack-protector-strong")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -fstack-protector-strong")

# Wine's own "wine" launcher picks the 64-bit loader for a 64-bit program (Debian installs
# wine64's loader as /usr/lib/wine/wine64, outside PATH); a bare wine64 loader is the fallback.
find_program(SELECTSCOPE_WINE NAMES wine wine64 wine-stable PATHS /usr/lib/wine)
if(SELECTSCOPE_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${SELECTSCOPE_WINE})
endif()
