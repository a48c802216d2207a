from enum import StrEnum


class AgencyCountAgency(StrEnum):
    EMPLOYMENT_AGENCY = "employment_agency"
    JOB_CENTRE = "job_centre"
    LANGUAGE_COURSE_PROVIDER = "language_course_provider"
    MIGRATION_COUNSELLING = "migration_counselling"
    OTHER = "other"
    RECOGNITION_COUNSELLING = "recognition_counselling"
    SCHOOL = "school"
    YOUTH_MIGRATION_SERVICE = "youth_migration_service"

    def __str__(self) -> str:
        return str(self.value)
