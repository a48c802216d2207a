"""Webhooks: each service's outbox pushed to subscribed endpoints (Standard Webhooks).

- `signing`: secrets and the `webhook-*` headers.
- `targets`: where a delivery may go (SSRF rules) and the one HTTP POST that sends it.
- `store`: the subscription, delivery and attempt rows (the only writer of those tables).
- `service` + `api`: the subscriber's operations, `webhook_router` mounts them per service.
- `worker`: the loop `pakt worker <service>` runs; it never joins an API transaction.
- `catalog`: the event types each service emits, for validation and the contract.
"""
