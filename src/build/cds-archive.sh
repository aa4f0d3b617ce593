#!/usr/bin/env bash
# The packaged service in the form it starts fastest in (mvn package runs this; -DskipCds leaves it out):
#   target/app/motcua.jar, target/app/lib/   Spring Boot's extracted jar (plain jars, no nested jar to unpack)
#   target/app/motcua.jsa                    a class data sharing archive of the classes a start loads
# Run it with the same JDK:  java -XX:SharedArchiveFile=target/app/motcua.jsa -jar target/app/motcua.jar
# The archive is made by a training run (Spring's spring.context.exit=onRefresh: the context is built, the
# engine and the schema included, on an in-memory H2 database, then the JVM exits and writes the archive).
# It is only valid for this JDK build and these exact jars: the script checks it with -Xshare:on, which
# refuses an archive that does not match. Another JDK ignores it (and says so) and starts without it.
set -euo pipefail
jar="$1"; dest="$2"; java="${3:-java}"
rm -rf "$dest"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dest" --application-filename motcua.jar >/dev/null
mkdir -p "$dest/training"
started=$(date +%s)
if ! (cd "$dest/training" && "$java" -XX:ArchiveClassesAtExit="$dest/motcua.jsa" -Dspring.context.exit=onRefresh \
      -jar "$dest/motcua.jar" --spring.profiles.active=demo --server.port=0 \
      '--spring.datasource.url=jdbc:h2:mem:cds-training;DB_CLOSE_DELAY=-1' >training.log 2>&1); then
  tail -n 40 "$dest/training/training.log" >&2
  echo "The class data sharing archive's training run failed; see $dest/training/training.log" >&2
  exit 1
fi
"$java" -Xshare:on -XX:SharedArchiveFile="$dest/motcua.jsa" -cp "$dest/motcua.jar" -version >/dev/null 2>"$dest/training/check.log" || {
  cat "$dest/training/check.log" >&2; echo "The class data sharing archive does not match $dest" >&2; exit 1; }
echo "Class data sharing archive: $dest/motcua.jsa ($(du -m "$dest/motcua.jsa" | cut -f1) MB, training run $(( $(date +%s) - started )) s)"
