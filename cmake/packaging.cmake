# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package (CPack's DEB generator) and the checks of what it installs. Included from the
# top-level CMakeLists.txt after every install() rule. scripts/package.sh builds the package from
# a release build with the /usr prefix; scripts/check-package.sh installs and tries it.

include(GNUInstallDirs)

set(SELECTSCOPE_PACKAGE_MAINTAINER "SelectScope maintainers <maintainers@selectscope.invalid>"
    CACHE STRING "The Maintainer field of the Debian package: \"Name <address>\"")

# Debian keeps a package's copyright file and changelog in /usr/share/doc/<package>. The licence
# text itself is in /usr/share/common-licenses/GPL-3 on every Debian system, which the copyright
# file names. The release notes are kept in the AppStream metainfo; the changelog has one entry
# for this version, dated as the metainfo's newest release, and points there.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND TARGET selectscope_ui)
    set(doc_dir "${CMAKE_INSTALL_DATADIR}/doc/selectscope")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/debian/copyright" DESTINATION "${doc_dir}")

    set(metainfo "${PROJECT_SOURCE_DIR}/resources/${SELECTSCOPE_APP_ID}.metainfo.xml")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${metainfo}")
    file(STRINGS "${metainfo}" releases REGEX "<release [^>]*version=")
    list(GET releases 0 newest)
    string(REGEX MATCH "date=\"([0-9-]+)\"" unused "${newest}")
    set(release_date "${CMAKE_MATCH_1}")
    string(REGEX MATCH "version=\"([^\"]+)\"" unused "${newest}")
    if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
        message(WARNING "${metainfo}: the newest <release> is ${CMAKE_MATCH_1}, not the project "
                        "version ${PROJECT_VERSION}: add a release entry")
    endif()
    execute_process(COMMAND date -u -R -d "${release_date}"
        OUTPUT_VARIABLE changelog_date OUTPUT_STRIP_TRAILING_WHITESPACE
        COMMAND_ERROR_IS_FATAL ANY)
    set(changelog "${CMAKE_BINARY_DIR}/debian/changelog")
    file(CONFIGURE OUTPUT "${changelog}" @ONLY CONTENT
"selectscope (@PROJECT_VERSION@) unstable; urgency=medium

  * Release @PROJECT_VERSION@. The release notes are in
    /usr/share/metainfo/@SELECTSCOPE_APP_ID@.metainfo.xml.

 -- @SELECTSCOPE_PACKAGE_MAINTAINER@  @changelog_date@
")
    add_custom_command(OUTPUT "${changelog}.gz"
        COMMAND gzip -9 -n -k -f "${changelog}"
        DEPENDS "${changelog}"
        VERBATIM)
    add_custom_target(selectscope_changelog ALL DEPENDS "${changelog}.gz")
    install(FILES "${changelog}.gz" DESTINATION "${doc_dir}")
endif()

set(CPACK_PACKAGE_NAME "selectscope")
set(CPACK_PACKAGE_VENDOR "The SelectScope developers")
set(CPACK_PACKAGE_CONTACT "${SELECTSCOPE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "oscilloscope for I/O multiplexing: select, poll, epoll")
# CPack formats the extended description for the control file: a leading space on each line and
# " ." for the empty one.
set(CPACK_PACKAGE_DESCRIPTION
"SelectScope starts a small multiplexed TCP and UDP server on loopback and
shows every select(), poll() or epoll_wait() call the server makes, as it
happens: which descriptors went in, which came back ready, how long the call
blocked and what the server did next. It is meant for teaching and exploring
network servers.

Built-in presets reproduce the servers of classic select() tutorials byte for
byte on the wire. The window shows every descriptor with its sets, readiness
and output queue, plots of calls, bytes and blocked time, built-in clients, a
load generator, pause and single-step, in English and Simplified Chinese.
The headless mode (selectscope --headless) prints the same trace as JSON
lines.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
# Folders in the package get the usual permissions whatever the umask of the build.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    set(CPACK_GENERATOR "DEB")
endif()
# selectscope_<version>_<arch>.deb, as Debian names packages.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SELECTSCOPE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "education")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps (dpkg-dev) turns the libraries the binary links (Qt 6, QCustomPlot, the C++
# runtime) into versioned dependencies. It cannot see the plugins Qt loads at run time, such as
# the SVG image and icon plugins (the window icon is an SVG), nor the CJK font that the Simplified
# Chinese interface needs. The xcb and offscreen platform plugins ship in libqt6gui6 itself, which
# shlibdeps finds, so qt6-qpa-plugins is not needed.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, fonts-wqy-microhei")
# Qt's own strings (standard dialogs and buttons) in Chinese, and native Wayland windows; without
# them the window still works, in English dialogs or through XWayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")

include(CPack)

# The installed launcher entry, metainfo, icons and translations, checked with the validators a
# distribution runs (desktop-file-validate, appstreamcli) on a staged install of this build.
if(SELECTSCOPE_BUILD_TESTS AND TARGET selectscope_ui AND UNIX AND NOT APPLE)
    find_program(SELECTSCOPE_DESKTOP_FILE_VALIDATE desktop-file-validate)
    find_program(SELECTSCOPE_APPSTREAMCLI appstreamcli)
    if(SELECTSCOPE_DESKTOP_FILE_VALIDATE AND SELECTSCOPE_APPSTREAMCLI)
        # The staging folder starts empty, so that a file no longer installed cannot pass as one.
        set(stage "${CMAKE_BINARY_DIR}/install-check")
        add_test(NAME install_stage
            COMMAND sh -c "rm -rf \"$0\" && DESTDIR=\"$0\" \"$1\" --install \"$2\" --config \"$3\""
                    "${stage}" "${CMAKE_COMMAND}" "${CMAKE_BINARY_DIR}" $<CONFIG>)
        add_test(NAME install_metadata
            COMMAND "${PROJECT_SOURCE_DIR}/scripts/validate-install.sh"
                    "${stage}" "${CMAKE_INSTALL_PREFIX}")
        set_tests_properties(install_stage PROPERTIES
            TIMEOUT 60 LABELS packaging FIXTURES_SETUP install_tree)
        set_tests_properties(install_metadata PROPERTIES
            TIMEOUT 60 LABELS packaging FIXTURES_REQUIRED install_tree)
    else()
        message(STATUS "desktop-file-validate or appstreamcli not found (Debian: "
                       "desktop-file-utils, appstream): the install_metadata test is left out")
    endif()
endif()
