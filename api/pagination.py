"""Every list in the API pages by cursor (keyset): stable under inserts, and cheap at any depth. Asking for an order
or a page size the list does not offer is a 400 that says what it offers, not a silent default."""

import base64
import json
import operator
import re
from datetime import datetime
from decimal import Decimal
from functools import reduce

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from rest_framework import exceptions, filters
from rest_framework.pagination import CursorPagination
from rest_framework.utils.urls import replace_query_param

PAGE_SIZE = re.compile("[0-9]{1,4}")


class ApiCursorPagination(CursorPagination):
    """Keyset pages: a cursor holds the values of every ordering column (the last one unique) of the row it
    continues from, and a page is the rows strictly after it, or before it for a previous link. DRF's cursor held
    the first column's value and an offset among the rows tied on it, and its previous links went wrong where
    many rows tie (candidates of equal mastery): a previous page came back empty, or as the page itself."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "-created_at"
    tie_break = "pk"
    invalid_cursor_message = "Not a cursor of this list: follow the next and previous links as given."

    def get_page_size(self, request):
        asked = request.query_params.get(self.page_size_query_param)
        if asked is not None and not (PAGE_SIZE.fullmatch(asked) and 1 <= int(asked) <= self.max_page_size):
            raise exceptions.ValidationError(
                {self.page_size_query_param: [f"A whole number from 1 to {self.max_page_size}."]})
        return super().get_page_size(request)

    def get_ordering(self, request, queryset, view):
        """The ordering asked for, then a unique column (the tie break) in the same direction: every row has a
        position of its own."""
        ordering = tuple(super().get_ordering(request, queryset, view))
        if ordering[-1].lstrip("-") != self.tie_break:
            ordering += (f"-{self.tie_break}" if ordering[0].startswith("-") else self.tie_break,)
        return ordering

    def get_schema_operation_parameters(self, view):
        """The page size's bounds in the schema too (1..max_page_size), as the server enforces them."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size, default=self.page_size)
        return parameters

    def paginate_queryset(self, queryset, request, view=None):
        """One page of `queryset` in the list's order. A cursor that is not ours, or whose values do not fit the
        ordering's columns, is a 400 (not a 404 or a 500). An order asked of a list that offers none is a 400 too
        (DRF would ignore it)."""
        if "ordering" in request.query_params and not any(
                issubclass(backend, filters.OrderingFilter) for backend in getattr(view, "filter_backends", [])):
            raise exceptions.ValidationError({"ordering": ["This list comes newest first and takes no other order."]})
        self.request, self.base_url = request, request.build_absolute_uri()
        self.page_size = self.get_page_size(request)
        self.ordering = self.get_ordering(request, queryset, view)
        position, backwards = self._cursor(request)
        order = [_flipped(term) for term in self.ordering] if backwards else list(self.ordering)
        if position is not None:
            queryset = queryset.filter(_after(order, position))
        try:
            rows = list(queryset.order_by(*order)[: self.page_size + 1])
        except (ValueError, TypeError, DjangoValidationError) as exc:
            raise exceptions.ValidationError({self.cursor_query_param: [self.invalid_cursor_message]}) from exc
        more = len(rows) > self.page_size
        self.page = rows[: self.page_size]
        if backwards:
            self.page.reverse()
        self.has_next = more if not backwards else True
        self.has_previous = (position is not None) if not backwards else more
        return self.page

    def get_next_link(self):
        if not self.has_next or not self.page:
            return None
        return self._link(self.page[-1], backwards=False)

    def get_previous_link(self):
        if not self.has_previous or not self.page:
            return None
        return self._link(self.page[0], backwards=True)

    def _link(self, row, *, backwards: bool) -> str:
        values = [_plain(_value(row, term.lstrip("-"))) for term in self.ordering]
        cursor = base64.urlsafe_b64encode(json.dumps({"v": values, "b": backwards}).encode()).decode()
        return replace_query_param(self.base_url, self.cursor_query_param, cursor)

    def _cursor(self, request):
        """(the position's values, whether to page backwards); (None, False) without a cursor."""
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None, False
        try:
            cursor = json.loads(base64.urlsafe_b64decode(encoded.encode()).decode())
            values, backwards = cursor["v"], cursor["b"]
            if type(values) is not list or len(values) != len(self.ordering) or type(backwards) is not bool:
                raise ValueError("not a cursor of this ordering")
            return [_unplain(v) for v in values], backwards
        except (ValueError, TypeError, KeyError, UnicodeError) as exc:
            raise exceptions.ValidationError({self.cursor_query_param: [self.invalid_cursor_message]}) from exc


def _flipped(term: str) -> str:
    return term[1:] if term.startswith("-") else f"-{term}"


def _after(order: list[str], position: list) -> Q:
    """Rows strictly after `position` in `order`: later on the first column, or equal on it and later on the
    next, and so on (the last column is unique)."""
    steps = []
    for i, term in enumerate(order):
        later = Q(**{f"{term.lstrip('-')}__{'lt' if term.startswith('-') else 'gt'}": position[i]})
        equal_before = [Q(**{earlier.lstrip("-"): value}) for earlier, value in zip(order[:i], position[:i])]
        steps.append(reduce(operator.and_, equal_before, later))
    return reduce(operator.or_, steps)


def _value(row, field: str):
    return row.pk if field == "pk" else getattr(row, field)


def _plain(value):
    """A cursor value as JSON: datetimes tagged, numbers and text as they are."""
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, Decimal):
        return str(value)
    return value


def _unplain(value):
    if type(value) is dict:
        return datetime.fromisoformat(value["t"])
    if value is not None and type(value) not in (int, float, str, bool):
        raise ValueError("not a cursor value")
    return value


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
