"""Celery entry points for recruiting: thin callers of recruiting.services."""

from celery import shared_task

from recruiting import services


@shared_task(ignore_result=True)
def expire_listings() -> None:
    """Warn posters of listings closing within five days (once), then expire the listings past their date."""
    services.listings_expiry_warn()
    services.listings_expire()
