"""The REST API v1 (/api/v1/): thin views over recruiting's and profiles' selectors and services.

Every queryset is scoped to the token's organisation (the token acts as its recruiter), so another
organisation's objects, and candidates the organisation may not see, are 404s: their existence is not revealed.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api import selectors, services
from api.models import WebhookDelivery, WebhookEndpoint
from api.pagination import ApiCursorPagination, ApiOrderingFilter
from api.permissions import TokenScopePermission, VerifiedOrganisation
from api.serializers import (
    ApplicationFilterSerializer,
    ApplicationSerializer,
    ApplicationStatusSerializer,
    CandidateFilterSerializer,
    CandidateListSerializer,
    CandidateProfileSerializer,
    ListingSerializer,
    ListingStateChangeSerializer,
    WebhookDeliverySerializer,
    WebhookEndpointSerializer,
)
from profiles import selectors as profile_selectors
from profiles import services as profile_services
from recruiting import selectors as recruiting_selectors
from recruiting import services as recruiting_services
from recruiting.models import Application, Listing


class CandidatePagination(ApiCursorPagination):
    ordering = "-mastery"
    tie_break = "candidate_id"  # the indexes' last column (profiles.models), so no page needs a sort


@extend_schema_view(
    list=extend_schema(summary="Candidates your organisation may see", parameters=[CandidateFilterSerializer]),
    retrieve=extend_schema(summary="A candidate's shared profile (the view is logged for the candidate)",
                           responses=CandidateProfileSerializer),
)
class CandidateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Candidates who share their profile with every verified organisation or applied to one of your listings."""

    permission_classes = [TokenScopePermission, VerifiedOrganisation]
    serializer_class = CandidateListSerializer
    pagination_class = CandidatePagination
    filter_backends = [ApiOrderingFilter]
    ordering_fields = ["mastery", "last_activity"]
    ordering = ["-mastery"]
    lookup_field = "public_id"
    lookup_value_regex = "[0-9a-f-]{36}"

    def get_queryset(self):
        query = CandidateFilterSerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return selectors.candidate_list(organisation=self.request.auth.organisation, **query.validated_data)

    def retrieve(self, request, public_id=None):
        profile = profile_selectors.profile_access_for_recruiter(viewer=request.user, public_id=public_id)
        profile_services.profile_view_record(candidate=profile.candidate, viewer=request.user)
        shared = profile_selectors.shared_profile(profile=profile)
        return Response(CandidateProfileSerializer(shared).data)


