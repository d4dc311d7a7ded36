"""What a spider hands to the pipelines: one fetched page, nothing parsed yet."""
import scrapy


class PageItem(scrapy.Item):
    outlet_id = scrapy.Field()
    url = scrapy.Field()
    canonical_url = scrapy.Field()
    fetched_at = scrapy.Field()  # ISO 8601, UTC
    status = scrapy.Field()
    html = scrapy.Field()
    source_modified = scrapy.Field()  # what the REST API, feed or sitemap said, if anything
    discovered_via = scrapy.Field()  # rest | feed | sitemap | listing | start
    # Pages 2.. of a split article, in order: [{"url": ..., "html": ...}]; absent or [] for most articles.
    more_pages = scrapy.Field()
    # Filled in on the way through the pipelines; never stored as such.
    _article = scrapy.Field()
    _analysis = scrapy.Field()
