"""Every list in the API pages by cursor: stable under inserts, and cheap at any depth."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination


class ApiCursorPagination(CursorPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "-created_at"
    tie_break = "pk"

    def get_ordering(self, request, queryset, view):
        """The ordering asked for, then a unique column (the primary key) in the same direction: rows that tie on the first field
        (the cursor's position) then come in one fixed order, so that the cursor's offset among them holds from
        one page to the next (PostgreSQL returns ties in any order otherwise)."""
        ordering = tuple(super().get_ordering(request, queryset, view))
        if ordering[-1].lstrip("-") != self.tie_break:
            ordering += (f"-{self.tie_break}" if ordering[0].startswith("-") else self.tie_break,)
        return ordering

    def paginate_queryset(self, queryset, request, view=None):
        """A cursor whose position is not a value of the ordering's field (a forged one) is a 400, not a 500."""
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, DjangoValidationError) as exc:
            raise exceptions.ValidationError({"cursor": [self.invalid_cursor_message]}) from exc
