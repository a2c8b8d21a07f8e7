package dev.twostep.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * From a flight recording of the server, the share of its method samples, per scenario, taken while the
 * step after the password was on the stack: ours (anything under a {@code dev.twostep} frame, with what it
 * asks of Keycloak, its database and caches) or Keycloak's OTP form. Of those, the ones rendering the step's
 * page (FreeMarker, as every Keycloak login page is made) are counted apart. Multiplied by the process's CPU
 * time in the same windows, that is the CPU the step costs; samples are taken of threads running Java code,
 * so this is an estimate, and the benchmark says so.
 */
final class OurStepShare {
    private static final List<String> STEPS = List.of("dev.twostep.",
            "org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator");
    private static final String PAGE = "org.keycloak.forms.login.freemarker.FreeMarkerLoginFormsProvider";

    /** When one scenario ran: samples between {@code from} and {@code to} belong to it. */
    record Window(String scenario, Instant from, Instant to) {
    }

    /** Samples per scenario: all of them, those with the step on the stack, and those of its page's render. */
    record Samples(long all, long step, long page) {
        static final Samples NONE = new Samples(0, 0, 0);

        double share() {
            return all == 0 ? 0 : (double) step / all;
        }

        double pageShare() {
            return all == 0 ? 0 : (double) page / all;
        }
    }

    /** The samples of every recording (one per node), by the window they fall into. */
    static Map<String, Samples> read(List<Path> recordings, List<Window> windows) {
        Map<String, long[]> counts = new HashMap<>();
        recordings.forEach(recording -> count(recording, windows, counts));
        Map<String, Samples> samples = new HashMap<>();
        counts.forEach((scenario, count) -> samples.put(scenario, new Samples(count[0], count[1], count[2])));
        return samples;
    }

    private static void count(Path recording, List<Window> windows, Map<String, long[]> counts) {
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                    continue;
                }
                Instant at = event.getStartTime();
                for (Window window : windows) {
                    if (!at.isBefore(window.from()) && at.isBefore(window.to())) {
                        long[] count = counts.computeIfAbsent(window.scenario(), key -> new long[3]);
                        count[0]++;
                        List<RecordedFrame> frames = event.getStackTrace().getFrames();
                        if (has(frames, STEPS)) {
                            count[1]++;
                            if (has(frames, List.of(PAGE))) {
                                count[2]++;
                            }
                        }
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording " + recording, e);
        }
    }

    private static boolean has(List<RecordedFrame> frames, List<String> prefixes) {
        for (RecordedFrame frame : frames) {
            if (frame.isJavaFrame()) {
                String type = frame.getMethod().getType().getName();
                if (prefixes.stream().anyMatch(type::startsWith)) {
                    return true;
                }
            }
        }
        return false;
    }
}
