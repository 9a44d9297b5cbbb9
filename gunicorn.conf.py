"""gunicorn's settings for Outcomes in production; gunicorn reads this file from the directory it
starts in (`gunicorn outcomes.wsgi`). bench/survey_load.py measures the same settings."""

import os

# Sync workers, two per core: each request is short and waits on the database for part of its time,
# so a second process per core keeps the core busy. Measured against threaded workers by
# bench/survey_load.py (decision 0036): sync did more per core.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
timeout = 30
# No access log: it would write each pupil's address and the time to the second (decision 0026).
accesslog = None
