-- The embedded H2 database has no PL/pgSQL; the application never updates or deletes audit_log rows,
-- and the PostgreSQL migration of the same version adds a trigger that enforces it there.
SELECT 1;
