@echo off
rem Signs the installer that "Build Windows installer" made; the signing certificate lives on this agent only.

set current_path=%cd%
buildkite-agent.exe artifact download "dist/*.exe" . --step "Build Windows installer" --build %BUILDKITE_BUILD_ID%
%WINDOWS_SIGN_SCRIPT_PATH% "%current_path%\dist"
cd "%current_path%\dist" && ren *.exe *-signed.exe && buildkite-agent.exe artifact upload "*-signed.exe"
