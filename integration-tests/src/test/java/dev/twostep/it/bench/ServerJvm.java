package dev.twostep.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmark reads off a running Keycloak's JVM from outside, with the JDK's own tools: the CPU time
 * the process has used, its heap after a full collection, and a flight recording.
 */
final class ServerJvm {
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final String RECORDING = "two-step-bench";

    private final ProcessHandle process;
    private final Path jcmd;

    ServerJvm(long pid) {
        this.process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        // The server's own JDK: its jcmd speaks its attach protocol.
        Path java = Path.of(process.info().command().orElseThrow(() -> new IllegalStateException(
                "the command of process " + pid + " cannot be read")));
        this.jcmd = java.resolveSibling("jcmd");
    }

    /** CPU time of every thread of the server so far (user and system). */
    Duration cpu() {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
                "this system does not report the CPU time of process " + process.pid()));
    }

    /** Bytes of heap in use right after a full collection. */
    long heapAfterFullGc() {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap use");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /**
     * Starts a flight recording into {@code file}: JFR's "profile" settings with method samples every 1 ms
     * of Java time per thread, since the step after the password is a few percent of a sign-in and needs
     * hundreds of samples to be told apart from noise. The overhead falls on every scenario alike.
     */
    void startRecording(Path file) {
        jcmd("JFR.start", "name=" + RECORDING, "settings=profile", "method-profiling=max",
                "filename=" + file.toAbsolutePath());
    }

    /** Stops the recording and writes its file. */
    void stopRecording() {
        jcmd("JFR.stop", "name=" + RECORDING);
    }

    /**
     * Runs one jcmd command, again up to twice when the attach fails: a JVM busy with a burst of sign-ins can
     * miss jcmd's ten-second attach handshake, and one missed handshake should not cost a whole benchmark run.
     */
    private String jcmd(String... command) {
        IllegalStateException failed = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return jcmdOnce(command);
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).contains("AttachNotSupportedException")) {
                    throw e;
                }
                failed = e;
            }
        }
        throw failed;
    }

    private String jcmdOnce(String... command) {
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(process.pid())));
        line.addAll(List.of(command));
        try {
            Process run = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(2, TimeUnit.MINUTES) || run.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
