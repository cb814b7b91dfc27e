#!/usr/bin/env python3
"""Validates discrec --json documents against schemas/ (JSON Schema draft 2020-12).

Usage: validate_json.py SCHEMA_DIR SCHEMA_NAME DOCUMENT [SCHEMA_NAME DOCUMENT ...]
SCHEMA_NAME is a file name in SCHEMA_DIR (list.schema.json); DOCUMENT a file holding one
document. References between the schemas are resolved by their $id among the files in
SCHEMA_DIR (the source tree's schemas/ or the installed share/discrec/schemas), never fetched. Prints one TAP-like line per document; exits 1 if any fails, 77 without jsonschema.
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema missing: skipped")
    sys.exit(77)


def load_schemas(schema_dir):
    """Every *.schema.json in schema_dir, by file name. Each must carry an absolute $id whose
    last segment is its file name, so that a relative $ref ("common.schema.json#/...") names
    the file beside it."""
    schemas = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        schema_id = schema.get("$id", "")
        if "://" not in schema_id or not schema_id.endswith("/" + path.name):
            sys.exit(f"{path}: $id {schema_id!r} is not an absolute URI ending in /{path.name}")
        schemas[path.name] = schema
    return schemas


def no_network(uri):
    raise LookupError(f"$ref {uri} is not among the schemas in the folder (never fetched)")


def make_validator(schemas, name):
    """A validator for schemas[name] that resolves every $ref among schemas by their $id, and
    fails rather than fetch anything."""
    by_id = {s["$id"]: s for s in schemas.values()}
    try:  # jsonschema >= 4.18
        import referencing
        import referencing.jsonschema

        registry = referencing.Registry(retrieve=no_network).with_resources(
            (i, referencing.Resource.from_contents(
                s, default_specification=referencing.jsonschema.DRAFT202012))
            for i, s in by_id.items())
        return jsonschema.Draft202012Validator(schemas[name], registry=registry)
    except ImportError:  # Debian 12's 4.10
        resolver = jsonschema.RefResolver.from_schema(
            schemas[name], store=by_id, handlers={"http": no_network, "https": no_network})
        return jsonschema.Draft202012Validator(schemas[name], resolver=resolver)


def main(argv):
    schemas = load_schemas(pathlib.Path(argv[1]))
    failed = 0
    for name, doc_path in zip(argv[2::2], argv[3::2]):
        try:
            doc = json.loads(pathlib.Path(doc_path).read_text())
        except ValueError as e:
            print(f"not ok - {doc_path}: not JSON: {e}")
            failed += 1
            continue
        errors = sorted(make_validator(schemas, name).iter_errors(doc), key=lambda e: list(e.path))
        label = " ".join(doc.get("discrec", {}).get("argv", [doc_path])[1:])
        if errors:
            failed += 1
            print(f"not ok - {name}: {label}")
            for e in errors[:5]:
                print(f"#   at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
        else:
            print(f"ok - {name}: {label}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
