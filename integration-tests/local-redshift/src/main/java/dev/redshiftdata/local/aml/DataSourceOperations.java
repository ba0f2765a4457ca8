package dev.redshiftdata.local.aml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redshiftdata.local.dataapi.ApiException;
import dev.redshiftdata.local.dataapi.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * CreateDataSourceFromS3, CreateDataSourceFromRedshift, GetDataSource, DescribeDataSources and
 * DeleteDataSource. A create answers at once with the id and leaves the datasource PENDING; the
 * processing runs on {@code processing} after the configured pending time, so clients poll.
 */
final class DataSourceOperations {

  private final Map<String, DataSource> dataSources = new LinkedHashMap<>();
  private final DataSourceProcessor processor;
  private final ScheduledExecutorService processing;
  private final AmazonMlSettings settings;
  private final DataSourceViews views;
  private final Clock clock;

  DataSourceOperations(
      DataSourceProcessor processor,
      ScheduledExecutorService processing,
      AmazonMlSettings settings,
      DataSourceViews views,
      Clock clock) {
    this.processor = processor;
    this.processing = processing;
    this.settings = settings;
    this.views = views;
    this.clock = clock;
  }

  JsonNode createFromS3(JsonNode body) {
    return create(DataSourceRequest.s3(body));
  }

  JsonNode createFromRedshift(JsonNode body) {
    return create(DataSourceRequest.redshift(body));
  }

  private JsonNode create(DataSourceRequest request) {
    DataSource ds;
    synchronized (dataSources) {
      DataSource existing = dataSources.get(request.dataSourceId());
      if (existing != null) {
        if (!existing.request().body().equals(request.body())) {
          throw new ApiException(
              "IdempotentParameterMismatchException",
              400,
              "DataSource "
                  + request.dataSourceId()
                  + " already exists with different parameters.");
        }
        return idOnly(request.dataSourceId()); // a retry of the same request
      }
      ds = new DataSource(request, clock.instant());
      dataSources.put(request.dataSourceId(), ds);
    }
    processing.schedule(
        () -> processor.process(ds), settings.pendingTime().toMillis(), TimeUnit.MILLISECONDS);
    return idOnly(request.dataSourceId());
  }

  JsonNode get(JsonNode body) {
    DataSource ds = find(body);
    JsonNode verbose = body.get("Verbose");
    return views.view(ds, verbose != null && verbose.asBoolean());
  }

  JsonNode delete(JsonNode body) {
    DataSource ds = find(body);
    if (!ds.delete(clock.instant())) {
      throw notFound(ds.request().dataSourceId());
    }
    return idOnly(ds.request().dataSourceId());
  }

