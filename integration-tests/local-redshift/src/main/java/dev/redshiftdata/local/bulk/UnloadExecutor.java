package dev.redshiftdata.local.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redshiftdata.local.bulk.UnloadCommand.Format;
import dev.redshiftdata.local.bulk.UnloadResult.UnloadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * Runs an UNLOAD on the local Redshift: streams the SELECT from PostgreSQL through a server-side
 * cursor (heap flat whatever the row count) and writes Redshift's files and manifest to the local
 * S3 server.
 */
public final class UnloadExecutor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FETCH_SIZE = 5_000;

  /** Parquet MAXFILESIZE is rounded down to a multiple of 32 MB (at least 32 MB). */
  private static final long PARQUET_SIZE_GRANULARITY = 32L * 1024 * 1024;

  private final S3Objects s3;
  private final UnloadSettings settings;

  public UnloadExecutor(S3Objects s3, UnloadSettings settings) {
    this.s3 = s3;
    this.settings = settings;
  }

  /**
   * @param postgresSelect the UNLOAD's SELECT already rewritten for PostgreSQL
   */
  public UnloadResult execute(Connection connection, UnloadCommand command, String postgresSelect)
      throws SQLException {
    try (FileSystem fs = s3.fileSystem(command.bucket())) {
      prepareTarget(fs, command);
      boolean autoCommit = connection.getAutoCommit();
      // A server-side cursor needs a transaction; an UNLOAD on its own runs in one, as on Redshift.
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        st.setFetchSize(FETCH_SIZE);
        UnloadResult result;
        try (ResultSet rs = st.executeQuery(postgresSelect)) {
          result = writeFiles(fs, command, rs);
        }
        if (autoCommit) {
          connection.commit();
        }
        recordLastUnloadCount(connection, result.rows());
        return result;
      } catch (SQLException | RuntimeException e) {
        if (autoCommit) {
          connection.rollback();
        }
        throw e;
      } finally {
        if (autoCommit) {
          connection.setAutoCommit(true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void prepareTarget(FileSystem fs, UnloadCommand command) throws IOException {
    List<FileStatus> existing = S3Objects.list(fs, command.bucket(), command.keyPrefix());
    if (command.cleanPath()) {
      if (!command.partitionBy().isEmpty()) {
        return; // with PARTITION BY only the folders that get new files are cleaned, as they are
        // opened
      }
      for (FileStatus s : existing) {
        fs.delete(s.getPath(), false);
      }
      return;
    }
    if (command.allowOverwrite()) {
      return;
    }
    Pattern wouldOverwrite =
        Pattern.compile(
            Pattern.quote(command.keyPrefix())
                + "/?([^/]+=[^/]*/)*(\\d{4}_part_\\d{2}|\\d{3}|manifest)(\\..*)?");
    for (FileStatus s : existing) {
      String key = s.getPath().toUri().getPath().substring(1);
      if (wouldOverwrite.matcher(key).matches()) {
        throw new RedshiftSqlError(
            "Specified unload destination on S3 is not empty. Consider using a different bucket / prefix, "
                + "manually removing the target files in S3, or using the ALLOWOVERWRITE option.");
      }
    }
  }

  private UnloadResult writeFiles(FileSystem fs, UnloadCommand command, ResultSet rs)
      throws SQLException, IOException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<ManifestColumn> described = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      described.add(ManifestColumn.of(md, i));
    }
    boolean parquet = command.format() == Format.PARQUET;
    List<ParquetColumn> parquetColumns = new ArrayList<>();
    if (parquet) {
      for (int i = 1; i <= n; i++) {
        parquetColumns.add(ParquetColumn.of(md, i, settings.timestampEncoding()));
      }
    }
    List<TextValues.Column> textColumns = parquet ? List.of() : TextValues.columns(md);
    Partitioning partitioning = Partitioning.of(command, md);
    int slices = command.parallel() ? settings.slices() : 1;
    long maxFileSize =
        Math.min(
            parquet ? parquetMaxFileSize(command.maxFileSize()) : command.maxFileSize(),
            settings.maxFileSizeCap());
    long chunk = settings.rowsPerSliceChunk();
    List<ParquetColumn> dataParquet = partitioning.project(parquetColumns);
    List<TextValues.Column> dataText = partitioning.project(textColumns);
    java.util.function.BiFunction<UnloadCommand, Integer, FileSink> newSink =
        (target, s) ->
            parquet
                ? new SliceWriter(fs, target, dataParquet, s, maxFileSize)
                : new TextSliceWriter(fs, target, dataText, s, maxFileSize);
    List<FileSink> writers = new ArrayList<>();
    long rows = 0;
    if (partitioning.isEmpty()) {
      FileSink[] sinks = new FileSink[slices];
      for (int s = 0; s < slices; s++) {
        sinks[s] = newSink.apply(command, s);
        writers.add(sinks[s]);
      }
      // Decoding JDBC rows and encoding files run on different threads: the reader hands batches to
      // one
      // writer thread per slice, so even one slice uses two cores.
      try (ParallelWriters parallel = new ParallelWriters(sinks)) {
        while (rs.next()) {
          parallel.write(
              (int) ((rows / chunk) % slices),
              readRow(rs, n, parquet, parquetColumns, textColumns));
          rows++;
        }
        parallel.finish();
      }
    } else {
      // One set of slice files per partition folder, written on this thread.
      java.util.Map<String, FileSink[]> byFolder = new java.util.LinkedHashMap<>();
      java.util.Map<String, long[]> counts = new java.util.HashMap<>();
      try {
        while (rs.next()) {
          Object[] row = readRow(rs, n, parquet, parquetColumns, textColumns);
          String folder = partitioning.folder(rs);
          FileSink[] sinks =
              byFolder.computeIfAbsent(
                  folder,
                  f -> {
                    if (command.cleanPath()) {
                      cleanFolder(fs, command.bucket(), partitioning.root() + f);
                    }
                    FileSink[] created = new FileSink[slices];
                    for (int s = 0; s < slices; s++) {
                      created[s] = newSink.apply(command.withKeyPrefix(partitioning.root() + f), s);
                      writers.add(created[s]);
                    }
                    return created;
                  });
          long[] count = counts.computeIfAbsent(folder, f -> new long[1]);
          sinks[(int) ((count[0]++ / chunk) % slices)].write(partitioning.projectRow(row));
          rows++;
        }
      } finally {
        for (FileSink w : writers) {
          w.close();
        }
      }
    }
    List<UnloadedFile> files = new ArrayList<>();
    for (FileSink w : writers) {
      files.addAll(w.files());
    }
    String manifestUrl = null;
    // A zero-row Parquet or JSON UNLOAD writes no files at all (REDSHIFT_REFERENCE.md sections 5
    // and 14.1).
    // With PARTITION BY there is one manifest, in the root folder.
    if (command.manifest() && !files.isEmpty()) {
      manifestUrl = "s3://" + command.bucket() + "/" + partitioning.root() + "manifest";
      S3Objects.writeString(
          fs,
          S3Objects.path(manifestUrl),
          manifest(command, partitioning.project(described), files, rows));
    }
    return new UnloadResult(rows, files, manifestUrl);
  }

  private static void cleanFolder(FileSystem fs, String bucket, String keyPrefix) {
    try {
      for (FileStatus s : S3Objects.list(fs, bucket, keyPrefix)) {
        fs.delete(s.getPath(), false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object[] readRow(
      ResultSet rs,
      int n,
      boolean parquet,
      List<ParquetColumn> parquetColumns,
      List<TextValues.Column> textColumns)
      throws SQLException {
    Object[] row = new Object[n];
    for (int i = 0; i < n; i++) {
      row[i] = parquet ? parquetColumns.get(i).read(rs, i + 1) : textColumns.get(i).read(rs, i + 1);
    }
    return row;
  }

  /** One slice's files of any format. */
  interface FileSink extends ParallelWriters.RowSink {
    List<UnloadedFile> files();
  }

  private static long parquetMaxFileSize(long requested) {
    return Math.max(
        PARQUET_SIZE_GRANULARITY, requested / PARQUET_SIZE_GRANULARITY * PARQUET_SIZE_GRANULARITY);
  }

  static String manifest(
      UnloadCommand command, List<ManifestColumn> columns, List<UnloadedFile> files, long rows)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode entries = root.putArray("entries");
    long totalBytes = 0;
    for (UnloadedFile f : files) {
      ObjectNode e = entries.addObject();
      e.put("url", f.url());
      ObjectNode meta = e.putObject("meta");
      meta.put("content_length", f.contentLength());
      if (command.manifestVerbose()) {
        meta.put("record_count", f.recordCount());
      }
      totalBytes += f.contentLength();
    }
    if (command.manifestVerbose()) {
      ArrayNode elements = root.putObject("schema").putArray("elements");
      for (ManifestColumn c : columns) {
        ObjectNode el = elements.addObject();
        el.put("name", c.name());
        ObjectNode type = el.putObject("type");
        type.put("base", c.base());
        if (c.base().equals("numeric")) {
          type.put("precision", c.precision());
          type.put("scale", c.scale());
        }
        if (c.byteLength() > 0) {
          type.put("byte_length", c.byteLength());
        }
      }
      ObjectNode meta = root.putObject("meta");
      meta.put("content_length", totalBytes);
      meta.put("record_count", rows);
      ObjectNode author = root.putObject("author");
      author.put("name", "Amazon Redshift");
      author.put("version", "1.0.0");
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /**
   * Redshift's file names: {@code <prefix><slice>_part_<part>} with PARALLEL ON, {@code
   * <prefix><part>} with PARALLEL OFF; {@code .parquet} for Parquet, the compression's suffix, or
   * the EXTENSION given instead.
   */
  static String fileName(UnloadCommand command, int slice, int part) {
    String base =
        command.parallel()
            ? String.format("%04d_part_%02d", slice, part)
            : String.format("%03d", part);
    if (command.extension() != null) {
      String ext = command.extension();
      return base + "." + (ext.startsWith(".") ? ext.substring(1) : ext);
    }
    return base
        + (command.format() == Format.PARQUET ? ".parquet" : "")
        + command.compression().suffix();
  }

  private static void recordLastUnloadCount(Connection connection, long rows) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("SELECT set_config('localredshift.last_unload_count', '" + rows + "', false)");
    }
  }

  /** The files of one emulated slice, rolling over to a new part at MAXFILESIZE. */
  private static final class SliceWriter implements FileSink {
    private final FileSystem fs;
    private final UnloadCommand command;
    private final RowWriteSupport writeSupport;
    private final int slice;
    private final long maxFileSize;
    private final List<UnloadedFile> files = new ArrayList<>();
    private ParquetWriter<Object[]> current;
    private String currentUrl;
    private long currentRows;
    private int part;

    SliceWriter(
        FileSystem fs,
        UnloadCommand command,
        List<ParquetColumn> columns,
        int slice,
        long maxFileSize) {
      this.fs = fs;
      this.command = command;
      this.writeSupport = new RowWriteSupport(columns);
      this.slice = slice;
      this.maxFileSize = maxFileSize;
    }

    @Override
    public void write(Object[] row) throws IOException {
      if (current != null && current.getDataSize() >= maxFileSize) {
        finishFile();
      }
      if (current == null) {
        openFile();
      }
      current.write(row);
      currentRows++;
    }

    private void openFile() throws IOException {
      currentUrl = "s3://" + command.bucket() + "/" + command.keyPrefix() + fileName();
      current =
          new Builder(
                  HadoopOutputFile.fromPath(S3Objects.path(currentUrl), fs.getConf()), writeSupport)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .withCompressionCodec(CompressionCodecName.SNAPPY)
              .withRowGroupSize(command.rowGroupSize())
              .withConf(fs.getConf())
              .build();
      currentRows = 0;
    }

    private String fileName() {
      return UnloadExecutor.fileName(command, slice, part);
    }

    private void finishFile() throws IOException {
      current.close();
      long length = fs.getFileStatus(S3Objects.path(currentUrl)).getLen();
      files.add(new UnloadedFile(currentUrl, length, currentRows));
      current = null;
      part++;
    }

    @Override
    public List<UnloadedFile> files() {
      return files;
    }

    @Override
    public void close() throws IOException {
      if (current != null) {
        finishFile();
      }
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final RowWriteSupport writeSupport;

    Builder(org.apache.parquet.io.OutputFile file, RowWriteSupport writeSupport) {
      super(file);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected org.apache.parquet.hadoop.api.WriteSupport<Object[]> getWriteSupport(
        org.apache.hadoop.conf.Configuration conf) {
      return writeSupport;
    }
  }
}
