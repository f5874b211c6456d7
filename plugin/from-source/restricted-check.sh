#!/usr/bin/env bash
# Checks compiled plugin classes against the @Restricted annotations (NoExternalUse, DoNotUse, Beta without opt-in)
# of every Jenkins class they use, with access-modifier-checker's own Checker class, as `mvn verify` of a real plugin
# build does (the plugin POM runs access-modifier-checker with failOnError). The checker is compiled here from
# jenkinsci/lib-access-modifier's sources, which the Jenkins test runtime keeps under src/ (nothing is committed).
# First it checks a planted violation, so a check that found nothing has shown that it can find something.
# usage: restricted-check.sh CLASSES_DIR CLASS_PATH   (env JENKINS_FROM_SOURCE as run-tests.sh)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
RT=${JENKINS_FROM_SOURCE:-$HOME/.cache/jenkins-from-source}
CLASSES=$1; CP=$2
W=$(dirname "$CLASSES")/from-source/restricted-check
LAM=$RT/src/lib-access-modifier
if [ ! -d "$LAM/access-modifier-checker/src/main/java" ]; then
  echo "restricted-API check: no lib-access-modifier sources in $LAM (rebuild the runtime)"; exit 1
fi
API=$(ls /usr/share/maven/lib/maven-plugin-api*.jar 2>/dev/null | head -1 || true)
if [ -z "$API" ]; then
  API=$(find "$HOME/.m2/repository/org/apache/maven/maven-plugin-api" -name 'maven-plugin-api-3*.jar' 2>/dev/null | sort -V | tail -1 || true)
fi
if [ -z "$API" ]; then
  mvn -B -q dependency:copy -Dartifact=org.apache.maven:maven-plugin-api:3.9.9 -DoutputDirectory="$W/lib" >/dev/null
  API=$W/lib/maven-plugin-api-3.9.9.jar
fi
rm -rf "$W/checker" "$W/probe"; mkdir -p "$W/checker" "$W/probe"
javac -nowarn -encoding UTF-8 --release 17 -proc:none -cp "$API:$CP" -d "$W/checker" \
  $(find "$LAM/access-modifier-checker/src/main/java" "$LAM/access-modifier-suppressions/src/main/java" -name '*.java' ! -name EnforcerMojo.java) \
  "$HERE/RestrictedApiCheck.java"
RUN=(java -cp "$W/checker:$API:$CP" RestrictedApiCheck)

# The planted violation: the call that once broke this plugin's real build (pipeline-input-step's form check).
cat > "$W/probe/Probe.java" <<'JAVA'
class Probe {
    Object f(org.jenkinsci.plugins.workflow.support.steps.input.InputStep.DescriptorImpl d) { return d.doCheckId("x"); }
}
JAVA
javac -nowarn --release 21 -proc:none -cp "$CP" -d "$W/probe" "$W/probe/Probe.java"
if "${RUN[@]}" "$W/probe" "$CP" > "$W/probe.log" 2>&1 || ! grep -q 'doCheckId' "$W/probe.log"; then
  echo "restricted-API check: it did not find the planted violation (InputStep.DescriptorImpl.doCheckId); see $W/probe.log"
  exit 1
fi

"${RUN[@]}" "$CLASSES" "$CP"
echo "restricted-API check: no violations in $CLASSES"