  /** DescribeDataSources with one optional filter, a sort order, Limit and NextToken. */
  JsonNode describe(JsonNode body) {
    DataSourceRequest.Members r = new DataSourceRequest.Members(body, "");
    String variable = r.string("FilterVariable", 0, 64, null, false);
    Function<DataSource, String> field = filterField(variable);
    List<DataSource> all;
    synchronized (dataSources) {
      all = new ArrayList<>(dataSources.values());
    }
    List<DataSource> matching = new ArrayList<>();
    for (DataSource ds : all) {
      if (matches(field.apply(ds), r)) {
        matching.add(ds);
      }
    }
    Comparator<DataSource> order =
        Comparator.comparing(ds -> Optional.ofNullable(field.apply(ds)).orElse(""));
    order = order.thenComparing(DataSource::createdAt);
    if ("dsc".equals(r.string("SortOrder", 0, 3, null, false))) {
      order = order.reversed();
    }
    matching.sort(order);
    JsonNode limitNode = body.get("Limit");
    int limit = limitNode == null || limitNode.isNull() ? 100 : limitNode.asInt();
    if (limit < 1 || limit > 100) {
      throw DataSourceRequest.invalid(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100");
    }
    int from = offset(r.string("NextToken", 0, 1024, null, false));
    ObjectNode out = Json.object();
    ArrayNode results = out.putArray("Results");
    int to = Math.min(matching.size(), from + limit);
    for (int i = from; i < to; i++) {
      results.add(views.view(matching.get(i), false));
    }
    if (to < matching.size()) {
      out.put(
          "NextToken",
          Base64.getEncoder()
              .encodeToString(Integer.toString(to).getBytes(StandardCharsets.US_ASCII)));
    }
    return out;
  }

  /** The datasource's statistics for the admin path and tests, if it exists. */
  Optional<DataSource> lookup(String id) {
    synchronized (dataSources) {
      return Optional.ofNullable(dataSources.get(id));
    }
  }

  void clear() {
    synchronized (dataSources) {
      dataSources.clear();
    }
  }

  private Function<DataSource, String> filterField(String variable) {
    if (variable == null) {
      return ds -> ds.request().dataSourceId();
    }
    return switch (variable) {
      case "Status" -> ds -> ds.snapshot().status().name();
      case "Name" -> ds -> ds.request().name();
      case "DataLocationS3" ->
          ds ->
              ds.request().kind() == DataSourceRequest.Kind.S3
                  ? ds.request().dataLocationS3()
                  : ds.request().redshift().s3StagingLocation();
      case "IAMUser" -> ds -> views.view(ds, false).get("CreatedByIamUser").asText();
      case "CreatedAt" -> ds -> Json.epochSeconds(ds.createdAt()).toPlainString();
      case "LastUpdatedAt" ->
          ds -> Json.epochSeconds(ds.snapshot().lastUpdatedAt()).toPlainString();
      default ->
          throw DataSourceRequest.invalid(
              "1 validation error detected: Value '"
                  + variable
                  + "' at 'filterVariable' failed to satisfy constraint: Member must satisfy enum"
                  + " value set: [CreatedAt, LastUpdatedAt, Status, Name, DataLocationS3, IAMUser]");
    };
  }

  private static boolean matches(String value, DataSourceRequest.Members r) {
    String eq = r.string("EQ", 0, 1024, null, false);
    String ne = r.string("NE", 0, 1024, null, false);
    String prefix = r.string("Prefix", 0, 1024, null, false);
    String gt = r.string("GT", 0, 1024, null, false);
    String ge = r.string("GE", 0, 1024, null, false);
    String lt = r.string("LT", 0, 1024, null, false);
    String le = r.string("LE", 0, 1024, null, false);
    if (eq == null
        && ne == null
        && prefix == null
        && gt == null
        && ge == null
        && lt == null
        && le == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    return (eq == null || value.equals(eq))
        && (ne == null || !value.equals(ne))
        && (prefix == null || value.startsWith(prefix))
        && (gt == null || value.compareTo(gt) > 0)
        && (ge == null || value.compareTo(ge) >= 0)
        && (lt == null || value.compareTo(lt) < 0)
        && (le == null || value.compareTo(le) <= 0);
  }

  private static int offset(String token) {
    if (token == null) {
      return 0;
    }
    try {
      return Integer.parseInt(
          new String(Base64.getDecoder().decode(token), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw DataSourceRequest.invalid("Invalid NextToken.");
    }
  }

  private DataSource find(JsonNode body) {
    String id =
        new DataSourceRequest.Members(body, "")
            .string("DataSourceId", 1, 64, DataSourceRequest.ENTITY_ID, true);
    synchronized (dataSources) {
      DataSource ds = dataSources.get(id);
      if (ds == null) {
        throw notFound(id);
      }
      return ds;
    }
  }

  private static ApiException notFound(String id) {
    return new ApiException(
        "ResourceNotFoundException", 400, "No DataSource with id " + id + " exists.");
  }

  private static JsonNode idOnly(String id) {
    ObjectNode o = Json.object();
    o.put("DataSourceId", id);
    return o;
  }
}
