"""Retries that back off, and `429 Retry-After` that is obeyed.

Scrapy's RetryMiddleware retries at once. A small outlet on shared hosting that
answers 503 or 429 needs the opposite: wait (exponentially longer each time, or
as long as `Retry-After` asks), and slow every later request to that site too.
"""
from __future__ import annotations

import email.utils
import logging
from datetime import datetime, timezone

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """`Retry-After: 120` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT` -> seconds to wait."""
    if not value:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Replaces RetryMiddleware (same settings) with waits between attempts.

    RETRY_BACKOFF_BASE (s): first wait after a 5xx or timeout, doubled each retry,
    at most RETRY_BACKOFF_MAX. RETRY_AFTER_MAX (s): the longest `Retry-After` we
    wait for; a site asking for more is left for the next run.
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    def _backoff(self, request) -> float:
        return min(self.cap, self.base * 2 ** request.meta.get("retry_times", 0))

    def _slow_down(self, request, delay: float) -> None:
        downloader = self.crawler.engine.downloader if self.crawler.engine else None
        if downloader is None:
            return
        key = request.meta.get("download_slot") or downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is not None and delay > slot.delay:
            slot.delay = delay
            logger.info("slowing %s to one request every %.1fs", key, delay)

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        delay = self._backoff(request)
        if response.status in (429, 503):
            asked = retry_after_seconds(response.headers.get("Retry-After"))
            if asked is not None:
                if asked > self.retry_after_max:
                    self.crawler.stats.inc_value("monitor/retry_after_too_long")
                    logger.warning("%s asks to wait %.0fs (more than RETRY_AFTER_MAX): left for the next run",
                                   request.url, asked)
                    return response
                delay = max(asked, 0.0)
            if response.status == 429:
                self._slow_down(request, max(delay, 1.0))
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        self.crawler.stats.inc_value("monitor/retry_wait_seconds", delay)
        await sleep(delay)
        return retry

    async def process_exception(self, request, exception, spider=None):
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            return None
        await sleep(self._backoff(request))
        return retry
