package dev.twostep.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.twostep.core.delivery.twilio.TwilioStandIn;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.FormBrowser;
import dev.twostep.it.support.KeycloakServer;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.TwilioInbox;

/**
 * The sign-in benchmark on one server or on the nodes of a cluster: sign-ins per second and p50/p95 for
 * (a) the password alone, (b) Keycloak's own OTP form after the password, (c) our flow with the app,
 * (d) our flow with a text message through the Twilio stand-in, (e) our flow from a trusted browser. Every
 * user signed in once before, 90 s or more before the measured sign-in (its only one in that time); the
 * scenarios run in interleaved rounds, so that whatever drifts (JIT, caches, the database) falls on all alike.
 * Beside the rates: the servers' CPU per sign-in, the share of it spent in the step after the password
 * (flight recording), our notes and single-use entries, the heap after many sign-ins, and
 * text messages, calls and Twilio requests per SMS sign-in. It fails when a sign-in does not get through; its
 * callers assert that every one was counted and sent one text: the numbers are printed, never a reason to fail.
 */
final class SignInBenchmark {
    static final int THREADS = Integer.getInteger("bench.threads", 4);
    static final int SIGN_INS = Integer.getInteger("bench.signIns", 200);
    static final int WARM_UP = Integer.getInteger("bench.warmUp", 30);
    /** Sign-ins of the impatient kind (reloads, delivery checks) counted for messages per sign-in. */
    static final int IMPATIENT = Integer.getInteger("bench.impatientSignIns", 40);
    private static final int ROUNDS = 4;
    private static final Duration SAME_USER_GAP = Duration.ofSeconds(90);

    /** What one scenario measured. */
    record Measured(String name, int count, Duration wall, List<Long> micros, Duration cpu) {
        double perSecond() {
            return count / (wall.toNanos() / 1e9);
        }

        double cpuMillisPerSignIn() {
            return cpu.toNanos() / 1e6 / count;
        }

        long percentile(int p) {
            List<Long> sorted = micros.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000;
        }
    }

    /**
     * Everything one run printed, for a caller that compares runs (two nodes against one), with the texts
     * counted: {@code smsTexts} during the measured SMS sign-ins, {@code impatientTexts} during the
     * {@code impatientSignIns} that reloaded and polled.
     */
    record Report(List<Measured> results, String text, int smsTexts, int impatientSignIns, int impatientTexts) {
        double perSecond(int scenario) {
            return results.get(scenario).perSecond();
        }
    }

    private final List<KeycloakServer> nodes;
    private final List<ServerJvm> jvms;
    private final TwilioStandIn twilio;
    private final String setUp;
    private final Path recording;
    private final int memorySignIns;

    /**
     * {@code setUp}: the servers in words ("one server on PostgreSQL"); {@code recording}: where the flight
     * recordings go (one per node); {@code memorySignIns}: sign-ins between two heap readings, 0 for none.
     */
    SignInBenchmark(List<KeycloakServer> nodes, TwilioStandIn twilio, String setUp, Path recording,
                    int memorySignIns) {
        this.nodes = List.copyOf(nodes);
        this.jvms = nodes.stream().map(node -> new ServerJvm(node.pid())).toList();
        this.twilio = twilio;
        this.setUp = setUp;
        this.recording = recording;
        this.memorySignIns = memorySignIns;
    }

