package dev.redshiftdata.local.aml;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redshiftdata.local.dataapi.Json;
import java.time.Duration;

/** The JSON shapes of GetDataSource and of DescribeDataSources' {@code Results} entries. */
final class DataSourceViews {

  private final String createdByIamUser;

  DataSourceViews(String createdByIamUser) {
    this.createdByIamUser = createdByIamUser;
  }

  /** A {@code DataSource} (DescribeDataSources) or the GetDataSource response. */
  ObjectNode view(DataSource ds, boolean verbose) {
    DataSourceRequest r = ds.request();
    DataSource.Snapshot s = ds.snapshot();
    ObjectNode o = Json.object();
    o.put("DataSourceId", r.dataSourceId());
    if (r.name() != null) {
      o.put("Name", r.name());
    }
    o.put("Status", s.status().name());
    o.put("CreatedAt", Json.epochSeconds(ds.createdAt()));
    o.put("LastUpdatedAt", Json.epochSeconds(s.lastUpdatedAt()));
    o.put("CreatedByIamUser", createdByIamUser);
    o.put("ComputeStatistics", r.computeStatistics());
    if (r.kind() == DataSourceRequest.Kind.S3) {
      o.put("DataLocationS3", r.dataLocationS3());
    } else {
      DataSourceRequest.Redshift rs = r.redshift();
      o.put("DataLocationS3", rs.s3StagingLocation());
      o.put("RoleARN", r.roleArn());
      ObjectNode meta = o.putObject("RedshiftMetadata");
      ObjectNode db = meta.putObject("RedshiftDatabase");
      db.put("DatabaseName", rs.databaseName());
      db.put("ClusterIdentifier", rs.clusterIdentifier());
      meta.put("DatabaseUserName", rs.username());
      meta.put("SelectSqlQuery", rs.selectSqlQuery());
    }
    if (r.dataRearrangementText() != null) {
      o.put("DataRearrangement", r.dataRearrangementText());
    }
    if (s.startedAt() != null) {
      o.put("StartedAt", Json.epochSeconds(s.startedAt()));
    }
    if (s.finishedAt() != null) {
      o.put("FinishedAt", Json.epochSeconds(s.finishedAt()));
    }
    if (s.message() != null) {
      o.put("Message", s.message());
    }
    if (s.statistics() != null) {
      o.put("DataSizeInBytes", s.statistics().bytes());
      o.put("NumberOfFiles", s.statistics().files());
      if (r.computeStatistics() && s.startedAt() != null && s.finishedAt() != null) {
        o.put("ComputeTime", Duration.between(s.startedAt(), s.finishedAt()).toMillis());
      }
    }
    if (verbose && s.schema() != null) {
      o.put("DataSourceSchema", s.schema());
    } else if (verbose && r.dataSchema() != null) {
      o.put("DataSourceSchema", r.dataSchema());
    }
    return o;
  }

  /** The statistics the local endpoint adds (no field of the real API carries them). */
  static ObjectNode statistics(DataSource ds) {
    DataSource.Snapshot s = ds.snapshot();
    ObjectNode o = Json.object();
    o.put("DataSourceId", ds.request().dataSourceId());
    o.put("Status", s.status().name());
    DataStatistics st = s.statistics();
    if (st == null) {
      return o;
    }
    o.put("NumberOfFiles", st.files());
    o.put("DataSizeInBytes", st.bytes());
    o.put("Observations", st.observations());
    o.put("RejectedObservations", st.rejectedObservations());
    o.put("SelectedObservations", st.selectedObservations());
    var list = o.putArray("Attributes");
    for (AttributeStatistics a : st.attributes()) {
      ObjectNode n = list.addObject();
      n.put("AttributeName", a.name());
      n.put("AttributeType", a.type());
      n.put("Present", a.present());
      n.put("Missing", a.missing());
      if (a.distinct() != null) {
        n.put("Distinct", a.distinct());
      }
      if (a.min() != null) {
        n.put("Min", a.min());
        n.put("Max", a.max());
        n.put("Mean", a.mean());
      }
    }
    return o;
  }
}
