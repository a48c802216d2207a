from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Person")


@_attrs_define
class Person:
    """Personal data given voluntarily; stored only while consent is recorded.

    Attributes:
        name (None | str | Unset):
        birth_year (int | None | Unset):
        gender (None | str | Unset):
        country_of_origin (None | str | Unset):
        languages (list[str] | None | Unset):
        residence_status (None | str | Unset):
        household_size (int | None | Unset):
        schooling (None | str | Unset):
        vocational_training (None | str | Unset):
        degree (None | str | Unset):
        qualifications (None | str | Unset):
        competencies (None | str | Unset):
        recognition_pending (bool | None | Unset):
    """

    name: None | str | Unset = UNSET
    birth_year: int | None | Unset = UNSET
    gender: None | str | Unset = UNSET
    country_of_origin: None | str | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    residence_status: None | str | Unset = UNSET
    household_size: int | None | Unset = UNSET
    schooling: None | str | Unset = UNSET
    vocational_training: None | str | Unset = UNSET
    degree: None | str | Unset = UNSET
    qualifications: None | str | Unset = UNSET
    competencies: None | str | Unset = UNSET
    recognition_pending: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        birth_year: int | None | Unset
        if isinstance(self.birth_year, Unset):
            birth_year = UNSET
        else:
            birth_year = self.birth_year

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        else:
            gender = self.gender

        country_of_origin: None | str | Unset
        if isinstance(self.country_of_origin, Unset):
            country_of_origin = UNSET
        else:
            country_of_origin = self.country_of_origin

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages

        else:
            languages = self.languages

        residence_status: None | str | Unset
        if isinstance(self.residence_status, Unset):
            residence_status = UNSET
        else:
            residence_status = self.residence_status

        household_size: int | None | Unset
        if isinstance(self.household_size, Unset):
            household_size = UNSET
        else:
            household_size = self.household_size

        schooling: None | str | Unset
        if isinstance(self.schooling, Unset):
            schooling = UNSET
        else:
            schooling = self.schooling

        vocational_training: None | str | Unset
        if isinstance(self.vocational_training, Unset):
            vocational_training = UNSET
        else:
            vocational_training = self.vocational_training

        degree: None | str | Unset
        if isinstance(self.degree, Unset):
            degree = UNSET
        else:
            degree = self.degree

        qualifications: None | str | Unset
        if isinstance(self.qualifications, Unset):
            qualifications = UNSET
        else:
            qualifications = self.qualifications

        competencies: None | str | Unset
        if isinstance(self.competencies, Unset):
            competencies = UNSET
        else:
            competencies = self.competencies

        recognition_pending: bool | None | Unset
        if isinstance(self.recognition_pending, Unset):
            recognition_pending = UNSET
        else:
            recognition_pending = self.recognition_pending

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if birth_year is not UNSET:
            field_dict["birth_year"] = birth_year
        if gender is not UNSET:
            field_dict["gender"] = gender
        if country_of_origin is not UNSET:
            field_dict["country_of_origin"] = country_of_origin
        if languages is not UNSET:
            field_dict["languages"] = languages
        if residence_status is not UNSET:
            field_dict["residence_status"] = residence_status
        if household_size is not UNSET:
            field_dict["household_size"] = household_size
        if schooling is not UNSET:
            field_dict["schooling"] = schooling
        if vocational_training is not UNSET:
            field_dict["vocational_training"] = vocational_training
        if degree is not UNSET:
            field_dict["degree"] = degree
        if qualifications is not UNSET:
            field_dict["qualifications"] = qualifications
        if competencies is not UNSET:
            field_dict["competencies"] = competencies
        if recognition_pending is not UNSET:
            field_dict["recognition_pending"] = recognition_pending

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_birth_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birth_year = _parse_birth_year(d.pop("birth_year", UNSET))

        def _parse_gender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_country_of_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country_of_origin = _parse_country_of_origin(d.pop("country_of_origin", UNSET))

        def _parse_languages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = cast(list[str], data)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))

        def _parse_residence_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        residence_status = _parse_residence_status(d.pop("residence_status", UNSET))

        def _parse_household_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        household_size = _parse_household_size(d.pop("household_size", UNSET))

        def _parse_schooling(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        schooling = _parse_schooling(d.pop("schooling", UNSET))

        def _parse_vocational_training(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vocational_training = _parse_vocational_training(d.pop("vocational_training", UNSET))

        def _parse_degree(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        degree = _parse_degree(d.pop("degree", UNSET))

        def _parse_qualifications(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        qualifications = _parse_qualifications(d.pop("qualifications", UNSET))

        def _parse_competencies(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        competencies = _parse_competencies(d.pop("competencies", UNSET))

        def _parse_recognition_pending(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        recognition_pending = _parse_recognition_pending(d.pop("recognition_pending", UNSET))

        person = cls(
            name=name,
            birth_year=birth_year,
            gender=gender,
            country_of_origin=country_of_origin,
            languages=languages,
            residence_status=residence_status,
            household_size=household_size,
            schooling=schooling,
            vocational_training=vocational_training,
            degree=degree,
            qualifications=qualifications,
            competencies=competencies,
            recognition_pending=recognition_pending,
        )

        return person
