package dev.redshiftdata.local.bulk;

import java.io.IOException;
import java.util.List;

/** The records of one COPY source file, as text fields in target column order. */
interface Records {

  /** The next record's fields (a null field is SQL NULL), or null at the end of the file. */
  List<String> next() throws IOException;

  /** The 1-based line on which the last record started. */
  long lineNumber();

  /** The last record's text, as stl_load_errors shows it (first 1024 characters). */
  String rawRecord();
}
