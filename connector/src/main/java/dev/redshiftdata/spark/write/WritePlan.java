package dev.redshiftdata.spark.write;

import org.apache.spark.sql.types.StructType;

/**
 * What {@link CommitPlanner} decided for one write.
 *
 * @param transaction the statements around the COPY, its table and columns
 * @param fileSchema the staged files' columns: the COPY's, in its order
 * @param fileRows how input rows become file rows
 */
record WritePlan(TransactionPlan transaction, StructType fileSchema, FileRows fileRows) {}
