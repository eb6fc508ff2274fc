#!/usr/bin/env bash
# Single sign-on, tried locally in one command (docs/sso.md): Keycloak from its distribution on
# Maven Central with the demo realm (docker/keycloak/liandong-realm.json) on http://localhost:8180,
# and Liandong's demo on http://localhost:8080 signing in through it. Sign in as sso-officer,
# sso-leader, sso-coordinator or sso-analyst (password demo); sso-visitor has no role here.
# Keycloak's own console: http://localhost:8180/admin (admin / admin). Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
home=target/keycloak/keycloak-$version
jdk=$(for j in /usr/lib/jvm/*/; do v=$("$j/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p'); [ "${v:-0}" -ge 21 ] && echo "$j"; done | tail -1)
[ -n "$jdk" ] || { echo "try.sh: needs a JDK 21+ under /usr/lib/jvm" >&2; exit 1; }
[ -x "$home/bin/kc.sh" ] || mvn -q -B dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory=target/keycloak
[ -f target/liandong.jar ] || mvn -q -B package -DskipTests
# a fresh realm at every start (the tests share this copy of Keycloak)
rm -rf "$home/data"
mkdir -p "$home/data/import" && cp docker/keycloak/liandong-realm.json "$home/data/import/"
JAVA_HOME=$jdk KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$home/bin/kc.sh" start-dev --http-port=8180 --http-management-port=9180 --import-realm > target/keycloak-try.log 2>&1 &
keycloak=$!
trap 'kill $keycloak 2>/dev/null || true' EXIT
echo "try.sh: starting Keycloak (log: target/keycloak-try.log)…"
until curl -sf http://localhost:8180/realms/liandong/.well-known/openid-configuration >/dev/null; do
  kill -0 $keycloak 2>/dev/null || { echo "try.sh: Keycloak stopped; see target/keycloak-try.log" >&2; exit 1; }
  sleep 2
done
echo "try.sh: Keycloak is up; starting Liandong at http://localhost:8080/"
LIANDONG_DEMO=true \
LIANDONG_OIDC_ISSUER=http://localhost:8180/realms/liandong \
LIANDONG_OIDC_CLIENT_ID=liandong \
LIANDONG_OIDC_CLIENT_SECRET=liandong-demo-secret \
LIANDONG_OIDC_REDIRECT_URL=http://localhost:8080/auth/oidc/callback \
  "$jdk/bin/java" -jar target/liandong.jar
