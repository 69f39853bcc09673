# Windows installer (included from cmake/Packaging.cmake when WIN32). Written for MSVC + the
# official Qt 6 build; it cannot be built on the Debian CI. docs/packaging.md has the commands:
#   cmake --preset ... ; cmake --build <dir> --config Release ; cpack -G NSIS (or -G WIX)
#
# The installed tree is self-contained: windeployqt (through Qt's deploy API) copies the Qt DLLs,
# plugins (platforms, styles, sqldrivers, tls, imageformats) and Qt's translations next to the
# executables; file(GET_RUNTIME_DEPENDENCIES) copies the other DLLs (QtKeychain, libsodium, libpq
# and what they load); InstallRequiredSystemLibraries adds the MSVC runtime.

set(cp_windows_icon "${PROJECT_SOURCE_DIR}/resources/icons/cryptopredict.ico")

# 1. Qt: one windeployqt run for both programs, so they share one set of DLLs and a qt.conf.
set(cp_qt_deploy_script "${CMAKE_CURRENT_BINARY_DIR}/deploy_cryptopredict_windows.cmake")
file(GENERATE OUTPUT "${cp_qt_deploy_script}" CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:cryptopredict>\"
    ADDITIONAL_EXECUTABLES \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:cryptopredict-cli>\"
    GENERATE_QT_CONF)
")
install(SCRIPT "${cp_qt_deploy_script}")

# 2. Everything else the programs and the deployed SQL plugins load, found on the PATH of the
# build and the Qt/vcpkg prefixes; Windows' own DLLs are left out. Qt's DLLs are found again
# here and copied over windeployqt's identical copies, which is harmless.
install(CODE "
set(cp_prefix \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
file(GLOB cp_sql_plugins \"\${cp_prefix}/plugins/sqldrivers/*.dll\")
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES \"$<TARGET_FILE:cryptopredict>\" \"$<TARGET_FILE:cryptopredict-cli>\"
    MODULES \${cp_sql_plugins}
    RESOLVED_DEPENDENCIES_VAR cp_resolved
    UNRESOLVED_DEPENDENCIES_VAR cp_unresolved
    DIRECTORIES \"$<TARGET_FILE_DIR:Qt6::Core>\" \$ENV{PATH}
    PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\"
    POST_EXCLUDE_REGEXES \"[Ss][Yy][Ss][Tt][Ee][Mm]32\")
foreach(dll IN LISTS cp_resolved)
    file(INSTALL \"\${dll}\" DESTINATION \"\${cp_prefix}/${CMAKE_INSTALL_BINDIR}\")
endforeach()
if(cp_unresolved)
    message(WARNING \"Unresolved DLLs (install them next to the executables): \${cp_unresolved}\")
endif()
")

# 3. The MSVC runtime.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
include(InstallRequiredSystemLibraries)

# The installer itself. NSIS is the default; `cpack -G WIX` builds an .msi from the same tree.
set(CPACK_GENERATOR "NSIS")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/installer/license.txt")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "CryptoPredict")
# Start-menu entry: bin/cryptopredict.exe, shown as "CryptoPredict".
set(CPACK_PACKAGE_EXECUTABLES "cryptopredict" "CryptoPredict")

set(CPACK_NSIS_MUI_ICON "${cp_windows_icon}")
set(CPACK_NSIS_MUI_UNIICON "${cp_windows_icon}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "${CMAKE_INSTALL_BINDIR}\\\\cryptopredict.exe")
set(CPACK_NSIS_DISPLAY_NAME "CryptoPredict ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "CryptoPredict")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Lets a terminal find cryptopredict-cli.
set(CPACK_NSIS_MODIFY_PATH ON)

# Fixed for the life of the product: it is how Windows Installer recognises an upgrade.
set(CPACK_WIX_UPGRADE_GUID "6C0B3C0E-5A0E-4F53-9E39-6B1F0D2B7A41")
set(CPACK_WIX_PRODUCT_ICON "${cp_windows_icon}")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "CryptoPredict")
