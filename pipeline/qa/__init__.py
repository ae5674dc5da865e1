"""Quality checks: source lint for the Danish guides and QA for every translation."""

from pipeline.qa.project_checks import CatalogHeader
from pipeline.qa.registry import REGISTRY, validate_check_settings
from pipeline.qa.runner import (check_catalog, check_project, check_settings, check_source, count, erroneous_msgids,
                                file_issue)

__all__ = ["REGISTRY", "CatalogHeader", "check_catalog", "check_project", "check_settings", "check_source", "count",
           "erroneous_msgids", "file_issue", "validate_check_settings"]
