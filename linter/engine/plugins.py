"""The plugin manager: entry points, configured modules, and the rule registry."""
from __future__ import annotations

import importlib
from functools import lru_cache

import pluggy

from garblint.linter.engine import hookspecs
from garblint.linter.engine.config import Config, ConfigError
from garblint.linter.engine.rule import Rule

ENTRY_POINT_GROUP = "garblint"


class PluginError(Exception):
    pass


def make_plugin_manager(extra_modules: tuple[str, ...] = ()) -> pluggy.PluginManager:
    manager = pluggy.PluginManager("garblint")
    manager.add_hookspecs(hookspecs)
    from importlib.metadata import entry_points

    # One look-up of the group (pluggy's own loader walks every installed
    # distribution, which costs a tenth of a second on a busy environment).
    found = entry_points(group=ENTRY_POINT_GROUP)
    for entry_point in found:
        if manager.get_plugin(entry_point.name) is not None or manager.is_blocked(entry_point.name):
            continue
        try:
            plugin = entry_point.load()
        except Exception as exc:  # a broken third-party plugin must not be a traceback
            raise PluginError(f"cannot load the garblint plugin '{entry_point.name}' ({entry_point.value}): "
                              f"{type(exc).__name__}: {exc}") from None
        if not manager.is_registered(plugin):
            manager.register(plugin, name=entry_point.name)
    if not any(ep.value == "garblint.linter.inputs.formats" for ep in found):
        # garblint's own plugins are entry points too: without them the package was never installed.
        raise PluginError("garblint's built-in plugins are not registered: install the package "
                          "(pip install garblint, or pip install -e . in a checkout)")
    for name in extra_modules:
        try:
            module = importlib.import_module(name)
        except Exception as exc:
            raise PluginError(f"plugin '{name}': cannot import it: {type(exc).__name__}: {exc}") from None
        if not manager.is_registered(module):
            manager.register(module, name=name)
    return manager


@lru_cache(maxsize=8)
def plugin_manager(extra_modules: tuple[str, ...] = ()) -> pluggy.PluginManager:
    return make_plugin_manager(extra_modules)


def all_rule_classes(manager: pluggy.PluginManager) -> list[type[Rule]]:
    """Every rule the plugins provide, checked for unique codes and names."""
    classes: list[type[Rule]] = []
    seen: dict[str, type[Rule]] = {}
    for group in manager.hook.garblint_rules():
        for cls in group or ():
            for key in (cls.code, cls.name):
                other = seen.get(key)
                if other is not None and other is not cls:
                    raise PluginError(f"two rules use '{key}': {other.__module__}.{other.__name__} and {cls.__module__}.{cls.__name__}")
                seen[key] = cls
            if cls not in classes:
                classes.append(cls)
    classes.sort(key=lambda c: c.code)
    return classes


def find_rule(classes: list[type[Rule]], key: str) -> type[Rule] | None:
    for cls in classes:
        if key in (cls.code, cls.name) or key.upper() == cls.code:
            return cls
    return None


def selected_rules(classes: list[type[Rule]], config: Config, scope: str = "document") -> list[Rule]:
    """Instances of the rules the configuration turns on, with their settings."""
    select = config.select or ["ALL"]
    rules: list[Rule] = []
    for cls in classes:
        if cls.scope != scope:
            continue
        # Settings may be keyed by name or by code; a project's code-keyed ones
        # must not be hidden by the built-in name-keyed defaults.
        settings = {**(config.rules.get(cls.name) or {}), **(config.rules.get(cls.code) or {})}
        severity = settings.pop("severity", None)
        enabled = settings.pop("enabled", None)
        explicitly = any(cls.matches(s) and s.upper() != "ALL" for s in select + config.extend_select)
        on = any(cls.matches(s) for s in select + config.extend_select)
        if not cls.enabled_by_default and not explicitly and enabled is not True:
            on = False
        if enabled is False or severity == "off":
            on = False
        if any(cls.matches(s) for s in config.ignore):
            on = False
        if not on:
            continue
        try:
            rules.append(cls(options=settings, severity=severity))
        except ValueError as exc:
            raise ConfigError(f"{config.origin('rules', cls.name)}: {exc}") from None
    return rules
