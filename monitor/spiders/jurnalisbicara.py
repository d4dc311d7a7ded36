"""jurnalisbicara.com: a WordPress outlet (Jeneponto, Sulawesi Selatan; WITA).

Its registry entry (`outlets.toml`, id and kind `jurnalisbicara`) gives the base
URL, region and timezone; the generic WordPress machinery discovers and fetches.
What is particular to the outlet is what it puts around its news: every story
carries inline `Baca Juga :` links to older stories, and its menus link tag and
author archives. Discovery never follows those (only REST, feed, sitemaps and
the listing pagination), and the URL patterns below keep archive and attachment
pages out even when a sitemap or a listing lists them. The house style inside
the article (dateline `KAB.JENEPONTO, jurnalisbicara.com –`, the photo caption
opening the body, `(Name).**` sign-offs) is the extractor's `jurnalisbicara`
profile.

    scrapy crawl jurnalisbicara                       # the real site, from outlets.toml
    scrapy crawl jurnalisbicara -a base_url=http://127.0.0.1:8000/ -a since=2024-06-01
"""
from __future__ import annotations

import re

from monitor.spiders.wordpress import WordPressSpider

# Archive, attachment and paging URLs of its theme that are never one story.
NOT_ARTICLES = [r"/(tag|author|category)/", r"/attachment/", r"[?&]amp(=|$)", r"/amp/?$", r"/page/\d+/?$"]


class JurnalisbicaraSpider(WordPressSpider):
    """jurnalisbicara.com, configured in outlets.toml (kind = "jurnalisbicara")."""

    name = "jurnalisbicara"

    def _setup(self, settings) -> None:
        super()._setup(settings)
        self.exclude += [re.compile(p) for p in NOT_ARTICLES if p not in self.outlet.exclude]
