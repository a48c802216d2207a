from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthorizeSubmitBody")


@_attrs_define
class AuthorizeSubmitBody:
    """
    Attributes:
        client_id (str | Unset):
        redirect_uri (str | Unset):
        response_type (str | Unset):
        scope (str | Unset):
        state (str | Unset):
        nonce (str | Unset):
        code_challenge (str | Unset):
        code_challenge_method (str | Unset):
        csrf_token (str | Unset):
        step (str | Unset):
        username (str | Unset):
        password (str | Unset):
        code (str | Unset):
    """

    client_id: str | Unset = UNSET
    redirect_uri: str | Unset = UNSET
    response_type: str | Unset = UNSET
    scope: str | Unset = UNSET
    state: str | Unset = UNSET
    nonce: str | Unset = UNSET
    code_challenge: str | Unset = UNSET
    code_challenge_method: str | Unset = UNSET
    csrf_token: str | Unset = UNSET
    step: str | Unset = UNSET
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        redirect_uri = self.redirect_uri

        response_type = self.response_type

        scope = self.scope

        state = self.state

        nonce = self.nonce

        code_challenge = self.code_challenge

        code_challenge_method = self.code_challenge_method

        csrf_token = self.csrf_token

        step = self.step

        username = self.username

        password = self.password

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri
        if response_type is not UNSET:
            field_dict["response_type"] = response_type
        if scope is not UNSET:
            field_dict["scope"] = scope
        if state is not UNSET:
            field_dict["state"] = state
        if nonce is not UNSET:
            field_dict["nonce"] = nonce
        if code_challenge is not UNSET:
            field_dict["code_challenge"] = code_challenge
        if code_challenge_method is not UNSET:
            field_dict["code_challenge_method"] = code_challenge_method
        if csrf_token is not UNSET:
            field_dict["csrf_token"] = csrf_token
        if step is not UNSET:
            field_dict["step"] = step
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id", UNSET)

        redirect_uri = d.pop("redirect_uri", UNSET)

        response_type = d.pop("response_type", UNSET)

        scope = d.pop("scope", UNSET)

        state = d.pop("state", UNSET)

        nonce = d.pop("nonce", UNSET)

        code_challenge = d.pop("code_challenge", UNSET)

        code_challenge_method = d.pop("code_challenge_method", UNSET)

        csrf_token = d.pop("csrf_token", UNSET)

        step = d.pop("step", UNSET)

        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        code = d.pop("code", UNSET)

        authorize_submit_body = cls(
            client_id=client_id,
            redirect_uri=redirect_uri,
            response_type=response_type,
            scope=scope,
            state=state,
            nonce=nonce,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            csrf_token=csrf_token,
            step=step,
            username=username,
            password=password,
            code=code,
        )

        authorize_submit_body.additional_properties = d
        return authorize_submit_body

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
