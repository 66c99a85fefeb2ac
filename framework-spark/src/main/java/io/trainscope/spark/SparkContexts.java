package io.trainscope.spark;

import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.SparkSpec;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Spark context runs train in: the one already running in this JVM (under
 * {@code spark-submit}, or for the next seed of a config), else a new one for the config's
 * {@code training.spark.master}. A master given to {@code spark-submit} ({@code spark.master})
 * wins over the config's. The context lives until the JVM exits (Spark stops it then), so the
 * seeds of a config share it.
 */
final class SparkContexts {

    /** The JVM options Spark 3.1 and DL4J need on Java 17, for the driver and every executor (from the build). */
    static final String JAVA_OPTIONS = javaOptions();

    private static final Logger log = LoggerFactory.getLogger(SparkContexts.class);
    private static JavaSparkContext current;

    private SparkContexts() {
    }

    /** The running context, or a new one for {@code spec}. */
    static synchronized JavaSparkContext open(SparkSpec spec, String appName) {
        requireOpenModules();
        if (current != null && !current.sc().isStopped()) {
            return current;
        }
        SparkConf conf = new SparkConf();
        if (!conf.contains("spark.master")) {
            conf.setMaster(spec.master());
        } else if (!conf.get("spark.master").equals(spec.master())) {
            log.info("training on spark-submit's master {} instead of the config's {}", conf.get("spark.master"),
                    spec.master());
        }
        conf.setIfMissing("spark.app.name", "trainscope " + appName);
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "localhost");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        current = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
        return current;
    }

    /** Fails with the fix when the JVM was started without the options Spark needs on Java 17. */
    static void requireOpenModules() {
        Module unnamed = SparkContexts.class.getModule();
        boolean open = ByteBuffer.class.getModule().isOpen("java.nio", unnamed)
                && ByteBuffer.class.getModule().isOpen("sun.nio.ch", unnamed);
        if (!open) {
            throw new TrainscopeException("training on Spark needs the JVM options " + JAVA_OPTIONS
                    + " (Spark 3.1 reads direct buffers); ./trainscope sets them; with spark-submit pass them in "
                    + "--driver-java-options and spark.executor.extraJavaOptions (docs/scale-out.md)");
        }
    }

    private static String javaOptions() {
        try (InputStream in = SparkContexts.class.getResourceAsStream("java-options")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
