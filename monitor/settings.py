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

# Politeness: small outlets run on shared hosting.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 2
AUTOTHROTTLE_ENABLED = True
FEED_EXPORT_ENCODING = "utf-8"
# News pages need no session; the cookie middleware would also make tldextract
# try to download the public suffix list at run time.
COOKIES_ENABLED = False
LOG_LEVEL = "INFO"
