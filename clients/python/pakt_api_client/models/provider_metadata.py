from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProviderMetadata")


@_attrs_define
class ProviderMetadata:
    """OpenID Connect discovery / RFC 8414 authorization server metadata.

    Attributes:
        issuer (str):
        authorization_endpoint (str):
        token_endpoint (str):
        userinfo_endpoint (str):
        end_session_endpoint (str):
        jwks_uri (str):
        revocation_endpoint (str):
        introspection_endpoint (str):
        grant_types_supported (list[str]):
        response_types_supported (list[str]):
        response_modes_supported (list[str]):
        code_challenge_methods_supported (list[str]):
        subject_types_supported (list[str]):
        id_token_signing_alg_values_supported (list[str]):
        token_endpoint_auth_methods_supported (list[str]):
        revocation_endpoint_auth_methods_supported (list[str]):
        introspection_endpoint_auth_methods_supported (list[str]):
        scopes_supported (list[str]):
        claims_supported (list[str]):
        request_parameter_supported (bool):
        request_uri_parameter_supported (bool):
        claims_parameter_supported (bool):
        ui_locales_supported (list[str]):
    """

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    end_session_endpoint: str
    jwks_uri: str
    revocation_endpoint: str
    introspection_endpoint: str
    grant_types_supported: list[str]
    response_types_supported: list[str]
    response_modes_supported: list[str]
    code_challenge_methods_supported: list[str]
    subject_types_supported: list[str]
    id_token_signing_alg_values_supported: list[str]
    token_endpoint_auth_methods_supported: list[str]
    revocation_endpoint_auth_methods_supported: list[str]
    introspection_endpoint_auth_methods_supported: list[str]
    scopes_supported: list[str]
    claims_supported: list[str]
    request_parameter_supported: bool
    request_uri_parameter_supported: bool
    claims_parameter_supported: bool
    ui_locales_supported: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        authorization_endpoint = self.authorization_endpoint

        token_endpoint = self.token_endpoint

        userinfo_endpoint = self.userinfo_endpoint

        end_session_endpoint = self.end_session_endpoint

        jwks_uri = self.jwks_uri

        revocation_endpoint = self.revocation_endpoint

        introspection_endpoint = self.introspection_endpoint

        grant_types_supported = self.grant_types_supported

        response_types_supported = self.response_types_supported

        response_modes_supported = self.response_modes_supported

        code_challenge_methods_supported = self.code_challenge_methods_supported

        subject_types_supported = self.subject_types_supported

        id_token_signing_alg_values_supported = self.id_token_signing_alg_values_supported

        token_endpoint_auth_methods_supported = self.token_endpoint_auth_methods_supported

        revocation_endpoint_auth_methods_supported = self.revocation_endpoint_auth_methods_supported

        introspection_endpoint_auth_methods_supported = self.introspection_endpoint_auth_methods_supported

        scopes_supported = self.scopes_supported

        claims_supported = self.claims_supported

        request_parameter_supported = self.request_parameter_supported

        request_uri_parameter_supported = self.request_uri_parameter_supported

        claims_parameter_supported = self.claims_parameter_supported

        ui_locales_supported = self.ui_locales_supported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "authorization_endpoint": authorization_endpoint,
                "token_endpoint": token_endpoint,
                "userinfo_endpoint": userinfo_endpoint,
                "end_session_endpoint": end_session_endpoint,
                "jwks_uri": jwks_uri,
                "revocation_endpoint": revocation_endpoint,
                "introspection_endpoint": introspection_endpoint,
                "grant_types_supported": grant_types_supported,
                "response_types_supported": response_types_supported,
                "response_modes_supported": response_modes_supported,
                "code_challenge_methods_supported": code_challenge_methods_supported,
                "subject_types_supported": subject_types_supported,
                "id_token_signing_alg_values_supported": id_token_signing_alg_values_supported,
                "token_endpoint_auth_methods_supported": token_endpoint_auth_methods_supported,
                "revocation_endpoint_auth_methods_supported": revocation_endpoint_auth_methods_supported,
                "introspection_endpoint_auth_methods_supported": introspection_endpoint_auth_methods_supported,
                "scopes_supported": scopes_supported,
                "claims_supported": claims_supported,
                "request_parameter_supported": request_parameter_supported,
                "request_uri_parameter_supported": request_uri_parameter_supported,
                "claims_parameter_supported": claims_parameter_supported,
                "ui_locales_supported": ui_locales_supported,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        authorization_endpoint = d.pop("authorization_endpoint")

        token_endpoint = d.pop("token_endpoint")

        userinfo_endpoint = d.pop("userinfo_endpoint")

        end_session_endpoint = d.pop("end_session_endpoint")

        jwks_uri = d.pop("jwks_uri")

        revocation_endpoint = d.pop("revocation_endpoint")

        introspection_endpoint = d.pop("introspection_endpoint")

        grant_types_supported = cast(list[str], d.pop("grant_types_supported"))

        response_types_supported = cast(list[str], d.pop("response_types_supported"))

        response_modes_supported = cast(list[str], d.pop("response_modes_supported"))

        code_challenge_methods_supported = cast(list[str], d.pop("code_challenge_methods_supported"))

        subject_types_supported = cast(list[str], d.pop("subject_types_supported"))

        id_token_signing_alg_values_supported = cast(list[str], d.pop("id_token_signing_alg_values_supported"))

        token_endpoint_auth_methods_supported = cast(list[str], d.pop("token_endpoint_auth_methods_supported"))

        revocation_endpoint_auth_methods_supported = cast(
            list[str], d.pop("revocation_endpoint_auth_methods_supported")
        )

        introspection_endpoint_auth_methods_supported = cast(
            list[str], d.pop("introspection_endpoint_auth_methods_supported")
        )

        scopes_supported = cast(list[str], d.pop("scopes_supported"))

        claims_supported = cast(list[str], d.pop("claims_supported"))

        request_parameter_supported = d.pop("request_parameter_supported")

        request_uri_parameter_supported = d.pop("request_uri_parameter_supported")

        claims_parameter_supported = d.pop("claims_parameter_supported")

        ui_locales_supported = cast(list[str], d.pop("ui_locales_supported"))

        provider_metadata = cls(
            issuer=issuer,
            authorization_endpoint=authorization_endpoint,
            token_endpoint=token_endpoint,
            userinfo_endpoint=userinfo_endpoint,
            end_session_endpoint=end_session_endpoint,
            jwks_uri=jwks_uri,
            revocation_endpoint=revocation_endpoint,
            introspection_endpoint=introspection_endpoint,
            grant_types_supported=grant_types_supported,
            response_types_supported=response_types_supported,
            response_modes_supported=response_modes_supported,
            code_challenge_methods_supported=code_challenge_methods_supported,
            subject_types_supported=subject_types_supported,
            id_token_signing_alg_values_supported=id_token_signing_alg_values_supported,
            token_endpoint_auth_methods_supported=token_endpoint_auth_methods_supported,
            revocation_endpoint_auth_methods_supported=revocation_endpoint_auth_methods_supported,
            introspection_endpoint_auth_methods_supported=introspection_endpoint_auth_methods_supported,
            scopes_supported=scopes_supported,
            claims_supported=claims_supported,
            request_parameter_supported=request_parameter_supported,
            request_uri_parameter_supported=request_uri_parameter_supported,
            claims_parameter_supported=claims_parameter_supported,
            ui_locales_supported=ui_locales_supported,
        )

        provider_metadata.additional_properties = d
        return provider_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