    Report run() {
        TwilioInbox phones = new TwilioInbox(twilio);
        BenchRealm realm = new BenchRealm(nodes.get(0));
        int each = WARM_UP + SIGN_INS;
        List<BenchUser> password = realm.users("a", each, BenchUser.Primary.APP);
        List<BenchUser> otpForm = realm.users("b", each, BenchUser.Primary.APP);
        List<BenchUser> app = realm.users("c", each, BenchUser.Primary.APP);
        List<BenchUser> sms = realm.users("d", each, BenchUser.Primary.SMS);
        List<BenchUser> trusted = realm.users("e", each, BenchUser.Primary.APP);
        List<BenchUser> impatient = realm.users("f", IMPATIENT, BenchUser.Primary.SMS);

        // Every user is a returning one, alike in every scenario: each signed in once before, 90 s or more
        // before being measured; the trusted-device users did so with a code, trusting that browser, and the
        // SMS users with a text, so that Lookup (on in the bench) knows their numbers as a returning seller's.
        SignIns signIns = new SignIns(nodes, phones);
        Map<BenchUser, FormBrowser> trustedBrowsers = new ConcurrentHashMap<>();
        List<Runnable> earlier = new ArrayList<>();
        for (List<BenchUser> users : List.of(password, otpForm, app)) {
            users.forEach(user -> earlier.add(() -> signIns.passwordOnly(user, signIns.browser())));
        }
        for (List<BenchUser> users : List.of(sms, impatient)) {
            users.forEach(user -> earlier.add(() -> signIns.twoStepSms(user, signIns.browser())));
        }
        trusted.forEach(user -> earlier.add(() -> trustedBrowsers.put(user, signIns.trustBrowser(user))));
        inParallel(earlier);
        long earlierDone = System.nanoTime();

        Function<BenchUser, FormBrowser> fresh = user -> signIns.browser();
        List<Scenario> scenarios = List.of(
                new Scenario("(a) password only", password, fresh, signIns::passwordOnly),
                new Scenario("(b) Keycloak OTP form", otpForm, fresh, signIns::keycloakOtpForm),
                new Scenario("(c) two-step, authenticator app", app, fresh, signIns::twoStepApp),
                new Scenario("(d) two-step, SMS via Twilio stand-in", sms, fresh, signIns::twoStepSms),
                new Scenario("(e) two-step, trusted device", trusted, trustedBrowsers::get,
                        signIns::trustedDevice));
        Duration sinceEarlier = Duration.ofNanos(System.nanoTime() - earlierDone);
        if (sinceEarlier.compareTo(SAME_USER_GAP) < 0) {
            Pause.millis(SAME_USER_GAP.minus(sinceEarlier).toMillis());
        }
        scenarios.forEach(Scenario::warmUp);
        List<OurStepShare.Window> windows = new ArrayList<>();
        List<Path> recordings = new ArrayList<>();
        for (int node = 0; node < jvms.size(); node++) {
            recordings.add(recording.resolveSibling(recording.getFileName() + "-node-" + node + ".jfr"));
            jvms.get(node).startRecording(recordings.get(node));
        }
        int textsBefore = texts(sms);
        long requestsBefore = twilio.requests();
        int lookupsBefore = twilio.lookups().size();
        for (int round = 0; round < ROUNDS; round++) {
            for (Scenario scenario : scenarios) {
                windows.add(scenario.measureRound(round));
            }
        }
        int texts = texts(sms) - textsBefore;
        long twilioRequests = twilio.requests() - requestsBefore;
        int lookups = twilio.lookups().size() - lookupsBefore;
        jvms.forEach(ServerJvm::stopRecording);
        Map<String, OurStepShare.Samples> shares = OurStepShare.read(recordings, windows);

        // The impatient sellers, after the measured rounds: their reloads must not send a second text.
        int impatientBefore = texts(impatient);
        inParallel(impatient.stream().<Runnable>map(user -> () -> signIns.twoStepSmsImpatient(user,
                signIns.browser())).toList());
        Pause.millis(1000);
        int impatientTexts = texts(impatient) - impatientBefore;
        String notes = signIns.notesAtCodePage(impatient.get(0), signIns.browser());
        String memory = memorySignIns > 0 ? memory(signIns, sms, trusted, trustedBrowsers) : "";

        List<Measured> results = scenarios.stream().map(Scenario::measured).toList();
        StringBuilder report = new StringBuilder("[benchmark] sign-ins, " + SIGN_INS + " each after " + WARM_UP
                + " warm-up, " + THREADS + " at a time, in " + ROUNDS + " rounds, " + setUp + "\n");
        for (Measured result : results) {
            OurStepShare.Samples share = shares.getOrDefault(result.name(), OurStepShare.Samples.NONE);
            report.append(String.format("[benchmark]   %-40s %6.1f/s  p50 %4d ms  p95 %4d ms  CPU %5.1f ms"
                            + "/sign-in, the step after the password %4.1f%% of %d samples (%.2f ms, its page %.2f ms)%n",
                    result.name(), result.perSecond(), result.percentile(50), result.percentile(95),
                    result.cpuMillisPerSignIn(), share.share() * 100, share.all(),
                    result.cpuMillisPerSignIn() * share.share(), result.cpuMillisPerSignIn() * share.pageShare()));
        }
        report.append(String.format("[benchmark] ratios of sign-ins per second: (c)/(b) = %.2f (goal >= 0.95), "
                        + "(d)/(b) = %.2f, (e)/(a) = %.2f (goal >= 0.98)%n", ratio(results, 2, 1), ratio(results, 3, 1),
                ratio(results, 4, 0)));
        report.append(String.format("[benchmark] CPU of our step per sign-in without its page (goal < 2 ms): app "
                        + "%.2f ms, SMS %.2f ms, trusted device %.2f ms; Keycloak's OTP form %.2f ms; the floor, one "
                        + "password hash and one HMAC: (a) %.1f ms in all%n", stepMillis(results.get(2), shares),
                stepMillis(results.get(3), shares), stepMillis(results.get(4), shares),
                stepMillis(results.get(1), shares), results.get(0).cpuMillisPerSignIn()));
        int smsSignIns = results.get(3).count();
        report.append(String.format("[benchmark] per SMS sign-in: %.2f texts and calls (goal 1.00), %.2f Twilio "
                        + "requests of which %.2f Lookup (with Lookup on; goal 0.00 for returning sellers); with two "
                        + "reloads and three delivery checks each (%d sign-ins): %.2f texts%n",
                (double) texts / smsSignIns, (double) twilioRequests / smsSignIns, (double) lookups / smsSignIns,
                impatient.size(), (double) impatientTexts / impatient.size()));
        report.append("[benchmark] notes of one login at the SMS code page, bytes as ProtoStream writes them "
                + "(goal: ours < 1 KB): ").append(notes).append('\n');
        report.append(memory);
        System.out.print(report);
        return new Report(results, report.toString(), texts, impatient.size(), impatientTexts);
    }

