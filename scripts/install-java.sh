#!/bin/sh
# Install a Java runtime (Debian's default-jre-headless) for the Spark engine's tests
# (tests/test_engine_spark.py), once. Called by .ci/run and by `make test` when `java` is
# missing; prints how long the install took. Spark itself comes from pip (pyspark, in the
# project's `spark` extra) and fetches nothing at run time.
set -eu
if command -v java >/dev/null 2>&1; then
    echo "install-java: java is already installed ($(java -version 2>&1 | head -n 1))"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-java: no java and no apt-get here; install a Java 17 runtime for the Spark tests" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install-java: not root and no sudo; install default-jre-headless for the Spark tests" >&2
        exit 1
    fi
fi
start=$(date +%s)
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    default-jre-headless >/dev/null
echo "install-java: installed default-jre-headless in $(( $(date +%s) - start )) s" \
    "($(java -version 2>&1 | head -n 1))"
