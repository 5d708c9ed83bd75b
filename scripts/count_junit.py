#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a ctest JUnit file. Prints "PASSED FAILED": skipped and not-run tests count as neither.
With --failed, prints instead the name of each failed test, one a line."""
import sys
import xml.etree.ElementTree as ET


def outcome(case):
    status = case.get("status", "")
    if status in ("notrun", "disabled") or case.find("skipped") is not None:
        return "skipped"
    if status == "fail" or case.find("failure") is not None or case.find("error") is not None:
        return "failed"
    return "passed"


args = sys.argv[1:]
list_failed = "--failed" in args
args = [a for a in args if a != "--failed"]
cases = list(ET.parse(args[0]).getroot().iter("testcase"))
if list_failed:
    for case in cases:
        if outcome(case) == "failed":
            print(case.get("name"))
else:
    outcomes = [outcome(case) for case in cases]
    print(outcomes.count("passed"), outcomes.count("failed"))