    /** Writes the rates to {@code file}, for a later execution that compares against them. */
    static void save(Report report, Path file) {
        Properties rates = new Properties();
        for (int i = 0; i < report.results().size(); i++) {
            rates.setProperty("perSecond." + i, Double.toString(report.perSecond(i)));
        }
        try (var out = Files.newOutputStream(file)) {
            rates.store(out, "sign-ins per second by scenario, (a) = 0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rates {@link #save} wrote, if that file exists. */
    static Map<Integer, Double> saved(Path file) {
        Map<Integer, Double> rates = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return rates;
        }
        Properties stored = new Properties();
        try (var in = Files.newInputStream(file)) {
            stored.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stored.stringPropertyNames().forEach(key -> rates.put(Integer.parseInt(key.substring(key.indexOf('.') + 1)),
                Double.parseDouble(stored.getProperty(key))));
        return rates;
    }

    /**
     * The heap after a full collection, before and after {@link #memorySignIns} more sign-ins of the users
     * measured (by text message and from trusted browsers, in turn): what a sign-in leaves behind for good.
     */
    private String memory(SignIns signIns, List<BenchUser> sms, List<BenchUser> trusted,
                          Map<BenchUser, FormBrowser> trustedBrowsers) {
        ServerJvm jvm = jvms.get(0);
        AdminApi admin = new AdminApi(nodes.get(0));
        // Each SMS user signs in a few dozen times here: within the hour, far beyond a seller's budget, and
        // one user's sign-ins may follow each other within the suite's 1 s resend cooldown.
        Map<String, String> policy = admin.changePolicy(Map.of("sendsPerUserPerHour", "1000",
                "sendsPerNumberPerDay", "1000", "resendCooldownSeconds", "0"));
        signOutEveryone();
        long before = jvm.heapAfterFullGc();
        Map<String, Integer> entriesBefore = entries(signIns.singleUseEntries());
        List<Runnable> signInsToDo = new ArrayList<>();
        // One sign-in of a user at a time: two at once would read each other's text (the inbox counts a
        // number's texts) or share a trusted browser's cookies, type a wrong code and get the user locked.
        for (int i = 0; i < memorySignIns; i++) {
            if (i % 2 == 0) {
                BenchUser user = sms.get((i / 2) % sms.size());
                signInsToDo.add(() -> {
                    synchronized (user) {
                        signIns.twoStepSms(user, signIns.browser());
                    }
                });
            } else {
                BenchUser user = trusted.get((i / 2) % trusted.size());
                signInsToDo.add(() -> {
                    synchronized (user) {
                        FormBrowser browser = trustedBrowsers.get(user);
                        browser.forgetCookiesBut("TWO_STEP_TRUSTED_DEVICE");
                        signIns.trustedDevice(user, browser);
                    }
                });
            }
        }
        long started = System.nanoTime();
        inParallel(signInsToDo);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long withSessions = jvm.heapAfterFullGc();
        signOutEveryone();
        long after = jvm.heapAfterFullGc();
        Map<String, Integer> entriesAfter = entries(signIns.singleUseEntries());
        admin.changePolicy(policy);
        int smsSignIns = (memorySignIns + 1) / 2;
        StringBuilder left = new StringBuilder();
        entriesAfter.forEach((kind, count) -> left.append(left.length() > 0 ? ", " : "").append(String.format(
                "%s %.2f", kind, (double) (count - entriesBefore.getOrDefault(kind, 0)) / smsSignIns)));
        return String.format("[benchmark] heap after a full GC: %.1f MB before %d more sign-ins (half by text "
                        + "message, half from trusted browsers; %.0f s), %.1f MB after them with their sessions open "
                        + "(%+.0f bytes per sign-in: Keycloak's user and client sessions), %.1f MB once they are "
                        + "signed out (%+.0f bytes per sign-in; goal: flat but for the single-use entries)%n"
                        + "[benchmark] single-use entries left per SMS sign-in, until their lifespans end: %s%n",
                before / 1e6, memorySignIns, took.toMillis() / 1000.0, withSessions / 1e6,
                (double) (withSessions - before) / memorySignIns, after / 1e6, (double) (after - before) / memorySignIns,
                left.length() == 0 ? "none" : left);
    }

    private static Map<String, Integer> entries(String json) {
        Map<String, Integer> kinds = new TreeMap<>();
        AdminApi.parse(json).fields().forEachRemaining(kind -> kinds.put(kind.getKey(), kind.getValue().asInt()));
        return kinds;
    }

    /** Ends every session of the realm (as its admin's "Sign out all active sessions"), so they weigh nothing. */
    private void signOutEveryone() {
        HttpResponse<String> done = new AdminApi(nodes.get(0)).request("POST", "/logout-all", null);
        if (done.statusCode() != 200) {
            throw new IllegalStateException("sign-out of all sessions answered " + done.statusCode() + ": " + done.body());
        }
    }

    private static double stepMillis(Measured result, Map<String, OurStepShare.Samples> shares) {
        OurStepShare.Samples share = shares.getOrDefault(result.name(), OurStepShare.Samples.NONE);
        return result.cpuMillisPerSignIn() * (share.share() - share.pageShare());
    }

    private int texts(List<BenchUser> users) {
        return users.stream().mapToInt(user -> twilio.receivedFor(user.phone()).size()).sum();
    }

    private Duration cpu() {
        return jvms.stream().map(ServerJvm::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    private static double ratio(List<Measured> results, int over, int under) {
        return results.get(over).perSecond() / results.get(under).perSecond();
    }

    private static void inParallel(List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            tasks.forEach(task -> done.add(pool.submit(task)));
            for (Future<?> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new AssertionError("a sign-in outside the measured rounds failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One kind of sign-in over its own users: {@link #WARM_UP} unmeasured, then {@link #ROUNDS} measured rounds. */
    private final class Scenario {
        private final String name;
        private final List<BenchUser> users;
        private final Function<BenchUser, FormBrowser> browserOf;
        private final BiConsumer<BenchUser, FormBrowser> signIn;
        private final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        private long wallNanos;
        private Duration cpu = Duration.ZERO;

        Scenario(String name, List<BenchUser> users, Function<BenchUser, FormBrowser> browserOf,
                 BiConsumer<BenchUser, FormBrowser> signIn) {
            this.name = name;
            this.users = users;
            this.browserOf = browserOf;
            this.signIn = signIn;
        }

        void warmUp() {
            users.subList(0, WARM_UP).forEach(user -> signIn.accept(user, browserOf.apply(user)));
        }

        /** Round {@code round}'s share of the users, {@link #THREADS} at a time; browsers made untimed. */
        OurStepShare.Window measureRound(int round) {
            int perRound = SIGN_INS / ROUNDS;
            List<BenchUser> share = users.subList(WARM_UP + round * perRound,
                    round == ROUNDS - 1 ? users.size() : WARM_UP + (round + 1) * perRound);
            Map<BenchUser, FormBrowser> browsers = new LinkedHashMap<>();
            share.forEach(user -> browsers.put(user, browserOf.apply(user)));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            Instant from = Instant.now();
            Duration cpuBefore = cpu();
            long start = System.nanoTime();
            try {
                List<Future<?>> done = new ArrayList<>();
                browsers.forEach((user, browser) -> done.add(pool.submit(() -> {
                    long began = System.nanoTime();
                    signIn.accept(user, browser);
                    micros.add((System.nanoTime() - began) / 1000);
                })));
                for (Future<?> future : done) {
                    future.get();
                }
            } catch (Exception e) {
                throw new AssertionError(name + ": a sign-in failed", e);
            } finally {
                pool.shutdownNow();
            }
            wallNanos += System.nanoTime() - start;
            cpu = cpu.plus(cpu().minus(cpuBefore));
            return new OurStepShare.Window(name, from, Instant.now());
        }

        Measured measured() {
            return new Measured(name, micros.size(), Duration.ofNanos(wallNanos), List.copyOf(micros), cpu);
        }
    }
}
