"""Quality checks: source lint for the Danish guides and QA for every translation."""

from pipeline.qa.registry import REGISTRY, validate_check_settings
from pipeline.qa.runner import check_catalog, check_source, count, erroneous_msgids, file_issue

__all__ = ["REGISTRY", "check_catalog", "check_source", "count", "erroneous_msgids",
           "file_issue", "validate_check_settings"]
