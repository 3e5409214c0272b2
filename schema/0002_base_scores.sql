-- argmap schema, version 2: a claim's base score, its intrinsic strength before supports and
-- attacks count (DF-QuAD's τ). NULL means the default, 0.5.
ALTER TABLE claims ADD COLUMN base REAL CHECK (base IS NULL OR (base >= 0 AND base <= 1));
