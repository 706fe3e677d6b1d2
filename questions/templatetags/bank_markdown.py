"""Markdown from the bank to safe HTML: raw HTML off in the parser, then sanitised by nh3 all the same."""

import nh3
from django import template
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

register = template.Library()
_md = MarkdownIt("commonmark", {"html": False}).enable("table")


@register.filter
def markdown(text: str) -> str:
    return mark_safe(nh3.clean(_md.render(text or "")))
