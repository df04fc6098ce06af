"""The warm process (`newslint daemon`): a server that keeps newslint loaded and runs `check`
for clients, and the light client `newslint check` uses when one serves the project.

The client side (`paths`, `fingerprint`, `protocol`, `client`) imports nothing but the standard
library, so that `check` pays nothing for it when no daemon runs; only `server` and `warmth`
load newslint's heavy parts, and only in the daemon. See docs/daemon.md.
"""
