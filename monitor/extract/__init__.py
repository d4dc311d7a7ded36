"""html -> Article for Indonesian news pages: structured data, outlet profiles, generic fallback, cleaning, dates."""
from .article import Article, NotAnArticle, continuation_urls, extract_article, extract_pages, join_pages
from .dates import parse_date

__all__ = ["Article", "NotAnArticle", "continuation_urls", "extract_article", "extract_pages", "join_pages",
           "parse_date"]
