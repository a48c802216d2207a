#!/bin/sh
# The image's entrypoint: runs one Pakt process.
#   auth | cases | funding   the service under uvicorn on its port (8001, 8002, 8003)
#   migrate [args...]        `pakt db migrate` (alembic upgrade of every service's database)
#   pakt [args...]           any other CLI command
# On SIGTERM uvicorn stops accepting connections and lets in-flight requests finish for up to
# GRACE seconds; keep GRACE below the orchestrator's grace period (compose stop_grace_period,
# Kubernetes terminationGracePeriodSeconds minus the preStop sleep).
# Client addresses come from the gateway's X-Forwarded-For: only the gateway (compose network)
# or the ingress controller (NetworkPolicy) can reach the services. Access logs are the
# gateway's, as in `pakt dev`.
set -eu

GRACE=20
HEALTH_URL_FILE="${PAKT_HEALTH_URL_FILE:-/tmp/pakt-health-url}"  # read by pakt-healthcheck

serve() {
    printf 'http://127.0.0.1:%s/%s/readyz\n' "$2" "$1" > "$HEALTH_URL_FILE"
    exec uvicorn --factory "services.$1.app:create_app" \
        --host 0.0.0.0 --port "$2" \
        --proxy-headers --forwarded-allow-ips '*' --no-access-log \
        --timeout-graceful-shutdown "$GRACE"
}

cli() {
    # The CLI looks for a server first (DATABASE_URL); every service's own <SVC>_DATABASE_URL
    # is set in a container that runs it, so any of them names a reachable server.
    DATABASE_URL="${DATABASE_URL:-${AUTH_DATABASE_URL:-}}"
    export DATABASE_URL
    exec pakt "$@"
}

command="${1:-}"
[ "$#" -gt 0 ] && shift
case "$command" in
    auth) serve auth 8001 ;;
    cases) serve cases 8002 ;;
    funding) serve funding 8003 ;;
    migrate) cli db migrate "$@" ;;
    pakt) cli "$@" ;;
    *)
        echo "usage: pakt-entrypoint auth|cases|funding|migrate|pakt [args...]" >&2
        exit 64
        ;;
esac
