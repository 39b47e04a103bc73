/**
 * Audit bundles (docs/audit.md): {@code exchange audit export} writes the journals' documents as written, with their
 * digests and audit-chain links, to one JSON Lines file; {@code exchange audit verify} re-checks such a file offline,
 * with no database and no network: contiguity, digests, the chain, every participant signature and every checkpoint.
 */
package fundexchange.audit.bundle;
