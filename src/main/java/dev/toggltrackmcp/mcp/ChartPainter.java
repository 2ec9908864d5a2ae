package dev.toggltrackmcp.mcp;

import dev.toggltrackmcp.analytics.ChartSeries;
import java.awt.AWTError;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a {@link ChartSeries} as stacked bars with Java2D and encodes it as PNG with ImageIO: axis
 * in hours, a legend, a title. Names a font cannot show are drawn with a font that can (CJK on a
 * system that has one), else with "?" in place of what no font shows — never a crash. The only
 * class that touches AWT, loaded on the first chart, after {@link #headless()}.
 */
final class ChartPainter {
  static final int WIDTH = 960;
  static final int HEIGHT = 540;
  private static final int LEFT = 72;
  private static final int TOP = 56;
  private static final int RIGHT = 250;
  private static final int BOTTOM = 96;
  private static final int LEGEND_NAME = 24;
  private static final Color INK = new Color(0x33, 0x33, 0x33);
  private static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
  private static final Color NONE = new Color(0xBD, 0xBD, 0xBD);
  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759),
    new Color(0x76B7B2), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
    new Color(0x9C755F), new Color(0x86BCB6)
  };
  private static final double[] STEPS = {0.25, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000};

  /** A drawn chart; {@code namesChanged} when some characters had no font and show as "?". */
  record Painted(byte[] png, int width, int height, boolean namesChanged) {}

  private final Map<String, Font> fontFor = new HashMap<>();
  private boolean namesChanged;

  private ChartPainter() {}

  /**
   * Keeps AWT headless (no window system, no dock icon), unless the user chose otherwise; must run
   * before any AWT class loads.
   */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * @param labels one short label per bar, in order
   * @throws ChartUnavailable when this Java cannot draw (no fonts, no graphics libraries)
   */
  static Painted paint(ChartSeries series, String title, List<String> labels) {
    try {
      return new ChartPainter().draw(series, title, labels);
    } catch (AWTError | LinkageError | InternalError | RuntimeException e) {
      // the edge of the platform's native graphics and font stack
      throw new ChartUnavailable(e);
    }
  }

  private Painted draw(ChartSeries series, String title, List<String> labels) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      text(g, title, LEFT, 32, 16, Font.BOLD, INK);
      int plotW = WIDTH - LEFT - RIGHT;
      int plotH = HEIGHT - TOP - BOTTOM;
      double maxHours =
          series.bars().stream().mapToLong(ChartSeries.Bar::seconds).max().orElse(0) / 3600.0;
      double step = step(maxHours);
      double top = Math.max(step, Math.ceil(maxHours / step) * step);
      axis(g, plotW, plotH, step, top);
      List<Color> colors = colors(series.stacks());
      bars(g, series, labels, colors, plotW, plotH, top);
      legend(g, series, colors);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", png)) {
        throw new IllegalStateException("no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    return new Painted(png.toByteArray(), WIDTH, HEIGHT, namesChanged);
  }

  /** A round step giving at most eight grid lines. */
  static double step(double maxHours) {
    for (double s : STEPS) {
      if (maxHours / s <= 8) {
        return s;
      }
    }
    return Math.ceil(maxHours / 8 / 1000) * 1000;
  }

  private void axis(Graphics2D g, int plotW, int plotH, double step, double top) {
    int baseline = TOP + plotH;
    for (double h = 0; h <= top + step / 2; h += step) {
      int y = baseline - (int) Math.round(h / top * plotH);
      g.setColor(GRID);
      g.drawLine(LEFT, y, LEFT + plotW, y);
      String label = step < 1 ? String.format(Locale.ROOT, "%.2f", h) : String.valueOf((long) h);
      FontMetrics m = g.getFontMetrics(font(label, 11, Font.PLAIN));
      text(g, label, LEFT - 8 - m.stringWidth(label), y + 4, 11, Font.PLAIN, INK);
    }
    g.setColor(INK);
    g.drawLine(LEFT, TOP, LEFT, baseline);
    g.drawLine(LEFT, baseline, LEFT + plotW, baseline);
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2, 20, TOP + plotH / 2.0);
    text(g, "hours", 20 - 16, TOP + plotH / 2 + 4, 12, Font.PLAIN, INK);
    g.setTransform(saved);
  }

  private void bars(
      Graphics2D g,
      ChartSeries series,
      List<String> labels,
      List<Color> colors,
      int plotW,
      int plotH,
      double top) {
    int n = Math.max(1, series.bars().size());
    double slot = (double) plotW / n;
    int width = Math.max(1, (int) Math.round(slot * 0.7));
    int baseline = TOP + plotH;
    int every = Math.max(1, (int) Math.ceil(n / (plotW / 60.0)));
    boolean slanted = labels.stream().anyMatch(l -> l.length() * 7 > slot * every);
    for (int i = 0; i < series.bars().size(); i++) {
      ChartSeries.Bar bar = series.bars().get(i);
      int x = LEFT + (int) Math.round(i * slot + (slot - width) / 2);
      double y = baseline;
      for (int s = 0; s < bar.parts().size(); s++) {
        double h = bar.parts().get(s) / 3600.0 / top * plotH;
        if (h <= 0) {
          continue;
        }
        g.setColor(colors.get(s));
        g.fillRect(x, (int) Math.round(y - h), width, Math.max(1, (int) Math.round(h)));
        y -= h;
      }
      if (n <= 31 && bar.seconds() > 0) {
        String total = String.format(Locale.ROOT, "%.1f", bar.seconds() / 3600.0);
        FontMetrics m = g.getFontMetrics(font(total, 10, Font.PLAIN));
        text(g, total, x + (width - m.stringWidth(total)) / 2, (int) y - 4, 10, Font.PLAIN, INK);
      }
      if (i % every == 0) {
        label(g, labels.get(i), x + width / 2, baseline + 16, slanted);
      }
    }
  }

  private void label(Graphics2D g, String label, int centre, int y, boolean slanted) {
    if (!slanted) {
      FontMetrics m = g.getFontMetrics(font(label, 11, Font.PLAIN));
      text(g, label, centre - m.stringWidth(label) / 2, y, 11, Font.PLAIN, INK);
      return;
    }
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 5, centre, y - 6);
    FontMetrics m = g.getFontMetrics(font(label, 11, Font.PLAIN));
    text(g, label, centre - m.stringWidth(label), y, 11, Font.PLAIN, INK);
    g.setTransform(saved);
  }

  private void legend(Graphics2D g, ChartSeries series, List<Color> colors) {
    int x = WIDTH - RIGHT + 24;
    int y = TOP + 4;
    for (int s = 0; s < series.stacks().size() && y < HEIGHT - 30; s++) {
      ChartSeries.Stack stack = series.stacks().get(s);
      g.setColor(colors.get(s));
      g.fillRect(x, y, 12, 12);
      g.setColor(INK);
      g.setStroke(new BasicStroke(0.5f));
      g.drawRect(x, y, 12, 12);
      String name = shortened(stack.name(), LEGEND_NAME);
      text(g, name, x + 18, y + 11, 11, Font.PLAIN, INK);
      String hours = String.format(Locale.ROOT, "%.1f h", stack.seconds() / 3600.0);
      text(g, hours, x + 18, y + 24, 10, Font.PLAIN, Color.GRAY);
      y += 34;
    }
  }

  /** Toggl's project colours where they tell stacks apart, else the palette's next one. */
  private static List<Color> colors(List<ChartSeries.Stack> stacks) {
    List<Color> colors = new ArrayList<>();
    int next = 0;
    for (ChartSeries.Stack s : stacks) {
      boolean nothing =
          s.key().equals("none") || s.key().equals("false") || s.key().equals(ChartSeries.OTHERS);
      Color c = nothing ? NONE : parse(s.color());
      while (c == null || !nothing && colors.contains(c) && next < PALETTE.length * 2) {
        c = PALETTE[next++ % PALETTE.length];
      }
      colors.add(c);
    }
    return colors;
  }

  private static Color parse(String hex) {
    if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
      return null;
    }
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }

  static String shortened(String name, int most) {
    return name.codePointCount(0, name.length()) <= most
        ? name
        : name.substring(0, name.offsetByCodePoints(0, most - 1)) + "…";
  }

  private void text(Graphics2D g, String s, int x, int y, int size, int style, Color color) {
    Font f = font(s, size, style);
    g.setFont(f);
    g.setColor(color);
    g.drawString(f.canDisplayUpTo(s) == -1 ? s : shown(f, s), x, y);
  }

  /** The first font that shows all of {@code s}: the default sans-serif, else any installed. */
  private Font font(String s, int size, int style) {
    Font base = new Font(Font.SANS_SERIF, style, size);
    if (base.canDisplayUpTo(s) == -1) {
      return base;
    }
    Font found =
        fontFor.computeIfAbsent(
            s,
            k -> {
              for (String family :
                  GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
                Font f = new Font(family, Font.PLAIN, 12);
                if (f.canDisplayUpTo(k) == -1) {
                  return f;
                }
              }
              return base;
            });
    return found.deriveFont(style, (float) size);
  }

  /** What {@code f} can show of {@code s}: "?" for each character it cannot. */
  private String shown(Font f, String s) {
    namesChanged = true;
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(c -> out.appendCodePoint(f.canDisplay(c) ? c : '?'));
    return out.toString();
  }
}
