package dev.redshiftdata.spark.amazonml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redshiftdata.spark.sql.StagingUrls;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the request specs of a plan: for each kind, the whole data, and with {@code
 * amazonMl.trainPercent} n also a train spec ({@code percentBegin} 0, {@code percentEnd} n) and an
 * evaluation spec (n to 100). Each is the exact JSON body of {@code CreateDataSourceFromS3} or
 * {@code CreateDataSourceFromRedshift}, S3 locations as {@code s3://}, never with {@code
 * DatabaseCredentials}: {@code aws machinelearning create-data-source-from-s3 --cli-input-json
 * file://spec.json} takes it as it is. Pure.
 */
public final class RequestSpecs {

  private RequestSpecs() {}

  /** One split of the data: a suffix for ids and names and its rearrangement (null: all). */
  private record Split(String idSuffix, String nameSuffix, String rearrangement) {}

  /**
   * The specs of {@code plan}, each with its {@link EmissionPlan#specLocation} as location.
   *
   * @param schema the data schema (inlined in Redshift specs with {@code amazonMl.inlineSchema})
   */
  public static List<RequestSpec> build(EmissionPlan plan, DataSchema schema) {
    List<Split> splits = new ArrayList<>();
    splits.add(new Split("", "", null));
    int n = plan.trainPercent();
    if (n > 0) {
      splits.add(new Split(".train", " (train 0-" + n + "%)", rearrangement(0, n)));
      splits.add(new Split(".evaluation", " (evaluation " + n + "-100%)", rearrangement(n, 100)));
    }
    boolean both = plan.kinds().size() > 1;
    List<RequestSpec> out = new ArrayList<>();
    for (RequestSpec.Kind kind : plan.kinds()) {
      String kindId = both ? (kind == RequestSpec.Kind.S3 ? ".s3" : ".redshift") : "";
      String kindName = both ? (kind == RequestSpec.Kind.S3 ? " (S3)" : " (Redshift)") : "";
      for (Split split : splits) {
        String id = plan.baseId() + kindId + split.idSuffix();
        String name = plan.baseName() + kindName + split.nameSuffix();
        String json =
            kind == RequestSpec.Kind.S3
                ? s3(plan, id, name, split.rearrangement())
                : redshift(plan, id, name, split.rearrangement(), schema);
        out.add(new RequestSpec(kind, id, plan.specLocation(id, kind), json));
      }
    }
    return out;
  }

  /** {@code {"splitting":{"percentBegin":b,"percentEnd":e}}}. */
  static String rearrangement(int begin, int end) {
    return "{\"splitting\":{\"percentBegin\":" + begin + ",\"percentEnd\":" + end + "}}";
  }

  private static String s3(EmissionPlan plan, String id, String name, String rearrangement) {
    ObjectNode root = DataSchema.JSON.createObjectNode();
    root.put("DataSourceId", id);
    root.put("DataSourceName", name);
    ObjectNode spec = root.putObject("DataSpec");
    spec.put("DataLocationS3", StagingUrls.toS3(plan.dataLocation()));
    spec.put("DataSchemaLocationS3", StagingUrls.toS3(plan.schemaLocation()));
    if (rearrangement != null) {
      spec.put("DataRearrangement", rearrangement);
    }
    root.put("ComputeStatistics", plan.computeStatistics());
    return write(root);
  }

  private static String redshift(
      EmissionPlan plan, String id, String name, String rearrangement, DataSchema schema) {
    ObjectNode root = DataSchema.JSON.createObjectNode();
    root.put("DataSourceId", id);
    root.put("DataSourceName", name);
    ObjectNode spec = root.putObject("DataSpec");
    ObjectNode db = spec.putObject("DatabaseInformation");
    db.put("DatabaseName", plan.database());
    db.put("ClusterIdentifier", plan.clusterIdentifier());
    spec.put("SelectSqlQuery", plan.selectSql());
    spec.put("S3StagingLocation", StagingUrls.toS3(plan.redshiftStaging()));
    if (plan.inlineSchema()) {
      spec.put("DataSchema", redshiftSchema(schema).json());
    } else {
      spec.put("DataSchemaUri", StagingUrls.toS3(plan.redshiftSchemaLocation()));
    }
    if (rearrangement != null) {
      spec.put("DataRearrangement", rearrangement);
    }
    root.put("RoleARN", plan.roleArn());
    root.put("ComputeStatistics", plan.computeStatistics());
    return write(root);
  }

  /** The Redshift form's schema: the S3 form's without a header line (UNLOAD writes none). */
  public static DataSchema redshiftSchema(DataSchema schema) {
    return new DataSchema(
        schema.target(),
        schema.rowId(),
        schema.rowWeight(),
        false,
        schema.attributes(),
        schema.excluded());
  }

  private static String write(ObjectNode root) {
    try {
      return DataSchema.JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
