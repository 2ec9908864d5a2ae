package dev.toggltrackmcp.mcp;

/**
 * This Java cannot draw a chart (a runtime without fonts or graphics libraries); the chart tool
 * then answers with its totals alone. Kept apart from {@link ChartPainter} so that catching it does
 * not load AWT.
 */
final class ChartUnavailable extends RuntimeException {
  ChartUnavailable(Throwable cause) {
    super(cause.getClass().getSimpleName(), cause, false, false);
  }
}
