"""Every list in the API pages by cursor: stable under inserts, and cheap at any depth. Asking for an order
or a page size the list does not offer is a 400 that says what it offers, not a silent default."""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, filters
from rest_framework.pagination import CursorPagination

PAGE_SIZE = re.compile("[0-9]{1,4}")


class ApiCursorPagination(CursorPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "-created_at"
    tie_break = "pk"

    def get_page_size(self, request):
        asked = request.query_params.get(self.page_size_query_param)
        if asked is not None and not (PAGE_SIZE.fullmatch(asked) and 1 <= int(asked) <= self.max_page_size):
            raise exceptions.ValidationError(
                {self.page_size_query_param: [f"A whole number from 1 to {self.max_page_size}."]})
        return super().get_page_size(request)

    def get_ordering(self, request, queryset, view):
        """The ordering asked for, then a unique column (the primary key) in the same direction: rows that tie on the first field
        (the cursor's position) then come in one fixed order, so that the cursor's offset among them holds from
        one page to the next (PostgreSQL returns ties in any order otherwise)."""
        ordering = tuple(super().get_ordering(request, queryset, view))
        if ordering[-1].lstrip("-") != self.tie_break:
            ordering += (f"-{self.tie_break}" if ordering[0].startswith("-") else self.tie_break,)
        return ordering

    invalid_cursor_message = "Not a cursor of this list: follow the next and previous links as given."

    def decode_cursor(self, request):
        """A cursor that is not one of ours is the client's mistake: 400 (DRF answers 404, as if the list were gone)."""
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound as exc:
            raise exceptions.ValidationError({self.cursor_query_param: [self.invalid_cursor_message]}) from exc

    def get_schema_operation_parameters(self, view):
        """The page size's bounds in the schema too (1..max_page_size), as the server enforces them."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size, default=self.page_size)
        return parameters

    def paginate_queryset(self, queryset, request, view=None):
        """A cursor whose position is not a value of the ordering's field (a forged one) is a 400, not a 500. An
        order asked of a list that offers none is a 400 too (DRF would ignore it)."""
        if "ordering" in request.query_params and not any(
                issubclass(backend, filters.OrderingFilter) for backend in getattr(view, "filter_backends", [])):
            raise exceptions.ValidationError({"ordering": ["This list comes newest first and takes no other order."]})
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, DjangoValidationError) as exc:
            if self.cursor_query_param not in request.query_params:
                raise  # not the client's doing: a fault of ours, and a 500
            raise exceptions.ValidationError({"cursor": [self.invalid_cursor_message]}) from exc


class ApiOrderingFilter(filters.OrderingFilter):
    """DRF's ordering, but an unknown field is a 400 naming the ones offered (DRF would quietly ignore it)."""

    def get_ordering(self, request, queryset, view):
        asked = request.query_params.get(self.ordering_param)
        if asked:
            offered = [name for name, _ in self.get_valid_fields(queryset, view, {"request": request})]
            terms = [term.strip() for term in asked.split(",") if term.strip()]
            unknown = [t for t in terms if (t[1:] if t.startswith("-") else t) not in offered]
            if unknown:
                choices = ", ".join(f"{name} or -{name}" for name in offered)
                raise exceptions.ValidationError({self.ordering_param: [f"Order by {choices}."]})
        return super().get_ordering(request, queryset, view)

    def get_schema_operation_parameters(self, view):
        """The orders offered, as an enum: the server refuses any other."""
        (parameter,) = super().get_schema_operation_parameters(view)
        fields = [f if isinstance(f, str) else f[0] for f in getattr(view, "ordering_fields", [])]
        parameter["schema"]["enum"] = [order for field in fields for order in (field, f"-{field}")]
        parameter["description"] = "Order by one of the values offered (a leading - for descending)."
        return [parameter]
