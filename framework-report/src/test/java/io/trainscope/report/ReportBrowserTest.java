package io.trainscope.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a report in headless Chromium (Debian's {@code chromium}), as a reader would: no console
 * message, and every chart region of a full-page screenshot holds a drawn chart (enough non-white
 * pixels, coloured data pixels, many distinct colours). Skips, saying why, only where Chromium is
 * not installed; a Chromium that crashes, hangs (60 s) or dumps no page fails the test.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TRAINSCOPE_CHROMIUM", "/usr/bin/chromium"));
    private static final int WIDTH = 1200;
    /** Tall enough for the whole test report: one screenshot holds every chart. */
    private static final int HEIGHT = 10000;
    private static final String PROBE = "trainscope-probe";

    /** A chart's box in page coordinates. */
    record Box(String id, int x, int y, int width, int height) {
    }

    /** What one region of the screenshot holds. */
    record Ink(double inkFraction, double colourFraction, int colours) {
        boolean drawn() {
            return inkFraction >= 0.01 && colourFraction >= 0.002 && colours >= 16;
        }
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    @Test
    void everyChartRendersInHeadlessChromiumWithoutConsoleMessages(@TempDir Path root) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium not found at " + CHROMIUM
                + " (install Debian's chromium package, or set TRAINSCOPE_CHROMIUM): skipping the browser test");
        Path run = SyntheticRun.in(root, "browser").layers(5).finding(SyntheticRun.vanishing())
                .finding(SyntheticRun.nonFinite()).write();
        Path report = ReportWriter.writeFor(run);

        // The report plus a probe at the end of its body that lists every chart's box and logs one
        // console line (which proves console messages are captured); one Chromium run dumps the
        // DOM with the probe's output, logs the console and takes a screenshot of the whole page.
        String html = Files.readString(report, StandardCharsets.UTF_8);
        Path page = root.resolve("probed-report.html");
        Files.writeString(page, html.replace("</body>", PROBE_SCRIPT + "</body>"), StandardCharsets.UTF_8);
        Path png = root.resolve("report.png");
        Result chromium = chromium(root, "--enable-logging=stderr", "--v=0", "--dump-dom", "--screenshot=" + png,
                page.toUri().toString());
        // only an absent browser skips: a Chromium that is installed but crashes, hangs or prints no page fails
        assertThat(chromium.exit()).as("Chromium's exit status (-2: still running after 60 s; -1: could not be "
                + "started): " + tail(chromium.stderr())).isZero();
        assertThat(chromium.stdout()).as("the DOM Chromium dumped; it said: " + tail(chromium.stderr())).contains("</html>");

        List<String> console = chromium.stderr().lines().filter(l -> l.contains("CONSOLE")).toList();
        assertThat(console).as("console messages").singleElement().asString().contains(PROBE);
        Matcher boxes = Pattern.compile("<pre id=\"chart-boxes\">([^<]*)</pre>").matcher(chromium.stdout());
        assertThat(boxes.find()).as("the probe's output in the dumped DOM").isTrue();
        List<Box> charts = parseBoxes(boxes.group(1));
        assertThat(charts).extracting(Box::id).containsAll(ReportWriterTest.EVERY_CHART);

        assertThat(png).as("screenshot; chromium said: " + tail(chromium.stderr())).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(charts).allSatisfy(b -> assertThat(b.y() + b.height()).as(b.id() + " inside the screenshot")
                .isLessThanOrEqualTo(image.getHeight()));
        Map<String, Ink> inks = new LinkedHashMap<>();
        for (Box b : charts) {
            inks.put(b.id(), ink(image, b.x(), b.y(), b.width(), b.height()));
        }
        System.out.printf("browser: %d charts in a %dx%d screenshot; least ink %.3f, least colour %.4f, fewest colours %d%n",
                inks.size(), image.getWidth(), image.getHeight(),
                inks.values().stream().mapToDouble(Ink::inkFraction).min().orElse(0),
                inks.values().stream().mapToDouble(Ink::colourFraction).min().orElse(0),
                inks.values().stream().mapToInt(Ink::colours).min().orElse(0));
        assertThat(inks).allSatisfy((id, ink) -> assertThat(ink.drawn()).as(id + " " + ink).isTrue());
        // the check tells a blank region from a chart: the page's right margin is blank
        assertThat(ink(image, WIDTH - 40, 0, 40, image.getHeight()).drawn()).isFalse();
    }

    private static final String PROBE_SCRIPT = """
            <script>
            (function () {
              var out = [];
              document.querySelectorAll('[data-chart]').forEach(function (e) {
                var r = e.getBoundingClientRect();
                out.push([e.getAttribute('data-chart'), Math.round(r.left + window.scrollX), Math.round(r.top + window.scrollY),
                          Math.round(r.width), Math.round(r.height)].join(','));
              });
              var pre = document.createElement('pre');
              pre.id = 'chart-boxes';
              pre.textContent = out.join(';');
              document.body.appendChild(pre);
              console.log('trainscope-probe: ' + out.length + ' charts');
            })();
            </script>
            """;

    private static List<Box> parseBoxes(String text) {
        List<Box> boxes = new ArrayList<>();
        for (String entry : text.split(";")) {
            String[] f = entry.split(",");
            boxes.add(new Box(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4])));
        }
        return boxes;
    }

    /** Share of non-white pixels, share of coloured (not grey) pixels, and distinct colours in a region. */
    static Ink ink(BufferedImage image, int x0, int y0, int width, int height) {
        int left = Math.max(0, x0);
        int top = Math.max(0, y0);
        int w = Math.min(image.getWidth(), x0 + width) - left;
        int h = Math.min(image.getHeight(), y0 + height) - top;
        if (w <= 0 || h <= 0) {
            return new Ink(0, 0, 0);
        }
        int[] pixels = image.getRGB(left, top, w, h, null, 0, w);
        long ink = 0;
        long coloured = 0;
        BitSet colours = new BitSet(1 << 24);
        for (int p : pixels) {
            int rgb = p & 0xffffff;
            int r = rgb >> 16 & 0xff;
            int g = rgb >> 8 & 0xff;
            int b = rgb & 0xff;
            colours.set(rgb);
            int min = Math.min(r, Math.min(g, b));
            if (min < 235) {
                ink++;
            }
            if (Math.max(r, Math.max(g, b)) - min > 40) {
                coloured++;
            }
        }
        return new Ink(ink / (double) pixels.length, coloured / (double) pixels.length, colours.cardinality());
    }

    private static Result chromium(Path root, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + Files.createDirectories(root.resolve("chromium-profile")),
                "--window-size=" + WIDTH + "," + HEIGHT));
        cmd.addAll(List.of(args));
        Path out = root.resolve("chromium.out");
        Path err = root.resolve("chromium.err");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            return new Result(-1, "", e.getMessage());
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Result(-2, "", "timed out after 60 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String tail(String s) {
        List<String> lines = s.lines().filter(l -> !l.contains("dbus") && !l.isBlank()).toList();
        return lines.isEmpty() ? "(nothing on stderr)" : String.join(" / ", lines.subList(Math.max(0, lines.size() - 3),
                lines.size()));
    }
}
