# One image for web, worker and beat (docker-compose.yml picks the command).
FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN DJANGO_SECRET_KEY=build-only-collectstatic-key-that-is-never-used-at-runtime-000 python manage.py collectstatic --noinput
EXPOSE 8000
CMD ["gunicorn", "mlassess.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
