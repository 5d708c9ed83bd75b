# SPDX-License-Identifier: GPL-3.0-or-later
# The files installed beside the binary on Linux and BSD, included from app/CMakeLists.txt: the
# manual page, and for the window the launcher entry, the icon in the hicolor theme and the
# AppStream metainfo that software centres read. The SVG is the only icon in the source tree; the
# PNG sizes are rendered from it at build time for menus, docks and window switchers that do not
# load SVG.

# The application id is the launcher entry's file name and the metainfo's <id>. app/main.cpp
# passes it to QGuiApplication::setDesktopFileName() so that Wayland compositors match the window
# to its entry; cmake/packaging.cmake names the metainfo with it.
set(SELECTSCOPE_APP_ID "io.github.selectscope.SelectScope"
    CACHE INTERNAL "The application id (launcher entry and AppStream metainfo)")
set(SELECTSCOPE_ICON_SIZES 16 22 24 32 48 64 128 256)

if(WIN32 OR APPLE)
    return()
endif()

# The manual page is help2man's rendering of --help and --version plus resources/selectscope.h2m,
# so it cannot drift from the options. Building it runs the built binary, which a cross build or a
# sanitizer build may not be able to do, so only packaging builds ask for it.
option(SELECTSCOPE_MANPAGE "Build and install the manual page with help2man" OFF)
if(SELECTSCOPE_MANPAGE)
    find_program(SELECTSCOPE_HELP2MAN help2man REQUIRED)
    set(manpage "${CMAKE_CURRENT_BINARY_DIR}/selectscope.1")
    set(manpage_include "${PROJECT_SOURCE_DIR}/resources/selectscope.h2m")
    add_custom_command(OUTPUT "${manpage}.gz"
        COMMAND "${SELECTSCOPE_HELP2MAN}" --no-info --include "${manpage_include}"
                --output "${manpage}" "$<TARGET_FILE:selectscope>"
        COMMAND gzip -9 -n -f "${manpage}"
        DEPENDS selectscope "${manpage_include}"
        COMMENT "Generating the manual page selectscope.1"
        VERBATIM)
    add_custom_target(selectscope_manpage ALL DEPENDS "${manpage}.gz")
    install(FILES "${manpage}.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endif()

# A build without the window (SELECTSCOPE_BUILD_GUI=OFF) only runs --headless: a launcher entry
# would open nothing.
if(NOT TARGET selectscope_ui)
    return()
endif()

target_compile_definitions(selectscope PRIVATE SELECTSCOPE_APP_ID="${SELECTSCOPE_APP_ID}")

set(icon_svg "${PROJECT_SOURCE_DIR}/resources/icons/selectscope.svg")
install(FILES "${PROJECT_SOURCE_DIR}/resources/${SELECTSCOPE_APP_ID}.desktop"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${PROJECT_SOURCE_DIR}/resources/${SELECTSCOPE_APP_ID}.metainfo.xml"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${icon_svg}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")

find_program(SELECTSCOPE_RSVG_CONVERT rsvg-convert
    DOC "rsvg-convert from librsvg (Debian: librsvg2-bin), renders the PNG icon sizes")
if(NOT SELECTSCOPE_RSVG_CONVERT)
    message(WARNING "rsvg-convert not found (Debian: librsvg2-bin): only the scalable icon is "
                    "installed, without the PNG sizes ${SELECTSCOPE_ICON_SIZES}")
    return()
endif()

set(icon_pngs "")
foreach(size IN LISTS SELECTSCOPE_ICON_SIZES)
    set(dir "${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}")
    set(png "${dir}/selectscope.png")
    add_custom_command(OUTPUT "${png}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
        COMMAND "${SELECTSCOPE_RSVG_CONVERT}" --width ${size} --height ${size}
                --output "${png}" "${icon_svg}"
        DEPENDS "${icon_svg}"
        COMMENT "Rendering the ${size}x${size} icon"
        VERBATIM)
    list(APPEND icon_pngs "${png}")
    install(FILES "${png}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
endforeach()
add_custom_target(selectscope_icons ALL DEPENDS ${icon_pngs})
