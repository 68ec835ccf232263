-- The embedded H2 database has no PL/pgSQL; the application only inserts seals, and the
-- PostgreSQL migration of the same version adds triggers that enforce it there.
SELECT 1;
