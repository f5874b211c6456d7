#!/usr/bin/env bash
# The plugin's JenkinsRule tests and its restricted-API check, on a Jenkins test runtime compiled from the jenkinsci
# sources (for machines that reach Maven Central but not repo.jenkins-ci.org; see docs/development.md).
#
# usage: plugin/from-source/run-tests.sh [--check-only] [TestClass ...]
#   TestClass: a simple name (KolibriOrchestrationTest) or a fully qualified one; default every test class.
#   --check-only: compile, and run the restricted-API check, but no tests.
# env:   JENKINS_FROM_SOURCE  the runtime (default ~/.cache/jenkins-from-source): test-classpath.txt, jvm-args.txt,
#                             build-tools/jfs-tools.jar, and the lib-access-modifier sources under src/
#        JAVA_HOME            a JDK >= 21 (else the newest under /usr/lib/jvm)
#        TEST_CLASS_TIMEOUT   seconds one test class may take (default 900)
# exit:  0 everything passed; 1 a test or the check failed; 3 no runtime here (nothing was run)
#
# Does what maven-hpi-plugin and access-modifier-checker do in a real plugin build: compiles the engine, the plugin
# (annotation processors on: SezPoz, annotation-indexer, Stapler) and its tests into plugin/target/, writes the
# the.jpl manifest through which JenkinsRule loads the plugin under test, checks the plugin's classes against the
# @Restricted annotations of everything they call, then runs each test class in its own JVM and prints one line per
# class (tests, failures, seconds). Logs: plugin/target/from-source/<TestClass>.log.
set -euo pipefail
PLUGIN=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(dirname "$PLUGIN")
RT=${JENKINS_FROM_SOURCE:-$HOME/.cache/jenkins-from-source}
CHECK_ONLY=0
if [ "${1:-}" = "--check-only" ]; then CHECK_ONLY=1; shift; fi

if [ ! -f "$RT/test-classpath.txt" ] || [ ! -f "$RT/jvm-args.txt" ] || [ ! -f "$RT/build-tools/jfs-tools.jar" ]; then
  echo "plugin tests: no Jenkins test runtime at $RT (build it with ../shared/jenkins-from-source/build.sh, or set JENKINS_FROM_SOURCE)"
  exit 3
fi
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | head -1 | grep -qE '"(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=
  for j in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if "$j/bin/java" -version 2>&1 | head -1 | grep -qE '"(2[1-9]|[3-9][0-9])'; then JAVA_HOME=${j%/}; break; fi
  done
  [ -n "$JAVA_HOME" ] || { echo "plugin tests: need a JDK >= 21 (Jenkins core is Java 21 bytecode); set JAVA_HOME"; exit 1; }
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

CP=$(cat "$RT/test-classpath.txt")
T=$PLUGIN/target
W=$T/from-source
CORE=$W/core-classes
rm -rf "$T/classes" "$T/test-classes" "$W"
mkdir -p "$T/classes" "$T/test-classes" "$W" "$CORE" "$W/core-test-classes" "$W/generated-sources"
# -proc:full: JDK 23+ runs annotation processors only when asked.
JAVAC=(javac -nowarn -encoding UTF-8 -g -parameters -J-Xmx2g)
proc_full() { javac --help 2>&1 | grep -q -- '-proc:{none,only,full}' && echo -proc:full || true; }
PROC=$(proc_full)
step() { echo "plugin tests: $*"; }

# 1. The engine as the plugin bundles it (a jar in the plugin's Libraries), and its test helpers (the fake GitHub).
step "compiling core"
"${JAVAC[@]}" --release 17 -proc:none -cp "$CP" -d "$CORE" $(find "$ROOT/core/src/main/java" -name '*.java')
if [ -d "$ROOT/core/src/main/resources" ]; then cp -r "$ROOT/core/src/main/resources/." "$CORE/"; fi
(cd "$CORE" && jar cf "$W/installer-pipeline-core.jar" .)
"${JAVAC[@]}" --release 17 -proc:none -cp "$CORE:$CP" -d "$W/core-test-classes" \
  $(find "$ROOT/core/src/test/java" -name '*.java' ! -name '*Test.java')

# 2. The plugin: Messages classes (localizer), then its classes with the annotation processors on.
step "compiling plugin"
java -cp "$RT/build-tools/jfs-tools.jar:$CP" jfs.LocalizerMain "$W/generated-sources" "$PLUGIN/src/main/resources" >/dev/null
"${JAVAC[@]}" --release 21 $PROC -cp "$W/installer-pipeline-core.jar:$CP" -d "$T/classes" \
  $(find "$PLUGIN/src/main/java" "$W/generated-sources" -name '*.java')
cp -r "$PLUGIN/src/main/resources/." "$T/classes/"

# 3. The restricted-API check (access-modifier-checker's own Checker, compiled from the runtime's sources).
step "restricted-API check"
check=0
bash "$PLUGIN/from-source/restricted-check.sh" "$T/classes" "$W/installer-pipeline-core.jar:$CP" || check=1

