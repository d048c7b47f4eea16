from django import template

register = template.Library()


@register.filter
def elided_pages(page_obj):
    """Page numbers around the current one, with '…' for the gaps: 1 2 … 9 10 11 … 40."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
