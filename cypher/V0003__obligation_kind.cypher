// The battle map's permit bundles (五证联发) and company needs look obligations up by kind.
CREATE INDEX obligation_kind IF NOT EXISTS FOR (n:Obligation) ON (n.kind);
