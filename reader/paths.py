"""Where reader keeps its files: the library, user themes, caches and exports.

The library location is ``--db PATH``, else ``READER_DB``, else the platform's user data
folder (platformdirs). The app's exports go to ``exports/`` in that user data folder until
a person picks another folder. Tests always point at temporary paths.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reader"


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "library.json"


def default_export_dir() -> Path:
    """Where the app's export dialog writes until a folder is picked: ``exports`` in the
    user data folder (``~/.local/share/reader/exports`` on Linux). Never the working
    folder: started from a project, that would drop files into the project."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "exports"


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The library file to use, by precedence: argument, ``READER_DB``, platform default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("READER_DB")
    if env:
        return Path(env).expanduser()
    return default_db_path()


def user_config_dir() -> Path:
    """The folder for user themes and settings files (``READER_CONFIG`` overrides it)."""
    env = os.environ.get("READER_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def user_cache_dir() -> Path:
    """The folder for derived, re-creatable data (``READER_CACHE`` overrides it)."""
    env = os.environ.get("READER_CACHE")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)
