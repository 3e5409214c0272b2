-- argmap schema, version 8: an index of the relations that are asides.
--
-- Writing a position in Argdown asks, for each of its claims, whether it rephrases or prefers
-- another claim. Asides are rare, so without an index that question read the kind of every
-- relation out of the position's claims: about a fortieth of the export's time. A partial index
-- holds the aside relations only, so it costs a few bytes a map and answers at once. Its
-- condition is written as the query writes it (kinds in the model's order), which is how
-- SQLite knows the index applies.

CREATE INDEX relations_asides ON relations (from_seq) WHERE kind IN ('rephrases', 'prefers');
