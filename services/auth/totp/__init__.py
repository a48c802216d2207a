"""TOTP second factor (RFC 6238) and its recovery codes."""
