package io.trainscope.cli;

import io.trainscope.cli.env.CpuInfo;
import io.trainscope.cli.env.GemmProbe;
import io.trainscope.cli.env.BlasThreads;
import io.trainscope.core.model.TwoCoreProducts;
import io.trainscope.cli.env.NativeCalibration;
import io.trainscope.cli.env.NativeSettings;
import io.trainscope.core.run.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code trainscope env}: the machine, the native settings in effect, a quick GEMM speed, and what trainscope chose and why. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Prints the CPU, the ND4J backend, the OpenBLAS core type, the thread settings and where they "
                + "come from, a quick GEMM GFLOP/s, and the native settings trainscope chose for this machine and why.",
                "Use --export for the lines an application that embeds trainscope should run before starting Java."})
final class EnvCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--export", description = "Print only the shell export lines of the chosen settings.")
    boolean export;

    @CommandLine.Option(names = "--recalibrate", description = "Choose and verify the native settings again.")
    boolean recalibrate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether to calibrate in this process: not when the launcher already did for {@code --recalibrate} (then this process runs with the new choice). */
    private boolean calibrateHere(Map<String, String> env) {
        return recalibrate && !"1".equals(env.get("TRAINSCOPE_RECALIBRATED"));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = System.getenv();
        NativeSettings settings = NativeCalibration.forThisMachine(calibrateHere(env));
        if (export) {
            return export(settings, out);
        }
        environment(out, env, settings);
        out.println();
        choice(out, settings);
        out.flush();
        GemmProbe.Result gemm = GemmProbe.run(15);
        out.printf(Locale.ROOT, "%ngemm 256x784x512 (float32, median of 15): %.1f GFLOP/s, %s (max relative error %.1e)%n",
                gemm.gflops(), gemm.correct() ? "correct" : "WRONG RESULTS", gemm.maxRelativeError());
        out.flush();
        return gemm.correct() ? TrainscopeCli.OK : TrainscopeCli.FAILED;
    }

    /** The machine and the native settings in effect in this process, and where they come from. */
    private static void environment(PrintWriter out, Map<String, String> env, NativeSettings settings) {
        CpuInfo cpu = CpuInfo.read();
        out.println("cpu:                " + cpu.describe());
        out.println("java:               " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        out.println("nd4j backend:       nd4j-native 1.0.0-M2.1 (CPU), OpenBLAS 0.3.19");
        out.println("OMP_NUM_THREADS:    " + env.getOrDefault("OMP_NUM_THREADS", "unset (ND4J uses one thread per core)"));
        out.println("BLAS threads:       " + (env.containsKey(BlasThreads.VARIABLE) ? env.get(BlasThreads.VARIABLE)
                + " (set at start-up from " + BlasThreads.VARIABLE + ")" : "ND4J's (its OpenMP thread count)"));
        out.println("OPENBLAS_CORETYPE:  " + env.getOrDefault("OPENBLAS_CORETYPE", "unset (OpenBLAS detects "
                + settings.detectedCore() + ")"));
        out.println("two-core products:  " + (TwoCoreProducts.isEnabled() ? "on, column granule "
                + TwoCoreProducts.columnGranule() + " (large products of dense layers split over two threads)" : "off"));
        out.println("memory check:       javacpp's resident-memory check " + Environment.physicalMemoryCheck());
        out.println("settings source:    " + env.getOrDefault("TRAINSCOPE_NATIVE_SOURCE", settings.source(env)
                + " [not started by the launcher]"));
    }

    /** The settings trainscope chose for this machine, each with its reason. */
    private static void choice(PrintWriter out, NativeSettings settings) {
        out.println("trainscope's choice for this machine (calibrated " + settings.calibrated() + ", cached in "
                + NativeCalibration.cacheFile() + "):");
        out.println("  OMP_NUM_THREADS   " + (settings.ompThreads() == null ? "unset" : settings.ompThreads())
                + ", BLAS threads " + (settings.blasThreads() == null ? "ND4J's" : settings.blasThreads()) + ": "
                + settings.ompReason());
        out.println("  OPENBLAS_CORETYPE " + (settings.openblasCoreType() == null ? "unset" : settings.openblasCoreType())
                + ": " + settings.coreTypeReason());
        out.println("  two-core products " + (settings.twoCoreGranule() == null ? "off"
                : "on, column granule " + settings.twoCoreGranule()) + ": " + settings.twoCoreReason());
    }

    /** {@code env --export}: the settings as shell lines. */
    private static int export(NativeSettings settings, PrintWriter out) {
        settings.exports(Map.of()).forEach((k, v) -> {
            if (!k.equals("TRAINSCOPE_NATIVE_SOURCE")) {
                out.println("export " + k + "=" + v);
            }
        });
        out.flush();
        return TrainscopeCli.OK;
    }
}
