-- Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d),
-- as POSTGRES_USER, so that user owns every database. One PostgreSQL server, one database per
-- service: each service owns its schema and migrates it with Flyway at start.
CREATE DATABASE plans;
CREATE DATABASE measurements;
CREATE DATABASE scoring;
CREATE DATABASE gateway;
