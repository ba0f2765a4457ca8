-- redshift-data from Spark SQL: tables of the session catalog backed by Redshift tables and queries.
--
-- The connection comes from the session configuration, so no table definition carries it:
--   spark-sql --jars redshift-data-spark-4.1_2.13-<version>-bundle.jar \
--     --conf spark.datasource.redshift-data.workgroupName=analytics \
--     --conf spark.datasource.redshift-data.database=dev \
--     --conf spark.datasource.redshift-data.tempdir=s3a://my-bucket/redshift-staging/ \
--     --conf spark.datasource.redshift-data.iamRole=arn:aws:iam::123456789012:role/redshift-staging \
--     -f examples/sql/orders.sql
-- It expects a Redshift table sql_example.orders (order_id, customer_id, order_date, status, quantity, amount).
-- Needs Spark 4.0 or later: Spark 3.5 reads session catalog tables only through DataSource V1 (on 3.5,
-- configure the connector's catalog instead and name its tables, see the README's Catalog section).
-- SqlExampleIT runs this file statement by statement (each ends with ';' at the end of a line).

DROP TABLE IF EXISTS redshift_orders;

CREATE TABLE redshift_orders
USING `redshift-data`
OPTIONS (dbtable 'sql_example.orders');

-- The filter and the GROUP BY run in Redshift.
SELECT status, count(*) AS orders, sum(amount) AS revenue
FROM redshift_orders
WHERE order_date >= DATE'2025-01-01'
GROUP BY status
ORDER BY status;

-- A table over a query: Redshift runs the query, Spark reads its result.
DROP TABLE IF EXISTS redshift_big_orders;

CREATE TABLE redshift_big_orders
USING `redshift-data`
OPTIONS (query 'SELECT order_id, customer_id, amount FROM sql_example.orders WHERE amount > 450');

SELECT count(*) AS big_orders, max(amount) AS largest
FROM redshift_big_orders;

-- Writes take the connector's write path: Parquet staged on S3, one COPY transaction.
-- Columns are matched to the table's by name, so name every computed one.
INSERT INTO redshift_orders
SELECT order_id + 1000000 AS order_id, customer_id, DATE'2026-01-01' AS order_date, 'placed' AS status,
       quantity, amount
FROM redshift_orders
WHERE order_id <= 10;

SELECT count(*) AS orders_of_2026
FROM redshift_orders
WHERE order_date >= DATE'2026-01-01';
