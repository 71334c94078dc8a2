package dev.lotussaga.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One stacked bar per side: its CPU per completed order, split by process (SVG). */
final class CpuChart {

  private static final String[] COLORS = {
    "#1c7ed6", "#f08c00", "#2f9e44", "#e03131", "#7048e8", "#0c8599", "#d6336c", "#5c940d",
    "#868e96", "#e8590c", "#3b5bdb"
  };

  private CpuChart() {}

  static String of(List<Tally> sides) {
    Set<String> processes = Tally.processesOf(sides);
    double max = 1;
    for (Tally side : sides) {
      max = Math.max(max, side.cpuMillisPerOrderTotal());
    }
    int width = 900;
    int barsTop = 40;
    int rowHeight = 34;
    int legendTop = barsTop + rowHeight * sides.size() + 10;
    StringBuilder svg =
        LatencyChart.start(
            width,
            legendTop + 18 * processes.size() + 10,
            "CPU per completed order (ms), by process, closed loop");
    double scale = (width - 200) / max;
    int y = barsTop;
    for (Tally side : sides) {
      svg.append(String.format(Locale.ROOT, "<text x='10' y='%d'>%s</text>%n", y + 16, side.side));
      Map<String, Double> cpu = side.cpuMillisPerOrder();
      double x = 80;
      int color = 0;
      for (String process : processes) {
        Double ms = cpu.get(process);
        if (ms != null && ms > 0) {
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x='%.1f' y='%d' width='%.1f' height='22' fill='%s'><title>%s %.1f"
                      + " ms</title></rect>%n",
                  x,
                  y,
                  ms * scale,
                  COLORS[color % COLORS.length],
                  process,
                  ms));
          x += ms * scale;
        }
        color++;
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%d'>%.1f</text>%n",
              x + 6,
              y + 16,
              side.cpuMillisPerOrderTotal()));
      y += rowHeight;
    }
    int color = 0;
    for (String process : processes) {
      int top = legendTop + 18 * color;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x='80' y='%d' width='12' height='12' fill='%s'/><text x='98' y='%d'>%s</text>%n",
              top,
              COLORS[color % COLORS.length],
              top + 11,
              Report.label(process, processes)));
      color++;
    }
    return svg.append("</svg>\n").toString();
  }
}
