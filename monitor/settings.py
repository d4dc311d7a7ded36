"""Scrapy settings for the monitor project (also used by `scrapy crawl`)."""

BOT_NAME = "monitor"
SPIDER_MODULES = ["monitor.spiders"]
NEWSPIDER_MODULE = "monitor.spiders"

ITEM_PIPELINES = {
    "monitor.pipelines.ExtractPipeline": 100,
    "monitor.pipelines.DedupePipeline": 200,
    "monitor.pipelines.AnalysePipeline": 300,
    "monitor.pipelines.StorePipeline": 400,
}
MONITOR_DB = "db/monitor.db"

# Politeness: small outlets run on shared hosting. One crawler per outlet (monitor.crawl),
# so these limits hold per outlet while outlets crawl side by side.

from monitor.outlets import contact_url as _contact_url  # noqa: E402

# Who site owners can reach about the crawler, in every request's User-Agent: the environment's
# MONITOR_CONTACT_URL, else `[crawler] contact_url` in outlets.toml.
MONITOR_CONTACT_URL = _contact_url()
USER_AGENT = f"pilkada-monitor/0.1 (+{MONITOR_CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32  # across outlets
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5  # the floor AutoThrottle never goes below; keep it > 0 (at 0, Scrapy 2.19 can burst past the per-domain limit)
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
# Retries wait and back off (monitor.politeness); 429 Retry-After is obeyed.
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 120.0
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "monitor.politeness.BackoffRetryMiddleware": 550,
}
# Discovery bounds: traps (endless pagination, calendars) stop here at the latest.
MONITOR_MAX_LISTING_PAGES = 100
# A feed paged through as the last source (`/feed/?paged=N`) stops at this many pages.
MONITOR_MAX_FEED_PAGES = 50
MONITOR_MAX_ARTICLES = 5000
# A listing with no dates at all cannot be walked back to a window: this many pages per windowed run.
MONITOR_MAX_UNDATED_LISTING_PAGES = 5
# A split article (?page=2, /2/) is fetched up to this many pages, page 1 included.
MONITOR_MAX_ARTICLE_PAGES = 20
# robots.txt Crawl-delay is obeyed (monitor.spiders.wordpress), up to this many seconds.
MONITOR_MAX_CRAWL_DELAY = 60.0
MONITOR_REGISTRY = "outlets.toml"
# One crawl_runs row per outlet and run.
EXTENSIONS = {"monitor.run_recorder.RunRecorder": 500}
FEED_EXPORT_ENCODING = "utf-8"
# News pages need no session; the cookie middleware would also make tldextract
# try to download the public suffix list at run time.
COOKIES_ENABLED = False
LOG_LEVEL = "INFO"
