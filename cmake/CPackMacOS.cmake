# macOS disk image (included from cmake/Packaging.cmake when APPLE). It cannot be built on the
# Debian CI; docs/packaging.md has the commands (cmake ... ; cmake --build ... ; cpack -G DragNDrop).
#
# The desktop program is the bundle cryptopredict.app (MACOSX_BUNDLE in ui/CMakeLists.txt). The
# command-line tool is installed inside the bundle too, so that macdeployqt rewrites its library
# paths against the same Frameworks/ and it runs from the disk image as
# cryptopredict.app/Contents/MacOS/cryptopredict-cli.

set(cp_macos_icon "${PROJECT_SOURCE_DIR}/resources/icons/cryptopredict.icns")
set_target_properties(cryptopredict PROPERTIES
    OUTPUT_NAME "cryptopredict"
    MACOSX_BUNDLE_BUNDLE_NAME "CryptoPredict"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${CRYPTOPREDICT_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE "cryptopredict.icns")
target_sources(cryptopredict PRIVATE "${cp_macos_icon}")
set_source_files_properties("${cp_macos_icon}" TARGET_DIRECTORY cryptopredict
    PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

# The CLI into the bundle; app/CMakeLists.txt's bin/ copy is removed again, since outside the
# bundle it would not find the deployed frameworks.
install(PROGRAMS "$<TARGET_FILE:cryptopredict-cli>" DESTINATION "cryptopredict.app/Contents/MacOS")
install(CODE "file(REMOVE \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/cryptopredict-cli\")")

# macdeployqt through Qt's deploy API: Qt frameworks, plugins (cocoa, styles, sqldrivers, tls)
# and every non-system dylib (QtKeychain, libsodium, libpq from Homebrew) into the bundle.
set(cp_qt_deploy_script "${CMAKE_CURRENT_BINARY_DIR}/deploy_cryptopredict_macos.cmake")
file(GENERATE OUTPUT "${cp_qt_deploy_script}" CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE \"cryptopredict.app\"
    ADDITIONAL_EXECUTABLES \"cryptopredict.app/Contents/MacOS/cryptopredict-cli\")
")
install(SCRIPT "${cp_qt_deploy_script}")

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "CryptoPredict ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_PACKAGE_ICON "${cp_macos_icon}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/installer/license.txt")
