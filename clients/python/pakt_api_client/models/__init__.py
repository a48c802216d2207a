"""Contains all the data models used in inputs/outputs"""

from .access_entry import AccessEntry
from .agency_count import AgencyCount
from .agency_count_agency import AgencyCountAgency
from .agency_count_count_type_1 import AgencyCountCountType1
from .application_create import ApplicationCreate
from .application_create_delivery_model import ApplicationCreateDeliveryModel
from .application_read import ApplicationRead
from .application_read_applicant_kind import ApplicationReadApplicantKind
from .application_read_delivery_model import ApplicationReadDeliveryModel
from .application_read_frame_status import ApplicationReadFrameStatus
from .application_read_state import ApplicationReadState
from .application_read_step import ApplicationReadStep
from .application_update import ApplicationUpdate
from .application_update_delivery_model import ApplicationUpdateDeliveryModel
from .area_figures import AreaFigures
from .area_figures_consultations_type_1 import AreaFiguresConsultationsType1
from .area_figures_new_cases_type_1 import AreaFiguresNewCasesType1
from .area_figures_plans_created_type_1 import AreaFiguresPlansCreatedType1
from .area_figures_plans_revised_type_1 import AreaFiguresPlansRevisedType1
from .area_key_figures import AreaKeyFigures
from .assignment_create import AssignmentCreate
from .assignment_create_field import AssignmentCreateField
from .assignment_read import AssignmentRead
from .assignment_read_field import AssignmentReadField
from .assignment_update import AssignmentUpdate
from .attempt import Attempt
from .attempt_outcome import AttemptOutcome
from .authorize_submit_body import AuthorizeSubmitBody
from .body_introspect_token import BodyIntrospectToken
from .body_issue_token import BodyIssueToken
from .body_issue_token_grant_type import BodyIssueTokenGrantType
from .body_revoke_token import BodyRevokeToken
from .case_create import CaseCreate
from .case_export import CaseExport
from .case_import_report import CaseImportReport
from .case_import_report_mode import CaseImportReportMode
from .case_read import CaseRead
from .case_read_closing_reason_type_0 import CaseReadClosingReasonType0
from .case_read_status import CaseReadStatus
from .case_summary import CaseSummary
from .case_summary_closing_reason_type_0 import CaseSummaryClosingReasonType0
from .case_summary_status import CaseSummaryStatus
from .case_update import CaseUpdate
from .case_update_closing_reason_type_0 import CaseUpdateClosingReasonType0
from .case_update_status_type_0 import CaseUpdateStatusType0
from .case_worker_figures import CaseWorkerFigures
from .client_create import ClientCreate
from .client_create_client_type import ClientCreateClientType
from .client_create_grant_types_item import ClientCreateGrantTypesItem
from .client_create_roles_item import ClientCreateRolesItem
from .client_created import ClientCreated
from .client_created_client_type import ClientCreatedClientType
from .client_created_grant_types_item import ClientCreatedGrantTypesItem
from .client_created_roles_item import ClientCreatedRolesItem
from .client_read import ClientRead
from .client_read_client_type import ClientReadClientType
from .client_read_grant_types_item import ClientReadGrantTypesItem
from .client_read_roles_item import ClientReadRolesItem
from .client_secret import ClientSecret
from .client_update import ClientUpdate
from .client_update_grant_types_type_0_item import ClientUpdateGrantTypesType0Item
from .client_update_roles_type_0_item import ClientUpdateRolesType0Item
from .consent import Consent
from .consent_means import ConsentMeans
from .consent_read import ConsentRead
from .consent_read_means import ConsentReadMeans
from .consent_read_scope_item import ConsentReadScopeItem
from .consent_scope_item import ConsentScopeItem
from .consortium_create import ConsortiumCreate
from .consortium_member_read import ConsortiumMemberRead
from .consortium_member_read_frame_status_type_0 import ConsortiumMemberReadFrameStatusType0
from .consortium_member_read_state import ConsortiumMemberReadState
from .consortium_read import ConsortiumRead
from .consortium_read_state import ConsortiumReadState
from .consultation_create import ConsultationCreate
from .consultation_create_fields_item import ConsultationCreateFieldsItem
from .consultation_create_mode import ConsultationCreateMode
from .consultation_read import ConsultationRead
from .consultation_read_fields_item import ConsultationReadFieldsItem
from .consultation_read_mode import ConsultationReadMode
from .consultation_update import ConsultationUpdate
from .consultation_update_fields_type_0_item import ConsultationUpdateFieldsType0Item
from .consultation_update_mode_type_0 import ConsultationUpdateModeType0
from .decision_batch_create import DecisionBatchCreate
from .decision_batch_create_mode import DecisionBatchCreateMode
from .decision_batch_read import DecisionBatchRead
from .decision_batch_read_mode import DecisionBatchReadMode
from .decision_item import DecisionItem
from .decision_item_decision import DecisionItemDecision
from .decision_notice import DecisionNotice
from .decision_notice_applicant_kind import DecisionNoticeApplicantKind
from .decision_notice_decision import DecisionNoticeDecision
from .erasure_read import ErasureRead
from .event import Event
from .event_payload import EventPayload
from .export_applications_state_type_0_item import ExportApplicationsStateType0Item
from .field_error import FieldError
from .figures import Figures
from .figures_consultations_type_1 import FiguresConsultationsType1
from .figures_new_cases_type_1 import FiguresNewCasesType1
from .figures_persons_counselled_type_1 import FiguresPersonsCounselledType1
from .figures_plans_created_type_1 import FiguresPlansCreatedType1
from .figures_plans_revised_type_1 import FiguresPlansRevisedType1
from .frame_hold_read import FrameHoldRead
from .frame_import_report import FrameImportReport
from .frame_import_report_mode import FrameImportReportMode
from .frame_read import FrameRead
from .frame_read_status import FrameReadStatus
from .frame_usage_read import FrameUsageRead
from .frame_usage_read_frame_status import FrameUsageReadFrameStatus
from .goal import Goal
from .goal_count import GoalCount
from .goal_count_count_type_1 import GoalCountCountType1
from .goal_count_field import GoalCountField
from .goal_count_status import GoalCountStatus
from .goal_field import GoalField
from .goal_status import GoalStatus
from .health import Health
from .health_status import HealthStatus
from .import_cases_body import ImportCasesBody
from .import_cases_mode import ImportCasesMode
from .import_organizations_body import ImportOrganizationsBody
from .import_organizations_mode import ImportOrganizationsMode
from .import_planning_frames_body import ImportPlanningFramesBody
from .import_planning_frames_mode import ImportPlanningFramesMode
from .import_report import ImportReport
from .import_report_mode import ImportReportMode
from .import_summary import ImportSummary
from .introspection import Introspection
from .introspection_sub_type_type_0 import IntrospectionSubTypeType0
from .introspection_token_type_type_0 import IntrospectionTokenTypeType0
from .item_result import ItemResult
from .item_result_decision import ItemResultDecision
from .item_result_outcome import ItemResultOutcome
from .item_result_problem_type_0 import ItemResultProblemType0
from .item_result_state_type_0 import ItemResultStateType0
from .jwks import Jwks
from .jwks_keys_item import JwksKeysItem
from .key_figures import KeyFigures
from .line_error import LineError
from .line_error_code import LineErrorCode
from .line_result import LineResult
from .line_result_outcome import LineResultOutcome
from .list_applications_state_type_0_item import ListApplicationsStateType0Item
from .list_cases_field_type_0 import ListCasesFieldType0
from .list_cases_status_type_0 import ListCasesStatusType0
from .list_consultations_field_type_0 import ListConsultationsFieldType0
from .list_organizations_kind_type_0 import ListOrganizationsKindType0
from .list_planning_frames_status_type_0 import ListPlanningFramesStatusType0
from .list_referrals_status_type_0 import ListReferralsStatusType0
from .list_volunteers_field_type_0 import ListVolunteersFieldType0
from .me import Me
from .me_sub_type import MeSubType
from .months_worked import MonthsWorked
from .notice_position import NoticePosition
from .organization_chain import OrganizationChain
from .organization_create import OrganizationCreate
from .organization_create_kind import OrganizationCreateKind
from .organization_read import OrganizationRead
from .organization_read_kind import OrganizationReadKind
from .organization_update import OrganizationUpdate
from .overdue_proof import OverdueProof
from .page_access_entry import PageAccessEntry
from .page_application_read import PageApplicationRead
from .page_assignment_read import PageAssignmentRead
from .page_attempt import PageAttempt
from .page_case_summary import PageCaseSummary
from .page_client_read import PageClientRead
from .page_consortium_read import PageConsortiumRead
from .page_consultation_read import PageConsultationRead
from .page_event import PageEvent
from .page_frame_read import PageFrameRead
from .page_organization_read import PageOrganizationRead
from .page_overdue_proof import PageOverdueProof
from .page_plan_version_read import PagePlanVersionRead
from .page_programme_read import PageProgrammeRead
from .page_referral_read import PageReferralRead
from .page_revocation import PageRevocation
from .page_subscription_read import PageSubscriptionRead
from .page_transition_read import PageTransitionRead
from .page_user_read import PageUserRead
from .page_volunteer_read import PageVolunteerRead
from .page_worklist_item import PageWorklistItem
from .person import Person
from .plan_version_create import PlanVersionCreate
from .plan_version_read import PlanVersionRead
from .position_in import PositionIn
from .position_read import PositionRead
from .problem import Problem
from .programme_create import ProgrammeCreate
from .programme_create_deciding_mode import ProgrammeCreateDecidingMode
from .programme_read import ProgrammeRead
from .programme_read_deciding_mode import ProgrammeReadDecidingMode
from .proof_create import ProofCreate
from .proof_read import ProofRead
from .proof_read_key_figures import ProofReadKeyFigures
from .proof_read_months_worked import ProofReadMonthsWorked
from .provider_metadata import ProviderMetadata
from .rate_in import RateIn
from .rate_read import RateRead
from .reason_count import ReasonCount
from .reason_count_count_type_1 import ReasonCountCountType1
from .reason_count_reason import ReasonCountReason
from .recovery_code_list import RecoveryCodeList
from .redeliver_event import RedeliverEvent
from .redeliver_since import RedeliverSince
from .redelivery_queued import RedeliveryQueued
from .referral_create import ReferralCreate
from .referral_create_agency import ReferralCreateAgency
from .referral_create_field import ReferralCreateField
from .referral_read import ReferralRead
from .referral_read_agency import ReferralReadAgency
from .referral_read_field import ReferralReadField
from .referral_read_status import ReferralReadStatus
from .referral_update import ReferralUpdate
from .referral_update_status_type_0 import ReferralUpdateStatusType0
from .revocation import Revocation
from .revocation_kind import RevocationKind
from .rotated_key import RotatedKey
from .secret_rotated import SecretRotated
from .secret_rotation import SecretRotation
from .subscription_change import SubscriptionChange
from .subscription_change_state_type_0 import SubscriptionChangeStateType0
from .subscription_create import SubscriptionCreate
from .subscription_created import SubscriptionCreated
from .subscription_created_state import SubscriptionCreatedState
from .subscription_read import SubscriptionRead
from .subscription_read_state import SubscriptionReadState
from .test_queued import TestQueued
from .token_response import TokenResponse
from .totp_confirmation import TotpConfirmation
from .totp_enrolment import TotpEnrolment
from .transition_create import TransitionCreate
from .transition_create_action import TransitionCreateAction
from .transition_read import TransitionRead
from .transition_read_action import TransitionReadAction
from .transition_read_from_state import TransitionReadFromState
from .transition_read_to_state import TransitionReadToState
from .user_create import UserCreate
from .user_create_roles_item import UserCreateRolesItem
from .user_info import UserInfo
from .user_read import UserRead
from .user_read_roles_item import UserReadRolesItem
from .user_update import UserUpdate
from .user_update_roles_type_0_item import UserUpdateRolesType0Item
from .volunteer_create import VolunteerCreate
from .volunteer_create_fields_item import VolunteerCreateFieldsItem
from .volunteer_read import VolunteerRead
from .volunteer_read_fields_item import VolunteerReadFieldsItem
from .volunteer_update import VolunteerUpdate
from .volunteer_update_fields_type_0_item import VolunteerUpdateFieldsType0Item
from .webhook_event import WebhookEvent
from .webhook_event_payload import WebhookEventPayload
from .webhook_event_service import WebhookEventService
from .webhook_message import WebhookMessage
from .worklist_item import WorklistItem
from .worklist_item_closing_reason_type_0 import WorklistItemClosingReasonType0
from .worklist_item_review_state import WorklistItemReviewState
from .worklist_item_status import WorklistItemStatus

