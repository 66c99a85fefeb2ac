package io.trainscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a written report back in tests: which charts it holds, what their captions say. Shared with the CLI's tests. */
public final class ReportPages {

    private static final Pattern CHART = Pattern.compile("data-chart=\"([^\"]+)\"");
    private static final Pattern CAPTION = Pattern.compile("<figcaption>(.*?)</figcaption>");

    private ReportPages() {
    }

    /** The {@code data-chart} ids of every chart in a report's HTML, in page order. */
    public static List<String> chartIds(String html) {
        Matcher m = CHART.matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The text of every figure caption, in page order (HTML entities left as written). */
    public static List<String> captions(String html) {
        Matcher m = CAPTION.matcher(html);
        List<String> captions = new ArrayList<>();
        while (m.find()) {
            captions.add(m.group(1));
        }
        return captions;
    }
}
