# Packaging: installs the desktop integration (desktop entry, icons, AppStream metadata, manual
# pages, Debian docs) and configures CPack. Included last from the top-level CMakeLists.txt, so
# every install() rule of the executables and translations already exists.
#
# Linux: `cpack -G DEB` (scripts/package.sh builds a portable release tree and runs it).
# Windows and macOS: cmake/CPackWindows.cmake and cmake/CPackMacOS.cmake. See docs/packaging.md.

include(GNUInstallDirs)

# The reverse-DNS id names the desktop entry, the icon and the AppStream component alike.
set(CRYPTOPREDICT_APP_ID "io.cryptopredict.CryptoPredict")
set(CRYPTOPREDICT_MAINTAINER "CryptoPredict developers <packaging@cryptopredict.io>")
# Honours SOURCE_DATE_EPOCH, so a release build can be reproducible.
string(TIMESTAMP CRYPTOPREDICT_RELEASE_DATE "%Y-%m-%d" UTC)
string(TIMESTAMP CRYPTOPREDICT_RELEASE_RFC2822 "%a, %d %b %Y %H:%M:%S +0000" UTC)

set(cp_linux_dir "${PROJECT_SOURCE_DIR}/installer/linux")
set(cp_icon_svg "${PROJECT_SOURCE_DIR}/resources/icons/cryptopredict.svg")
set(cp_package_build_dir "${PROJECT_BINARY_DIR}/packaging")

if(UNIX AND NOT APPLE)
    # qt_standard_project_setup() gives installed programs an $ORIGIN RUNPATH for relocatable
    # trees. Installed under /usr every library is on the system path, and a RUNPATH would only
    # let a stray library beside the program take precedence.
    set_target_properties(cryptopredict cryptopredict-cli PROPERTIES INSTALL_RPATH "")

    install(FILES "${cp_linux_dir}/${CRYPTOPREDICT_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")

    configure_file("${cp_linux_dir}/${CRYPTOPREDICT_APP_ID}.metainfo.xml"
        "${cp_package_build_dir}/${CRYPTOPREDICT_APP_ID}.metainfo.xml" @ONLY)
    install(FILES "${cp_package_build_dir}/${CRYPTOPREDICT_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")

    install(FILES "${cp_icon_svg}"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
        RENAME "${CRYPTOPREDICT_APP_ID}.svg")
    # Bitmap sizes for panels and menus that do not render SVG; rendered at build time so they
    # never drift from the SVG.
    find_program(RSVG_CONVERT_EXECUTABLE rsvg-convert)
    if(RSVG_CONVERT_EXECUTABLE)
        set(cp_icon_pngs "")
        foreach(size IN ITEMS 16 24 32 48 64 128 256 512)
            set(png_dir "${cp_package_build_dir}/icons/${size}x${size}/apps")
            set(png "${png_dir}/${CRYPTOPREDICT_APP_ID}.png")
            add_custom_command(OUTPUT "${png}"
                COMMAND "${CMAKE_COMMAND}" -E make_directory "${png_dir}"
                COMMAND "${RSVG_CONVERT_EXECUTABLE}" -w ${size} -h ${size} -o "${png}" "${cp_icon_svg}"
                DEPENDS "${cp_icon_svg}"
                COMMENT "Rendering the ${size}x${size} application icon"
                VERBATIM)
            list(APPEND cp_icon_pngs "${png}")
        endforeach()
        add_custom_target(cp_icons ALL DEPENDS ${cp_icon_pngs})
        install(DIRECTORY "${cp_package_build_dir}/icons/"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor")
    else()
        message(WARNING "rsvg-convert (Debian: librsvg2-bin) not found: the package gets the "
                        "SVG icon only, no PNG sizes.")
    endif()

    # Manual pages and the Debian changelog are installed gzip-compressed (Debian policy 12.3
    # and 12.7); -n keeps timestamps out so the output is reproducible.
    find_program(GZIP_EXECUTABLE gzip REQUIRED)
    configure_file("${cp_linux_dir}/changelog.Debian.in"
        "${cp_package_build_dir}/changelog.Debian" @ONLY)
    set(cp_gzip_outputs "")
    foreach(source IN ITEMS
            "${cp_linux_dir}/cryptopredict.1" "${cp_linux_dir}/cryptopredict-cli.1"
            "${cp_package_build_dir}/changelog.Debian")
        get_filename_component(name "${source}" NAME)
        set(gz "${cp_package_build_dir}/gz/${name}.gz")
        add_custom_command(OUTPUT "${gz}"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${cp_package_build_dir}/gz"
            COMMAND "${GZIP_EXECUTABLE}" -9nc "${source}" > "${gz}"
            DEPENDS "${source}"
            VERBATIM)
        list(APPEND cp_gzip_outputs "${gz}")
    endforeach()
    add_custom_target(cp_package_docs ALL DEPENDS ${cp_gzip_outputs})
    install(FILES "${cp_package_build_dir}/gz/cryptopredict.1.gz"
                  "${cp_package_build_dir}/gz/cryptopredict-cli.1.gz"
        DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
    # CMAKE_INSTALL_DOCDIR would use the project name's capitals; Debian wants the package name.
    install(FILES "${cp_package_build_dir}/gz/changelog.Debian.gz" "${cp_linux_dir}/copyright"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/cryptopredict")
    install(FILES "${cp_linux_dir}/lintian-overrides"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides"
        RENAME cryptopredict)
endif()

# --- CPack: settings every generator shares ---------------------------------------------------
set(CPACK_PACKAGE_NAME "cryptopredict")
set(CPACK_PACKAGE_VENDOR "CryptoPredict")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION_FILE "${PROJECT_SOURCE_DIR}/installer/description.txt")
set(CPACK_PACKAGE_CONTACT "${CRYPTOPREDICT_MAINTAINER}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "CryptoPredict")
set(CPACK_PACKAGE_EXECUTABLES "cryptopredict" "CryptoPredict")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# --- Debian -------------------------------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Linked libraries (Qt, QtKeychain once linked, libsodium, libpq via the driver...) are found by
# dpkg-shlibdeps. What is only dlopen()ed is listed by hand: the SQL drivers and a font with
# Persian glyphs. The xcb platform plugin ships in libqt6gui6, which shlibdeps already adds.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, fonts-dejavu-core")
# Qt's own Persian strings (standard dialogs), Wayland sessions, Noto Naskh Arabic for Persian
# text; a Secret Service provider for the keychain where the desktop has none.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland, fonts-noto-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring | kwalletmanager")

if(WIN32)
    include("${CMAKE_CURRENT_LIST_DIR}/CPackWindows.cmake")
elseif(APPLE)
    include("${CMAKE_CURRENT_LIST_DIR}/CPackMacOS.cmake")
else()
    set(CPACK_GENERATOR "DEB")
endif()

include(CPack)
