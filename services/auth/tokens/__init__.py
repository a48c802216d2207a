"""OAuth2 tokens: grants, refresh token rotation, revocation, introspection, throttling."""
