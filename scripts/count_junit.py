#!/usr/bin/env python3
"""Prints "PASSED FAILED" for a ctest JUnit file: skipped and not-run tests count as neither."""
import sys
import xml.etree.ElementTree as ET

passed = failed = 0
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    status = case.get("status", "")
    if status in ("notrun", "disabled") or case.find("skipped") is not None:
        continue
    if status == "fail" or case.find("failure") is not None or case.find("error") is not None:
        failed += 1
    else:
        passed += 1
print(passed, failed)
