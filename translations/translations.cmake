# Translations of the desktop (included from ui/CMakeLists.txt, so it runs in that directory's
# scope and can attach the compiled catalogues to cp_ui).
#
# The .ts files are committed: a normal build only runs lrelease on them (no lupdate), so the
# build never rewrites sources. `cmake --build <dir> --target update_translations` runs lupdate
# over the sources below and refreshes the .ts files; translate new entries, then commit.
#
# The .qm files are embedded in cp_ui under :/i18n (tests and the app need no files on disk) and
# also installed to CRYPTOPREDICT_TRANSLATIONS_INSTALL_DIR for packagers.

set(CRYPTOPREDICT_TS_FILES
    ${PROJECT_SOURCE_DIR}/translations/cryptopredict_en.ts
    ${PROJECT_SOURCE_DIR}/translations/cryptopredict_fa.ts)
set(CRYPTOPREDICT_TRANSLATIONS_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/cryptopredict/translations"
    CACHE STRING "Where the compiled .qm catalogues are installed (relative to the prefix)")

# Everything that calls tr()/translate() for text the desktop shows: the widgets and the view
# helpers in models/views. Globbed so that new files are picked up when lupdate is run.
file(GLOB_RECURSE cp_lupdate_sources CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
    ${PROJECT_SOURCE_DIR}/models/views/*.cpp
    ${PROJECT_SOURCE_DIR}/app/*.cpp)
list(FILTER cp_lupdate_sources EXCLUDE REGEX "/app/cli/|/app/api/")

qt_add_lupdate(cp_ui
    TS_FILES ${CRYPTOPREDICT_TS_FILES}
    SOURCES ${cp_lupdate_sources}
    INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}
    OPTIONS -locations none -no-obsolete)
qt_add_lrelease(cp_ui
    TS_FILES ${CRYPTOPREDICT_TS_FILES}
    QM_FILES_OUTPUT_VARIABLE cp_qm_files
    OPTIONS -silent)
qt_add_resources(cp_ui cp_ui_translations
    PREFIX /i18n
    BASE ${CMAKE_CURRENT_BINARY_DIR}
    FILES ${cp_qm_files})
install(FILES ${cp_qm_files} DESTINATION ${CRYPTOPREDICT_TRANSLATIONS_INSTALL_DIR})

# The same sources and include path as one lupdate list file, for the test that fails when a text
# in the sources is missing from a catalogue (tests/ui/check_translations_current.sh).
list(JOIN cp_lupdate_sources "\n" cp_lupdate_lines)
file(WRITE ${CMAKE_BINARY_DIR}/translations/lupdate-sources.lst
    "-I${PROJECT_SOURCE_DIR}\n${cp_lupdate_lines}\n")
