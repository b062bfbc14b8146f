"""Settings loader for the feedback jobs.

Local runs use config/cleaning.json. On the Airflow workers the platform team mounts a
YAML file with the same keys, so YAML is read when PyYAML is installed there.
"""
import json

try:
    import yaml
except ImportError:  # laptops and CI images without PyYAML only ever use the JSON file
    yaml = None


def load_settings(path):
    with open(path, encoding="utf-8") as handle:
        if path.endswith((".yml", ".yaml")):
            if yaml is None:
                raise SystemExit(f"{path}: PyYAML is needed to read YAML settings")
            # Loader passed explicitly to silence the YAMLLoadWarning on the workers.
            return yaml.load(handle, Loader=yaml.Loader)
        return json.load(handle)
