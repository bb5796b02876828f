"""The registry of layout families: ``LAYOUTS``, name -> ``Family``, in a fixed order.

The order is part of what the generator generates: ``generate_page`` without a layout draws a family from
this order, so a seed gives the same pages only while the order stays the same.  It is the order of the
modules below, and within each module the order of definition.
"""

from __future__ import annotations

from . import html_templates, text_archives, text_articles, text_roundups
from .families import Family

#: every layout family by name: text articles, text roundups, text archives, then HTML templates
LAYOUTS: dict[str, Family] = {
    fam.name: fam
    for module in (text_articles, text_roundups, text_archives, html_templates)
    for fam in module.family.families
}
