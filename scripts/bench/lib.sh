# Shared by the benchmarks that compare Machi with the bare stack (sourced, not run).
#
# hello_baseline ROOT: builds the bare JAX-RS "hello" WAR (scripts/bench/hello) and fetches the Payara Micro
# of the project's version from Maven Central; sets micro (its jar) and hello_war.
hello_baseline() {
  local root=$1 payara_version
  payara_version=$(sed -n 's#.*<payara.version>\(.*\)</payara.version>.*#\1#p' "$root/pom.xml" | head -1)
  "$root/mvnw" -B -q -f "$root/scripts/bench/hello/pom.xml" package dependency:copy \
    -Dartifact="fish.payara.extras:payara-micro:$payara_version" -DoutputDirectory="$root/scripts/bench/hello/target" >&2
  micro="$root/scripts/bench/hello/target/payara-micro-$payara_version.jar"
  hello_war="$root/scripts/bench/hello/target/hello.war"
  payara_version_used=$payara_version
}
