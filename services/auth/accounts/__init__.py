"""Users and API clients, bound to one organization each."""
