package org.wardnet.bench.soak;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The soak's samples drawn as a PNG: one panel per quantity (heap, threads, open files, store, health,
 * users' requests), minutes along the bottom, the faults' minutes as faint vertical lines. Each
 * panel's axis starts at zero, so a flat line looks flat and a growing one cannot hide in a zoom.
 */
final class SoakPlot {

    /** A line of a panel. */
    record Series(String name, Color color, ToDoubleFunction<SoakSample> value) {
    }

    /** A panel: a title, a unit and its lines. */
    record Panel(String title, String unit, List<Series> series) {
    }

    private static final int PANEL_WIDTH = 620;
    private static final int PANEL_HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 40;

    private SoakPlot() {
    }

    static void write(Path file, String title, List<Panel> panels, List<SoakSample> samples, List<Integer> faultMinutes)
            throws IOException {
        int columns = 2;
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT + 40,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 12, 26);
        int maxMinute = samples.isEmpty() ? 1 : Math.max(1, samples.get(samples.size() - 1).minute());
        for (int i = 0; i < panels.size(); i++) {
            int x = (i % columns) * PANEL_WIDTH;
            int y = 40 + (i / columns) * PANEL_HEIGHT;
            draw(g, panels.get(i), samples, faultMinutes, maxMinute, x, y);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void draw(Graphics2D g, Panel panel, List<SoakSample> samples, List<Integer> faultMinutes,
            int maxMinute, int x0, int y0) {
        int width = PANEL_WIDTH - LEFT - RIGHT;
        int height = PANEL_HEIGHT - TOP - BOTTOM;
        int left = x0 + LEFT;
        int top = y0 + TOP;
        double max = 0;
        for (Series series : panel.series()) {
            for (SoakSample s : samples) {
                max = Math.max(max, series.value().applyAsDouble(s));
            }
        }
        max = niceCeiling(max);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(panel.title() + " (" + panel.unit() + ")", left, y0 + 22);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(235, 235, 235));
        for (int minute : faultMinutes) {
            int x = left + (int) Math.round(width * minute / (double) maxMinute);
            g.drawLine(x, top, x, top + height);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int tick = 0; tick <= 4; tick++) {
            int y = top + height - height * tick / 4;
            g.setColor(new Color(210, 210, 210));
            g.drawLine(left, y, left + width, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(max * tick / 4), x0 + 8, y + 4);
        }
        int step = maxMinute > 60 ? 30 : 10;
        for (int minute = 0; minute <= maxMinute; minute += step) {
            int x = left + (int) Math.round(width * minute / (double) maxMinute);
            g.drawString(minute + " min", x - 14, top + height + 16);
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, top, width, height);
        int legendX = left + width;
        for (int k = panel.series().size() - 1; k >= 0; k--) {
            Series series = panel.series().get(k);
            g.setStroke(new BasicStroke(1.8f));
            g.setColor(series.color());
            int previousX = -1;
            int previousY = -1;
            for (SoakSample s : samples) {
                int x = left + (int) Math.round(width * s.minute() / (double) maxMinute);
                int y = top + height - (int) Math.round(height * series.value().applyAsDouble(s) / max);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            int textWidth = g.getFontMetrics().stringWidth(series.name());
            legendX -= textWidth + 22;
            g.fillRect(legendX, y0 + 14, 12, 4);
            g.drawString(series.name(), legendX + 16, y0 + 20);
        }
    }

    /** A round number at or above {@code value}, so the axis reads well (1, 2 or 5 times a power of ten). */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= value) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String label(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
