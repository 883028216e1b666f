"""schema_check.py SCHEMA DEF FILE...: validate each JSON FILE against
the definition DEF ("findings", "baseline", "diff") of the JSON Schema
SCHEMA (findings.schema.json) with python3-jsonschema; print the first
errors of each file and exit 1 when any file does not validate."""
import json
import sys

import jsonschema


def main():
    schema_path, name, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    wrapped = {"$ref": "#/$defs/" + name, "$defs": schema["$defs"]}
    validator = jsonschema.Draft202012Validator(wrapped)
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for n, err in enumerate(validator.iter_errors(doc)):
            bad += 1
            if n >= 5:
                continue
            where = "/".join(str(p) for p in err.absolute_path)
            print(f"{path}: {where}: {err.message}")
    sys.exit(1 if bad else 0)


main()