__all__ = (
    "AccessEntry",
    "AgencyCount",
    "AgencyCountAgency",
    "AgencyCountCountType1",
    "ApplicationCreate",
    "ApplicationCreateDeliveryModel",
    "ApplicationRead",
    "ApplicationReadApplicantKind",
    "ApplicationReadDeliveryModel",
    "ApplicationReadFrameStatus",
    "ApplicationReadState",
    "ApplicationReadStep",
    "ApplicationUpdate",
    "ApplicationUpdateDeliveryModel",
    "AreaFigures",
    "AreaFiguresConsultationsType1",
    "AreaFiguresNewCasesType1",
    "AreaFiguresPlansCreatedType1",
    "AreaFiguresPlansRevisedType1",
    "AreaKeyFigures",
    "AssignmentCreate",
    "AssignmentCreateField",
    "AssignmentRead",
    "AssignmentReadField",
    "AssignmentUpdate",
    "Attempt",
    "AttemptOutcome",
    "AuthorizeSubmitBody",
    "BodyIntrospectToken",
    "BodyIssueToken",
    "BodyIssueTokenGrantType",
    "BodyRevokeToken",
    "CaseCreate",
    "CaseExport",
    "CaseImportReport",
    "CaseImportReportMode",
    "CaseRead",
    "CaseReadClosingReasonType0",
    "CaseReadStatus",
    "CaseSummary",
    "CaseSummaryClosingReasonType0",
    "CaseSummaryStatus",
    "CaseUpdate",
    "CaseUpdateClosingReasonType0",
    "CaseUpdateStatusType0",
    "CaseWorkerFigures",
    "ClientCreate",
    "ClientCreateClientType",
    "ClientCreated",
    "ClientCreatedClientType",
    "ClientCreatedGrantTypesItem",
    "ClientCreatedRolesItem",
    "ClientCreateGrantTypesItem",
    "ClientCreateRolesItem",
    "ClientRead",
    "ClientReadClientType",
    "ClientReadGrantTypesItem",
    "ClientReadRolesItem",
    "ClientSecret",
    "ClientUpdate",
    "ClientUpdateGrantTypesType0Item",
    "ClientUpdateRolesType0Item",
    "Consent",
    "ConsentMeans",
    "ConsentRead",
    "ConsentReadMeans",
    "ConsentReadScopeItem",
    "ConsentScopeItem",
    "ConsortiumCreate",
    "ConsortiumMemberRead",
    "ConsortiumMemberReadFrameStatusType0",
    "ConsortiumMemberReadState",
    "ConsortiumRead",
    "ConsortiumReadState",
    "ConsultationCreate",
    "ConsultationCreateFieldsItem",
    "ConsultationCreateMode",
    "ConsultationRead",
    "ConsultationReadFieldsItem",
    "ConsultationReadMode",
    "ConsultationUpdate",
    "ConsultationUpdateFieldsType0Item",
    "ConsultationUpdateModeType0",
    "DecisionBatchCreate",
    "DecisionBatchCreateMode",
    "DecisionBatchRead",
    "DecisionBatchReadMode",
    "DecisionItem",
    "DecisionItemDecision",
    "DecisionNotice",
    "DecisionNoticeApplicantKind",
    "DecisionNoticeDecision",
    "ErasureRead",
    "Event",
    "EventPayload",
    "ExportApplicationsStateType0Item",
    "FieldError",
    "Figures",
    "FiguresConsultationsType1",
    "FiguresNewCasesType1",
    "FiguresPersonsCounselledType1",
    "FiguresPlansCreatedType1",
    "FiguresPlansRevisedType1",
    "FrameHoldRead",
    "FrameImportReport",
    "FrameImportReportMode",
    "FrameRead",
    "FrameReadStatus",
    "FrameUsageRead",
    "FrameUsageReadFrameStatus",
    "Goal",
    "GoalCount",
    "GoalCountCountType1",
    "GoalCountField",
    "GoalCountStatus",
    "GoalField",
    "GoalStatus",
    "Health",
    "HealthStatus",
    "ImportCasesBody",
    "ImportCasesMode",
    "ImportOrganizationsBody",
    "ImportOrganizationsMode",
    "ImportPlanningFramesBody",
    "ImportPlanningFramesMode",
    "ImportReport",
    "ImportReportMode",
    "ImportSummary",
    "Introspection",
    "IntrospectionSubTypeType0",
    "IntrospectionTokenTypeType0",
    "ItemResult",
    "ItemResultDecision",
    "ItemResultOutcome",
    "ItemResultProblemType0",
    "ItemResultStateType0",
    "Jwks",
    "JwksKeysItem",
    "KeyFigures",
    "LineError",
    "LineErrorCode",
    "LineResult",
    "LineResultOutcome",
    "ListApplicationsStateType0Item",
    "ListCasesFieldType0",
    "ListCasesStatusType0",
    "ListConsultationsFieldType0",
    "ListOrganizationsKindType0",
    "ListPlanningFramesStatusType0",
    "ListReferralsStatusType0",
    "ListVolunteersFieldType0",
    "Me",
    "MeSubType",
    "MonthsWorked",
    "NoticePosition",
    "OrganizationChain",
    "OrganizationCreate",
    "OrganizationCreateKind",
    "OrganizationRead",
    "OrganizationReadKind",
    "OrganizationUpdate",
    "OverdueProof",
    "PageAccessEntry",
    "PageApplicationRead",
    "PageAssignmentRead",
    "PageAttempt",
    "PageCaseSummary",
    "PageClientRead",
    "PageConsortiumRead",
    "PageConsultationRead",
    "PageEvent",
    "PageFrameRead",
    "PageOrganizationRead",
    "PageOverdueProof",
    "PagePlanVersionRead",
    "PageProgrammeRead",
    "PageReferralRead",
    "PageRevocation",
    "PageSubscriptionRead",
    "PageTransitionRead",
    "PageUserRead",
    "PageVolunteerRead",
    "PageWorklistItem",
    "Person",
    "PlanVersionCreate",
    "PlanVersionRead",
    "PositionIn",
    "PositionRead",
    "Problem",
    "ProgrammeCreate",
    "ProgrammeCreateDecidingMode",
    "ProgrammeRead",
    "ProgrammeReadDecidingMode",
    "ProofCreate",
    "ProofRead",
    "ProofReadKeyFigures",
    "ProofReadMonthsWorked",
    "ProviderMetadata",
    "RateIn",
    "RateRead",
    "ReasonCount",
    "ReasonCountCountType1",
    "ReasonCountReason",
    "RecoveryCodeList",
    "RedeliverEvent",
    "RedeliverSince",
    "RedeliveryQueued",
    "ReferralCreate",
    "ReferralCreateAgency",
    "ReferralCreateField",
    "ReferralRead",
    "ReferralReadAgency",
    "ReferralReadField",
    "ReferralReadStatus",
    "ReferralUpdate",
    "ReferralUpdateStatusType0",
    "Revocation",
    "RevocationKind",
    "RotatedKey",
    "SecretRotated",
    "SecretRotation",
    "SubscriptionChange",
    "SubscriptionChangeStateType0",
    "SubscriptionCreate",
    "SubscriptionCreated",
    "SubscriptionCreatedState",
    "SubscriptionRead",
    "SubscriptionReadState",
    "TestQueued",
    "TokenResponse",
    "TotpConfirmation",
    "TotpEnrolment",
    "TransitionCreate",
    "TransitionCreateAction",
    "TransitionRead",
    "TransitionReadAction",
    "TransitionReadFromState",
    "TransitionReadToState",
    "UserCreate",
    "UserCreateRolesItem",
    "UserInfo",
    "UserRead",
    "UserReadRolesItem",
    "UserUpdate",
    "UserUpdateRolesType0Item",
    "VolunteerCreate",
    "VolunteerCreateFieldsItem",
    "VolunteerRead",
    "VolunteerReadFieldsItem",
    "VolunteerUpdate",
    "VolunteerUpdateFieldsType0Item",
    "WebhookEvent",
    "WebhookEventPayload",
    "WebhookEventService",
    "WebhookMessage",
    "WorklistItem",
    "WorklistItemClosingReasonType0",
    "WorklistItemReviewState",
    "WorklistItemStatus",
)
