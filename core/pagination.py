"""Pages of a long ordered list that cost the same at page 1,000 as at page 1."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from core.cache import cached_fragment, tag_page


class IndexWalkPaginator(Paginator):
    """Pages a queryset whose ordering an index serves, without reading every earlier row.

    A page nearer the end is read from the end, in reverse order, so the last page
    costs what the first does. Rows skipped on the way to a page are walked as
    primary keys only (an index-only scan on PostgreSQL), and only the page's own rows
    are then fetched, by key, with their select_related and prefetches.

    With `max_count`, the list ends after that many rows: counting stops there, and
    no page is further in, so a list that grows with the catalogue (a popular mood's
    articles) costs the same to count and to page through at any size.

    With `list_tag`, the cache tag invalidated whenever a row joins or leaves the list
    (core/cache.py), the count is kept as a fragment under that tag: counting reads the
    whole list, and it changes only when the list does.
    """

    def __init__(self, object_list, per_page, orphans=0, max_count=None, list_tag=None, **kw):
        super().__init__(object_list, per_page, orphans, **kw)
        self.max_count = max_count
        self.list_tag = list_tag

    @cached_property
    def count(self):
        if self.list_tag is None:
            return self._count_rows()
        return cached_fragment(f"count:{self.list_tag}:{self.max_count}", self._count_list)

    def _count_list(self):
        tag_page(self.list_tag)
        return self._count_rows()

    def _count_rows(self):
        if self.max_count is None:
            return self.object_list.count()
        return count_up_to(self.object_list, self.max_count)

    @property
    def is_cut_short(self):
        """Whether rows exist past the last page (the count stopped at max_count)."""
        return self.max_count is not None and self.count >= self.max_count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.rows_between(bottom, top), number, self)

    def rows_between(self, bottom, top):
        rows = self.object_list
        # Only a list whose true end is known can be read from it.
        from_the_end = self.count - top < bottom and not self.is_cut_short
        if from_the_end:
            rows = rows.reverse()
            bottom, top = self.count - top, self.count - bottom
        if bottom == 0:  # nothing to skip: one query, straight from the index
            page = list(rows[:top])
        else:
            keys = list(rows.values_list("pk", flat=True)[bottom:top])
            by_key = rows.in_bulk(keys)
            # A row unpublished since the keys were read is simply left out.
            page = [by_key[key] for key in keys if key in by_key]
        return page[::-1] if from_the_end else page


def count_up_to(queryset, cap):
    """How many rows `queryset` has, counting no further than `cap`: a count whose cost
    stays put however long the list grows. A result equal to `cap` means "cap or more"."""
    return queryset.order_by()[:cap].count()
