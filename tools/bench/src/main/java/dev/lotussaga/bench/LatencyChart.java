package dev.lotussaga.bench;

import java.util.Locale;
import java.util.Map;

/** Horizontal bars of p50, p95 and p99 for each latency series, on one linear scale (SVG). */
final class LatencyChart {

  private LatencyChart() {}

  /** Horizontal bars of p50, p95 and p99 for each series, on one linear scale. */
  static String of(Map<String, Latencies> series) {
    double max = 1;
    for (Latencies l : series.values()) {
      max = Math.max(max, l.percentileMillis(99));
    }
    int rowHeight = 70;
    int width = 900;
    StringBuilder svg =
        LatencyChart.start(width, rowHeight * series.size() + 40, "Latency (ms): p50, p95, p99");
    String[] colors = {"#2b8a3e", "#e67700", "#c92a2a"};
    double[] percentiles = {50, 95, 99};
    int y = 40;
    for (var entry : series.entrySet()) {
      svg.append(
          String.format(Locale.ROOT, "<text x='10' y='%d'>%s</text>%n", y + 12, entry.getKey()));
      for (int i = 0; i < percentiles.length; i++) {
        double value = entry.getValue().percentileMillis(percentiles[i]);
        double barWidth = Double.isNaN(value) ? 0 : value / max * (width - 120);
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x='10' y='%d' width='%.1f' height='12' fill='%s'/>"
                    + "<text x='%.1f' y='%d'>%.1f</text>%n",
                y + 18 + i * 14,
                barWidth,
                colors[i],
                barWidth + 14,
                y + 28 + i * 14,
                value));
      }
      y += rowHeight;
    }
    return svg.append("</svg>\n").toString();
  }

  /** An SVG document's opening tag and its title, in the style both charts share. */
  static StringBuilder start(int width, int height, String title) {
    return new StringBuilder()
        .append(
            String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d'"
                    + " font-family='sans-serif' font-size='12'>%n",
                width,
                height))
        .append("<text x='10' y='20' font-size='14'>")
        .append(title)
        .append("</text>\n");
  }
}
