#!/usr/bin/python3
"""Validate NDJSON files line by line against the SafeBorders schemas.

usage: validate.py [--allow-unknown] SCHEMA_DIR FILE...

Each line's "sb" member ("case/1", "reject/1", ...) names its schema,
SCHEMA_DIR/<type>-<version>.schema.json.  Prints one line per invalid
record and exits 1 if any; exits 2 on unknown record types, unless
--allow-unknown (records of types with no schema here pass untouched:
a tool passes foreign types through).
"""
import json
import sys

import jsonschema


def main():
    args = sys.argv[1:]
    allow_unknown = bool(args) and args[0] == "--allow-unknown"
    if allow_unknown:
        args = args[1:]
    schema_dir, files = args[0], args[1:]
    validators = {}
    bad = 0
    total = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                total += 1
                try:
                    rec = json.loads(line)
                except ValueError as e:
                    print(f"{path}:{lineno}: not JSON: {e}")
                    bad += 1
                    continue
                kind = rec.get("sb") if isinstance(rec, dict) else None
                if not isinstance(kind, str) or "/" not in kind:
                    print(f"{path}:{lineno}: no \"sb\" type")
                    bad += 1
                    continue
                if kind not in validators:
                    name, version = kind.split("/", 1)
                    try:
                        with open(f"{schema_dir}/{name}-{version}.schema.json") as s:
                            schema = json.load(s)
                    except OSError:
                        if allow_unknown:
                            validators[kind] = None
                            continue
                        print(f"{path}:{lineno}: no schema for {kind}")
                        sys.exit(2)
                    cls = jsonschema.validators.validator_for(schema)
                    cls.check_schema(schema)
                    validators[kind] = cls(schema, format_checker=cls.FORMAT_CHECKER)
                if validators[kind] is None:
                    continue
                errors = list(validators[kind].iter_errors(rec))
                for e in errors[:3]:
                    where = "/".join(str(p) for p in e.absolute_path)
                    print(f"{path}:{lineno}: {kind} at /{where}: {e.message[:200]}")
                bad += bool(errors)
    if bad:
        print(f"{bad} of {total} records invalid")
        sys.exit(1)


if __name__ == "__main__":
    main()