# 4. the.jpl: what maven-hpi-plugin writes for the plugin under test (JenkinsRule reads it from the test class path).
V=99999.0-src
{
  echo "Manifest-Version: 1.0"
  echo "Short-Name: installer-pipeline"
  echo "Long-Name: Installer Pipeline"
  echo "Plugin-Version: 0.1.0-SNAPSHOT"
  echo "Jenkins-Version: 2.555.3"
  echo "Resource-Path: $PLUGIN/src/main/webapp"
  echo "Libraries: $T/classes,$W/installer-pipeline-core.jar"
  echo "Plugin-Dependencies: workflow-step-api:$V,workflow-api:$V,workflow-support:$V,pipeline-input-step:$V,structs:$V,scm-api:$V,branch-api:$V,github-branch-source:$V,credentials:$V,plain-credentials:$V,github-api:$V,jackson2-api:$V,snakeyaml-api:$V,checks-api:$V;resolution:=optional"
} | awk '{ while (length($0) > 70) { print substr($0, 1, 70); $0 = " " substr($0, 71) } print }' > "$T/test-classes/the.jpl"

# 5. The tests (processors on: @TestExtension is a SezPoz index too).
step "compiling tests"
TESTCP="$T/test-classes:$T/classes:$W/installer-pipeline-core.jar:$W/core-test-classes:$CP"
"${JAVAC[@]}" --release 21 $PROC -cp "$TESTCP" -d "$T/test-classes" $(find "$PLUGIN/src/test/java" -name '*.java')
if [ -d "$PLUGIN/src/test/resources" ]; then cp -r "$PLUGIN/src/test/resources/." "$T/test-classes/"; fi
mkdir -p "$W/runner"
"${JAVAC[@]}" --release 21 -proc:none -cp "$CP" -d "$W/runner" "$PLUGIN/from-source/TestClassRunner.java"
[ $CHECK_ONLY = 1 ] && exit $check

ALL=($(cd "$PLUGIN/src/test/java" && grep -rlE '^\s*@Test' . | sed 's#^\./##; s#\.java$##; s#/#.#g' | sort))
CLASSES=()
if [ $# -eq 0 ]; then CLASSES=("${ALL[@]}"); else
  for want in "$@"; do
    found=
    for c in "${ALL[@]}"; do if [ "$c" = "$want" ] || [ "${c##*.}" = "$want" ]; then found=$c; fi; done
    [ -n "$found" ] || { echo "plugin tests: no test class $want (known: ${ALL[*]##*.})"; exit 1; }
    CLASSES+=("$found")
  done
fi

failed=$check; total=0; passed=0; skippedAll=0; start=$(date +%s)
cd "$PLUGIN" # tests read ../examples
for c in "${CLASSES[@]}"; do
  log=$W/${c##*.}.log
  t0=$(date +%s)
  # shellcheck disable=SC2046
  timeout "${TEST_CLASS_TIMEOUT:-900}" java $(cat "$RT/jvm-args.txt") -Xmx2g -Djava.awt.headless=true \
    -cp "$W/runner:$TESTCP" TestClassRunner "$c" > "$log" 2>&1 && rc=0 || rc=$?
  secs=$(( $(date +%s) - t0 ))
  summary=$(grep -aE '^RESULT run=' "$log" | tail -1 || true)
  run=$(echo "$summary" | sed -n 's/.*run=\([0-9]*\).*/\1/p'); fails=$(echo "$summary" | sed -n 's/.*failed=\([0-9]*\).*/\1/p')
  skipped=$(echo "$summary" | sed -n 's/.*skipped=\([0-9]*\).*/\1/p')
  run=${run:-0}; fails=${fails:-0}; skipped=${skipped:-0}
  skippedAll=$(( skippedAll + skipped ))
  note=""; [ "$skipped" -gt 0 ] && note="  ($skipped skipped: $(grep -a '^SKIPPED ' "$log" | sed 's/^SKIPPED //' | cut -c1-100 | paste -sd';' -))"
  if [ $rc -ne 0 ]; then
    failed=1
    passed=$(( passed + run - fails - skipped ))
    [ $rc -eq 124 ] && fails="timed out after ${TEST_CLASS_TIMEOUT:-900} s"
    printf '%-60s %3s tests  FAILED (%s)  %4d s  %s\n' "$c" "$run" "$fails" "$secs" "$log"
    grep -aE '^[0-9]+\) ' "$log" | sed 's/^/    /' || true
  else
    printf '%-60s %3s tests  ok  %4d s%s\n' "$c" "$run" "$secs" "$note"
    passed=$(( passed + run - skipped ))
  fi
  total=$(( total + run ))
done
echo "plugin tests: $passed of $total passed, $skippedAll skipped (this Jenkins lacks what they need) in ${#CLASSES[@]} classes, $(( $(date +%s) - start )) s"
[ $check = 0 ] || echo "plugin tests: the restricted-API check failed (above)"
exit $failed
