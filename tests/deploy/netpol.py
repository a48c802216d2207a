"""A small evaluator of Kubernetes NetworkPolicies: may pod A open a TCP connection to pod B?

It follows the API's semantics for what our manifests use: a pod selected by any policy of a
direction is isolated in that direction and then only what some rule allows gets through;
peers by podSelector and/or namespaceSelector (matchLabels and matchExpressions); ports by
number or name (names are not used here, so a named port never matches a number).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Obj = dict[str, Any]


@dataclass(frozen=True)
class Pod:
    namespace: str
    labels: dict[str, str]
    name: str = ""
    namespace_labels: dict[str, str] = field(default_factory=dict)

    def ns_labels(self) -> dict[str, str]:
        return {"kubernetes.io/metadata.name": self.namespace, **self.namespace_labels}


def matches(selector: Obj | None, labels: dict[str, str]) -> bool:
    """A LabelSelector; `{}` selects everything."""
    if selector is None:
        return True
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expr in selector.get("matchExpressions") or []:
        key, op, values = expr["key"], expr["operator"], expr.get("values") or []
        ok = {
            "In": key in labels and labels[key] in values,
            "NotIn": key not in labels or labels[key] not in values,
            "Exists": key in labels,
            "DoesNotExist": key not in labels,
        }[op]
        if not ok:
            return False
    return True


def _peer_matches(peer: Obj, policy_ns: str, pod: Pod) -> bool:
    if "ipBlock" in peer:
        return False  # pods inside the cluster are not addressed by IP blocks here
    pod_sel, ns_sel = peer.get("podSelector"), peer.get("namespaceSelector")
    if ns_sel is None and pod.namespace != policy_ns:
        return False
    if ns_sel is not None and not matches(ns_sel, pod.ns_labels()):
        return False
    return matches(pod_sel, pod.labels) if pod_sel is not None else True


def _port_matches(rule: Obj, port: int) -> bool:
    ports = rule.get("ports")
    if not ports:
        return True
    for item in ports:
        if item.get("protocol", "TCP") != "TCP":
            continue
        number = item.get("port")
        end = item.get("endPort", number)
        if number is None or (isinstance(number, int) and number <= port <= end):
            return True
    return False


def _direction_allows(policies: list[Obj], kind: str, subject: Pod, peer: Pod, port: int) -> bool:
    key, peers_key = ("ingress", "from") if kind == "Ingress" else ("egress", "to")
    selecting = [
        p
        for p in policies
        if p["metadata"].get("namespace", "default") == subject.namespace
        and matches(p["spec"].get("podSelector") or {}, subject.labels)
        and kind in p["spec"].get("policyTypes", ["Ingress"])
    ]
    if not selecting:
        return True
    for policy in selecting:
        ns = policy["metadata"].get("namespace", "default")
        for rule in policy["spec"].get(key) or []:
            peers = rule.get(peers_key)
            peer_ok = not peers or any(_peer_matches(p, ns, peer) for p in peers)
            if peer_ok and _port_matches(rule, port):
                return True
    return False


def allowed(objects: list[Obj], source: Pod, target: Pod, port: int) -> bool:
    """True when the policies let `source` connect to `target` on TCP `port`."""
    policies = [o for o in objects if o.get("kind") == "NetworkPolicy"]
    return _direction_allows(policies, "Egress", source, target, port) and _direction_allows(
        policies, "Ingress", target, source, port
    )
