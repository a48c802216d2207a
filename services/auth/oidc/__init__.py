"""OpenID Connect: the authorization endpoint's rules, its login steps and logout."""
