"""Orders report: PySpark with the redshift-data connector.

Reads orders from Redshift (the filter is pushed down), aggregates them with Spark SQL, writes the
report back to Redshift, reads a query Redshift runs as a whole, and lists tables through the
connector's catalog when one is configured (and, on Spark 4, comments the report table with a CALL of
the catalog's system.execute procedure, SQL alone, which also works over Spark Connect). Every option and SQL text comes from
orders_report.properties (or the file given as the first argument), which the project's Java test
runs too. Connection options come from the session configuration:

  spark-submit --jars redshift-data-spark-4.1_2.13-<version>-bundle.jar \\
    --conf spark.datasource.redshift-data.workgroupName=analytics \\
    --conf spark.datasource.redshift-data.database=dev \\
    --conf spark.datasource.redshift-data.tempdir=s3a://my-bucket/redshift-staging/ \\
    --conf spark.datasource.redshift-data.iamRole=arn:aws:iam::123456789012:role/redshift-staging \\
    examples/python/orders_report.py
"""

import os
import sys

from pyspark.sql import SparkSession


def load_properties(path):
    """key=value lines; blank lines and lines starting with # are skipped."""
    props = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, _, value = line.partition("=")
            props[key.strip()] = value.strip()
    return props


def step_options(props, step):
    """The connector options of one step: its <step>.option.<name>=<value> lines."""
    prefix = step + ".option."
    return {k[len(prefix):]: v for k, v in props.items() if k.startswith(prefix)}


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    path = argv[1] if len(argv) > 1 else os.path.join(here, "orders_report.properties")
    props = load_properties(path)
    spark = SparkSession.builder.appName("orders-report").getOrCreate()

    # 1. Read the orders; explain() shows the path (direct or unload) and the pushed SQL.
    orders = (
        spark.read.format("redshift-data")
        .options(**step_options(props, "orders"))
        .load()
        .filter(props["orders.filter"])
    )
    orders.explain()
    orders.createOrReplaceTempView("orders")

    # 2. Aggregate with Spark SQL and write the report back (Parquet staged on S3, one COPY).
    report = spark.sql(props["report.sql"])
    (
        report.write.format("redshift-data")
        .options(**step_options(props, "report"))
        .mode(props["report.mode"])
        .save()
    )
    report.show()

    # 3. A query Redshift runs as a whole.
    top = spark.read.format("redshift-data").options(**step_options(props, "top")).load()
    top.show()

    # 4. The catalog, when spark.sql.catalog.<name> is configured.
    catalog = props["catalog.name"]
    if spark.conf.get("spark.sql.catalog." + catalog, None):
        spark.sql(props["catalog.sql"]).show(truncate=False)
        # 5. A Redshift statement from SQL alone (no JVM gateway, so Spark Connect too), Spark 4.0+.
        if int(spark.version.split(".")[0]) >= 4:
            spark.sql(props["catalog.call"]).show(truncate=False)
    else:
        print("No catalog '%s' configured (spark.sql.catalog.%s); skipping its SQL." % (catalog, catalog))

    spark.stop()


if __name__ == "__main__":
    main(sys.argv)
