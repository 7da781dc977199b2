#!/usr/bin/env bash
# Takes the console's screenshots for the README: runs ConsoleScreenshotsIT (its own server with
# MACHI_DEMO=true, headless Chromium) on H2 and copies the PNGs into docs/screenshots/.
# Needs chromium and chromium-driver, and for the Japanese text a CJK font (fonts-noto-cjk):
#   apt-get install -y chromium chromium-driver fonts-noto-cjk
set -euo pipefail
cd "$(dirname "$0")/.."
if ! fc-list 2>/dev/null | grep -qi "cjk\|noto sans jp\|ipa"; then
  echo "WARNING: no CJK font found (apt-get install -y fonts-noto-cjk): Japanese text will be boxes." >&2
fi
./mvnw -B ${MAVEN_OFFLINE:+-o} -DskipTests package
./mvnw -B ${MAVEN_OFFLINE:+-o} verify -Dmachi.it.skip.postgresql -Dmachi.it.browser=required \
  -Dit.test=ConsoleScreenshotsIT,PortalBrowserIT,VoicesBrowserIT,ProgramScreensIT,PlanningScreensIT,TaskListBrowserIT -Dsurefire.failIfNoSpecifiedTests=false -Dtest=NONE
mkdir -p docs/screenshots
cp it/target/screenshots-h2/{sign-in,indicators,indicator-detail,indicator-form-errors,units,programs,modules,settings-en,portal-progress-ja,portal-explanation-ja,portal-progress-en,console-plan-progress,engagement-voices,engagement-voice,portal-voices-form,portal-voices-receipt,portal-voices,personal-data,planning-program,planning-program-form-errors,planning-evaluation,module-settings}.png docs/screenshots/
cp it/target/screenshots-h2/planning-{import-rejected,import-dry-run,import-done,division-plan-form,division-plan,department-policy,department-policy-errors,reform-item}.png docs/screenshots/
cp it/target/screenshots-h2/tasks.png docs/screenshots/
ls -l docs/screenshots
