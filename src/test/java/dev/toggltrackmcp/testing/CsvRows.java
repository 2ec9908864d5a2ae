package dev.toggltrackmcp.testing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV back with Jackson's RFC 4180 parser (quotes, doubled quotes, line breaks in fields).
 */
public final class CsvRows {
  private CsvRows() {}

  /** Every row, the header first, each as its list of cells. */
  public static List<List<String>> parse(String csv) {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(csv)) {
      return rows.readAll().stream().map(Arrays::asList).toList();
    } catch (IOException e) {
      throw new IllegalStateException("not CSV: " + e.getMessage(), e);
    }
  }
}
