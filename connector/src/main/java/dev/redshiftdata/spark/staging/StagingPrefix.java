package dev.redshiftdata.spark.staging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One staging prefix under {@code tempdir}: {@code
 * <tempdir>/redshift-data-<yyyyMMdd'T'HHmmss'Z'>-<uuid>/}. The creation time is part of the name so
 * that a sweep can tell a prefix's age without trusting object timestamps, and the fixed shape lets
 * it recognise our prefixes and never touch anything else under {@code tempdir}.
 */
public final class StagingPrefix {

  /** Every staging prefix's name starts with this. */
  public static final String NAME_PREFIX = "redshift-data-";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  // Lower-case canonical UUID only: that is what we write, so nothing else is ours.
  private static final Pattern NAME =
      Pattern.compile(
          Pattern.quote(NAME_PREFIX)
              + "(\\d{8}T\\d{6}Z)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?");

  private final String tempdir;
  private final Instant createdAt;
  private final UUID id;

  private StagingPrefix(String tempdir, Instant createdAt, UUID id) {
    this.tempdir = tempdir;
    this.createdAt = createdAt;
    this.id = id;
  }

  /** A new prefix under {@code tempdir}, named after {@code now} and a random UUID. */
  public static StagingPrefix create(String tempdir, Instant now) {
    return create(tempdir, now, UUID.randomUUID());
  }

  static StagingPrefix create(String tempdir, Instant now, UUID id) {
    Objects.requireNonNull(tempdir, "tempdir is null");
    Objects.requireNonNull(now, "now is null");
    Objects.requireNonNull(id, "id is null");
    if (tempdir.isEmpty()) {
      throw new IllegalArgumentException("Cannot create a staging prefix: tempdir is empty");
    }
    return new StagingPrefix(withSlash(tempdir), now.truncatedTo(ChronoUnit.SECONDS), id);
  }

  /**
   * The creation time encoded in a prefix name ({@code redshift-data-20250102T030405Z-<uuid>}, with
   * or without a trailing slash), or empty when the name is not one of ours.
   */
  public static Optional<Instant> createdAt(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(TIME.parse(m.group(1))));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // e.g. month 13: looks like ours but is not
    }
  }

  /** Whether {@code name} (one path segment) is a staging prefix name this class would write. */
  public static boolean isStagingName(String name) {
    return createdAt(name).isPresent();
  }

  /** {@code tempdir} with exactly one trailing slash added when missing. */
  static String withSlash(String tempdir) {
    return tempdir.endsWith("/") ? tempdir : tempdir + "/";
  }

  /** The last path segment, without a slash: {@code redshift-data-<time>-<uuid>}. */
  public String name() {
    return NAME_PREFIX + TIME.format(createdAt) + "-" + id;
  }

  /** The full URL, ending in {@code /}, in the scheme of {@code tempdir}. */
  public String url() {
    return tempdir + name() + "/";
  }

  /** The {@code tempdir} this prefix lives in, ending in {@code /}. */
  public String tempdir() {
    return tempdir;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public UUID id() {
    return id;
  }

  @Override
  public String toString() {
    return url();
  }
}