@extend_schema_view(
    list=extend_schema(summary="Your organisation's listings"),
    create=extend_schema(summary="Create a draft listing"),
    retrieve=extend_schema(summary="One of your listings"),
    update=extend_schema(summary="Change a listing"),
    partial_update=extend_schema(summary="Change some of a listing's fields"),
    destroy=extend_schema(summary="Delete a draft listing"),
)
class ListingViewSet(viewsets.ModelViewSet):
    """Your organisation's listings, in every state. Unverified organisations may prepare drafts."""

    serializer_class = ListingSerializer
    queryset = Listing.objects.none()  # the type of {id} for the schema; get_queryset() scopes the real one
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        organisation = self.request.auth.organisation
        return (recruiting_selectors.listings_of(organisation=organisation)
                .prefetch_related("stages", "topics"))

    def get_object(self):
        return recruiting_selectors.listing_access_for_recruiter(recruiter=self.request.user,
                                                                 listing_id=self.kwargs["pk"])

    def perform_create(self, serializer):
        serializer.instance = recruiting_services.listing_create(by=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = recruiting_services.listing_update(listing=serializer.instance, by=self.request.user,
                                                                 **serializer.validated_data)

    def perform_destroy(self, instance):
        recruiting_services.listing_delete(listing=instance, by=self.request.user)

    def _state_change(self, change):
        listing = change(listing=self.get_object(), by=self.request.user)
        return Response(ListingSerializer(listing, context=self.get_serializer_context()).data)

    @extend_schema(summary="Publish a draft (verified organisations only)", request=ListingStateChangeSerializer,
                   responses=ListingSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return self._state_change(recruiting_services.listing_publish)

    @extend_schema(summary="Close a published listing", request=ListingStateChangeSerializer, responses=ListingSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._state_change(recruiting_services.listing_close)

    @extend_schema(summary="Reopen a closed or expired listing", request=ListingStateChangeSerializer,
                   responses=ListingSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._state_change(recruiting_services.listing_reopen)


@extend_schema_view(
    list=extend_schema(summary="Applications to your listings", parameters=[ApplicationFilterSerializer]),
    retrieve=extend_schema(summary="One application"),
    partial_update=extend_schema(summary="Move an application's status", request=ApplicationStatusSerializer,
                                 responses=ApplicationSerializer),
)
class ApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin,
                         viewsets.GenericViewSet):
    serializer_class = ApplicationSerializer
    queryset = Application.objects.none()
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        query = ApplicationFilterSerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        organisation = self.request.auth.organisation
        applications = recruiting_selectors.applications_to(organisation=organisation,
                                                            status=query.validated_data.get("status", ""))
        if "listing" in query.validated_data:
            applications = applications.filter(listing_id=query.validated_data["listing"])
        return applications

    def get_object(self):
        return recruiting_selectors.application_access_for_recruiter(recruiter=self.request.user,
                                                                      application_id=self.kwargs["pk"])

    def partial_update(self, request, pk=None):
        change = ApplicationStatusSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        application = recruiting_services.application_status_set(
            application=self.get_object(), status=change.validated_data["status"], by=request.user
        )
        return Response(ApplicationSerializer(application, context=self.get_serializer_context()).data)


@extend_schema_view(
    list=extend_schema(summary="Your organisation's webhook endpoints"),
    create=extend_schema(summary="Register a URL for events (the response holds its signing secret)"),
    retrieve=extend_schema(summary="One webhook endpoint"),
    destroy=extend_schema(summary="Remove a webhook endpoint and its delivery log"),
)
class WebhookEndpointViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin,
                             mixins.DestroyModelMixin, viewsets.GenericViewSet):
    serializer_class = WebhookEndpointSerializer
    queryset = WebhookEndpoint.objects.none()
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        return selectors.webhook_endpoints_of(organisation=self.request.auth.organisation)

    def get_object(self):
        return selectors.webhook_endpoint_access(organisation=self.request.auth.organisation,
                                                 endpoint_id=self.kwargs["pk"])

    def perform_create(self, serializer):
        serializer.instance = services.webhook_endpoint_create(
            organisation=self.request.auth.organisation, created_by=self.request.user, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.webhook_endpoint_delete(endpoint=instance)

    @extend_schema(summary="Enable an endpoint again (after it was disabled for failing)", request=None,
                   responses=WebhookEndpointSerializer)
    @action(detail=True, methods=["post"])
    def enable(self, request, pk=None):
        endpoint = services.webhook_endpoint_enable(endpoint=self.get_object())
        return Response(self.get_serializer(endpoint).data)

    @extend_schema(summary="The endpoint's delivery log, newest first", responses=WebhookDeliverySerializer(many=True))
    @action(detail=True, methods=["get"])
    def deliveries(self, request, pk=None):
        page = self.paginate_queryset(selectors.webhook_deliveries_of(endpoint=self.get_object()))
        return self.get_paginated_response(WebhookDeliverySerializer(page, many=True).data)


class WebhookDeliveryViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = WebhookDeliverySerializer
    queryset = WebhookDelivery.objects.none()
    lookup_value_regex = "[0-9]+"

    def get_object(self):
        return selectors.webhook_delivery_access(organisation=self.request.auth.organisation,
                                                 delivery_id=self.kwargs["pk"])

    @extend_schema(summary="One delivery and the outcome of its last attempt")
    def retrieve(self, request, pk=None):
        return Response(WebhookDeliverySerializer(self.get_object()).data)

    @extend_schema(summary="Send a delivery's message again (same webhook-id)", request=None,
                   responses={202: WebhookDeliverySerializer,
                              400: OpenApiResponse(description="Endpoint disabled, or the delivery is still being tried")})
    @action(detail=True, methods=["post"])
    def redeliver(self, request, pk=None):
        again = services.webhook_delivery_redeliver(delivery=self.get_object())
        return Response(WebhookDeliverySerializer(again).data, status=status.HTTP_202_ACCEPTED)

