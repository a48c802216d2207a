"""Tooling used by the CLI and the tests only (contract merge and checks, the configuration
catalog); no running service imports it."""
