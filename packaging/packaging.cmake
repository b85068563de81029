# SPDX-License-Identifier: MIT
# Desktop integration (menu entry, MIME types, AppStream listing, icons) and the Debian package.
# Included last by the top-level CMakeLists.txt; the executable's own install rule lives in app/.
include(GNUInstallDirs)

# The PNGs are committed so the build needs no SVG renderer; after editing understudy.svg regenerate them with
#   for s in 16 32 48 64 128 256; do rsvg-convert -w $s -h $s understudy.svg -o understudy-$s.png; done
set(UNDERSTUDY_ICON_SIZES 16 32 48 64 128 256)
set(understudy_packaging_dir "${CMAKE_CURRENT_LIST_DIR}")
set(understudy_icons_dir "${CMAKE_CURRENT_LIST_DIR}/../resources/icons")

# Registered by file name, so a headless build still lets `understudy --check` be found for openapi.yaml.
install(FILES "${understudy_packaging_dir}/understudy-mime.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages")

# A menu entry only makes sense when the executable can open a window.
if(BUILD_GUI)
    install(FILES "${understudy_packaging_dir}/understudy.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${understudy_packaging_dir}/dev.understudy.Understudy.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    foreach(size IN LISTS UNDERSTUDY_ICON_SIZES)
        install(FILES "${understudy_icons_dir}/understudy-${size}.png"
                DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps"
                RENAME understudy.png)
    endforeach()
    install(FILES "${understudy_icons_dir}/understudy.svg"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
endif()
install(FILES "${CMAKE_CURRENT_LIST_DIR}/../README.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
# Debian policy: a machine-readable copyright file and, for a native package, changelog.gz (gzip -9n: no name or
# time stamp inside, so the package is reproducible).
install(FILES "${understudy_packaging_dir}/copyright" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
set(understudy_generated_dir "${CMAKE_BINARY_DIR}/packaging")
add_custom_command(OUTPUT "${understudy_generated_dir}/changelog.gz"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${understudy_generated_dir}"
    COMMAND ${CMAKE_COMMAND} -E copy "${understudy_packaging_dir}/changelog" "${understudy_generated_dir}/changelog"
    COMMAND gzip -9nf "${understudy_generated_dir}/changelog"
    DEPENDS "${understudy_packaging_dir}/changelog"
    COMMENT "Compressing the Debian changelog"
    VERBATIM)
set(understudy_generated_docs "${understudy_generated_dir}/changelog.gz")
install(FILES "${understudy_generated_dir}/changelog.gz" DESTINATION "${CMAKE_INSTALL_DOCDIR}")

set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop OpenAPI mock server")
# understudy.1 is written by help2man from the real `understudy --help` and `--version`, so it cannot drift.
find_program(UNDERSTUDY_HELP2MAN help2man)
if(UNDERSTUDY_HELP2MAN)
    add_custom_command(OUTPUT "${understudy_generated_dir}/understudy.1.gz"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${understudy_generated_dir}"
        # Leak checking (sanitizer builds) would make the program exit non-zero at the end of --help.
        COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0 SOURCE_DATE_EPOCH=1796126400
            "${UNDERSTUDY_HELP2MAN}" --no-info --section 1 --name "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}"
            --output "${understudy_generated_dir}/understudy.1" "$<TARGET_FILE:understudy>"
        COMMAND gzip -9nf "${understudy_generated_dir}/understudy.1"
        DEPENDS understudy
        COMMENT "Writing the man page understudy.1 with help2man"
        VERBATIM)
    list(APPEND understudy_generated_docs "${understudy_generated_dir}/understudy.1.gz")
    install(FILES "${understudy_generated_dir}/understudy.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
else()
    message(WARNING "help2man not found (Debian package help2man): the package will have no man page")
endif()
add_custom_target(understudy_package_docs ALL DEPENDS ${understudy_generated_docs})

# CPack: `cpack -G DEB` in the build directory writes understudy_<version>_<arch>.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME understudy)
set(CPACK_PACKAGE_VENDOR "The Understudy developers")
set(CPACK_PACKAGE_CONTACT "The Understudy developers <maintainers@understudy.dev>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://understudy.dev/")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CPACK_PACKAGE_HOMEPAGE_URL}")
# dpkg-shlibdeps computes Depends from the linked libraries (libqt6core6, libyaml-cpp0.7, ...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The icon directories belong to hicolor-icon-theme; the menu, MIME and icon caches are refreshed by the
# file triggers of desktop-file-utils, shared-mime-info and the icon theme, so no maintainer scripts are needed.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hicolor-icon-theme, shared-mime-info, desktop-file-utils")
# The synopsis line comes from CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents this extended description.
# Debian policy: every line under 80 columns (lintian: extended-description-line-too-long); tst_packaging checks.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Understudy serves realistic mock responses from an OpenAPI 3.0 or 3.1
(or Swagger 2.0) definition in YAML or JSON. Every request is routed,
validated against the definition and answered with an example or a
generated body; a window shows the request log with the reason for each
answer and lets you force a status code or example per operation. A
headless mode serves the same mock for scripts and continuous integration.")
include(CPack)
